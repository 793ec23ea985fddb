import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One e-mailed sign-in link. Unlike every other table here it is not a projection: it is
 * short-lived state the api instances share through the read database, so that a link is
 * redeemed once however many instances there are. Losing it (a schema reset, a rebuild) only
 * means asking for a new link.
 */
@Entity('sign_in_links')
@Index(['userId'])
export class SignInLinkEntity {
  /** SHA-256 of the code, hex. The code itself is only ever in the mail. */
  @PrimaryColumn('varchar', { length: 64 })
  codeHash: string;

  /** The one person the link signs in. */
  @Column('varchar', { length: 100 })
  userId: string;

  /** ISO instants from the app's clock, all the same length, so they compare as text. */
  @Column('varchar', { length: 30 })
  requestedAt: string;

  @Column('varchar', { length: 30 })
  expiresAt: string;

  /** Set by the one redemption that wins; a link with a value here signs nobody in. */
  @Column('varchar', { length: 30, nullable: true })
  usedAt: string | null;
}
