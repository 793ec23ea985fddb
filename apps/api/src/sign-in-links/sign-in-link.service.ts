import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, LessThan, MoreThan, MoreThanOrEqual } from 'typeorm';
import { RoleGrantEntity, SignInLinkEntity, UserEntity } from '@send/read-models';
import { LocalSigningKey, mintLocalToken } from '../auth/local-signing-key';
import { LOCAL_SIGNING_KEY } from '../auth/local-signing-key.provider';
import { Clock } from '../common/clock';
import { AppConfig, DEFAULT_SIGN_IN_LINKS, remindersConfig, RemindersConfig, SignInLinkConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { createMailTransport, MailTransport, messageIdFrom } from '../reminders/mail-transport';
import { hashSignInCode, newSignInCode } from './sign-in-code';
import { renderSignInMail } from './sign-in-link-mail.renderer';

/** A code that is unknown, used, expired, or spent by another link of the same person: all the same to the asker. */
export class SignInLinkRefusedError extends Error {
  constructor() {
    super('This sign-in link has expired or has already been used. Ask for a new one.');
  }
}

export interface SignInSession {
  token: string;
  userId: string;
  expiresAt: string;
}

const HOUR_MS = 3_600_000;
/** Several people may share one address (a team inbox); each gets a link of their own, up to this many. */
const MAX_PEOPLE_PER_ADDRESS = 5;
/** Rows are kept a day past expiry, then removed as new links are asked for. */
const KEEP_AFTER_EXPIRY_MS = 24 * HOUR_MS;

/**
 * Sign-in by a one-time link e-mailed to a registered person. The asker's answer never depends
 * on whether the address is known: looking the address up, storing the link and sending the mail
 * all happen after the answer has gone, so neither its content nor its timing tells.
 */
@Injectable()
export class SignInLinkService implements OnApplicationShutdown {
  private readonly logger = new Logger('SignInLinks');
  readonly settings: SignInLinkConfig;
  private readonly mail: RemindersConfig;
  private transport: MailTransport | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOCAL_SIGNING_KEY) private readonly key: LocalSigningKey,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {
    this.settings = config.signInLinks ?? DEFAULT_SIGN_IN_LINKS;
    // The same mail settings as reminders (SMTP, or .eml files in DATA_DIR/outbox), with or without the reminder timer.
    this.mail = config.reminders ?? remindersConfig({}, config.dataDir, config.port);
  }

  /** Starts sending a link to everyone with access who has this address; returns before anything is looked up. */
  request(email: string): void {
    const work = this.send(email).catch((error) => this.logger.warn(`A sign-in link could not be sent: ${error instanceof Error ? error.message : String(error)}`));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves once every link asked for so far has been sent or given up (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Spends the code and opens a session for the person it was made for. The UPDATE is the whole
   * decision: of two redemptions at once, on one instance or two sharing the read database, the
   * database lets exactly one change the row.
   */
  async redeem(code: string): Promise<SignInSession> {
    const now = this.clock.now();
    const codeHash = hashSignInCode(code);
    const links = this.dataSource.getRepository(SignInLinkEntity);
    const spent = await links.update({ codeHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    if (spent.affected !== 1) throw new SignInLinkRefusedError();
    const link = await links.findOneByOrFail({ codeHash });
    // Signed in: the person's other links still in their inbox are only a risk now.
    await links.update({ userId: link.userId, usedAt: IsNull() }, { usedAt: now });
    const ttlSeconds = this.settings.sessionHours * 3600;
    const token = await mintLocalToken(this.key, { userId: link.userId, issuer: this.config.auth.issuer, audience: this.config.auth.audience, ttlSeconds });
    return { token, userId: link.userId, expiresAt: new Date(Date.parse(now) + ttlSeconds * 1000).toISOString() };
  }

  private async send(email: string): Promise<void> {
    const people = await this.peopleWithAccess(email);
    for (const person of people) await this.sendTo(person);
  }

  /** Registered people whose address this is, ignoring case, who hold at least one role. */
  private async peopleWithAccess(email: string): Promise<UserEntity[]> {
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('LOWER(u.email) = :email', { email: email.toLowerCase() })
      .orderBy('u.userId')
      .limit(MAX_PEOPLE_PER_ADDRESS)
      .getMany();
    const withAccess: UserEntity[] = [];
    for (const user of users) {
      if (await this.dataSource.getRepository(RoleGrantEntity).existsBy({ userId: user.userId })) withAccess.push(user);
    }
    return withAccess;
  }

  private async sendTo(person: UserEntity): Promise<void> {
    const now = this.clock.now();
    const nowMs = Date.parse(now);
    const links = this.dataSource.getRepository(SignInLinkEntity);
    await links.delete({ expiresAt: LessThan(new Date(nowMs - KEEP_AFTER_EXPIRY_MS).toISOString()) });
    // The per-address limit counts in one instance's memory; this one holds across instances.
    const lastHour = await links.countBy({ userId: person.userId, requestedAt: MoreThanOrEqual(new Date(nowMs - HOUR_MS).toISOString()) });
    if (lastHour >= this.settings.perAddressPerHour) {
      this.logger.warn(`No sign-in link sent to ${person.userId}: ${lastHour} already sent in the last hour.`);
      return;
    }
    const { code, codeHash } = newSignInCode();
    const expiresAt = new Date(nowMs + this.settings.linkMinutes * 60_000).toISOString();
    await links.insert({ codeHash, userId: person.userId, requestedAt: now, expiresAt, usedAt: null });
    const mail = renderSignInMail({
      displayName: person.displayName,
      userId: person.userId,
      // In the fragment: never sent to a server, so not in access logs, proxies or a Referer.
      link: `${this.mail.publicUrl}/dashboard/#sign-in=${code}`,
      expiresAt,
      linkMinutes: this.settings.linkMinutes,
    });
    const mailId = randomUUID();
    await this.mailer().send({
      ...mail,
      reminderId: `sign-in-${mailId}`,
      from: this.mail.from,
      to: [person.email!],
      messageId: messageIdFrom(this.mail.from, `sign-in-${mailId}`),
      date: new Date(nowMs),
    });
  }

  private mailer(): MailTransport {
    this.transport ??= createMailTransport(this.mail.transport);
    return this.transport;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.whenIdle();
    this.transport?.close();
  }
}
