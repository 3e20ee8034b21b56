import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** Sweep expired entries once every so many writes. */
const sweepEvery = 100;

/**
 * Where the demo provider keeps its sessions, interactions, grants and codes: in this process's
 * memory, gone at restart (then one logs in at the demo provider again). Each provider gets a
 * store class of its own, so two providers in one process (tests) share nothing.
 */
export function demoProviderStore(): new (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  /** Session uid, or device user code → the key of its entry. */
  const uids = new Map<string, string>();
  const userCodes = new Map<string, string>();
  let writes = 0;

  function live(key: string | undefined): AdapterPayload | undefined {
    const entry = key === undefined ? undefined : entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.payload;
    entries.delete(key as string);
    return undefined;
  }

  function sweep(): void {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    for (const index of [uids, userCodes]) {
      for (const [value, key] of index) if (!entries.has(key)) index.delete(value);
    }
  }

  return class DemoProviderStore implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      if (++writes % sweepEvery === 0) sweep();
      const key = this.key(id);
      entries.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
      if (payload.uid) uids.set(payload.uid, key);
      if (payload.userCode) userCodes.set(payload.userCode, key);
    }

    async find(id: string) {
      return live(this.key(id));
    }

    async findByUid(uid: string) {
      return live(uids.get(uid));
    }

    async findByUserCode(userCode: string) {
      return live(userCodes.get(userCode));
    }

    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string) {
      entries.delete(this.key(id));
    }

    /** Ends every token and code issued under a grant (a revoked consent, a reused code). */
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of entries) {
        if (entry.payload.grantId === grantId) entries.delete(key);
      }
    }

    private key(id: string): string {
      return `${this.model}:${id}`;
    }
  };
}
