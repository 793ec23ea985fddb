import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * The test provider's storage: one in-memory map shared by every kind of artefact (sessions,
 * codes, refresh tokens…), so a test can revoke what an administrator would in the provider.
 */
export class ProviderStore {
  private readonly entries = new Map<string, { payload: AdapterPayload; expiresAt?: number }>();

  /** The constructor oidc-provider calls once per model name (Session, RefreshToken, …). */
  adapterClass(): new (name: string) => Adapter {
    const store = this;
    return class implements Adapter {
      constructor(private readonly name: string) {}
      async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
        store.entries.set(`${this.name}:${id}`, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      }
      async find(id: string) {
        return store.read(`${this.name}:${id}`);
      }
      async findByUserCode(userCode: string) {
        return store.where(this.name, (p) => p.userCode === userCode)[0];
      }
      async findByUid(uid: string) {
        return store.where(this.name, (p) => p.uid === uid)[0];
      }
      async consume(id: string) {
        const entry = store.entries.get(`${this.name}:${id}`);
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      }
      async destroy(id: string) {
        store.entries.delete(`${this.name}:${id}`);
      }
      async revokeByGrantId(grantId: string) {
        for (const [key, entry] of store.entries) if (entry.payload.grantId === grantId) store.entries.delete(key);
      }
    };
  }

  /** As "revoke sessions" in Entra ID: every sign-in session and refresh token is gone. */
  revokeAllSessions(): void {
    for (const key of [...this.entries.keys()]) if (/^(Session|RefreshToken|Grant):/.test(key)) this.entries.delete(key);
  }

  private read(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  private where(name: string, test: (payload: AdapterPayload) => boolean): AdapterPayload[] {
    return [...this.entries.keys()]
      .filter((key) => key.startsWith(`${name}:`))
      .map((key) => this.read(key))
      .filter((p): p is AdapterPayload => !!p && test(p));
  }
}
