import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@send/domain';
import { LiveUserDirectory } from '@send/read-models';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { UserMatch } from '../config/oidc-client-config';

/**
 * Who a verified token speaks for, with their current role grants, from the user directory in
 * memory: signing in asks no database (LiveUserDirectory says how it stays current).
 */
@Injectable()
export class PrincipalService {
  private readonly match: UserMatch;

  constructor(
    private readonly users: LiveUserDirectory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.match = config.auth.mode === 'oidc' ? (config.auth.userMatch ?? 'id') : 'id';
  }

  /**
   * The person a token's user claim names. With AUTH_USER_MATCH=email the claim is an address
   * the organisation's directory vouches for, matched (ignoring case) to the one person
   * registered here with it; no match, or two people sharing it, signs them in with no roles.
   * Roles still come only from the grants recorded here.
   */
  async forClaim(value: string): Promise<Principal> {
    if (this.match === 'id') return this.load(value);
    const matches = this.users.current.userIdsWithEmail(value);
    if (matches.length !== 1) return { userId: value, displayName: value, ownerId: null, grants: [] };
    return this.load(matches[0]);
  }

  /**
   * A valid token for someone not registered here signs them in with no roles: they see no
   * plans, which tells them to ask for access without telling them anything else.
   */
  async load(userId: string): Promise<Principal> {
    return this.users.current.principal(userId);
  }
}
