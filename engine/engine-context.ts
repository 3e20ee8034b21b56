import type { SessionStore } from './accounts/session-store';
import type { Database } from './database/database';
import type { Logger } from './logger';

/** Who acts on the engine: an applicant, an officer or administrator, or the system itself. */
export interface EngineActor {
  id: string;
  kind: 'applicant' | 'officer' | 'admin' | 'system';
  /** Officer roles; matched against transitions' `meta.by`. */
  roles?: string[];
  /** Matters an officer covers; undefined covers every matter. */
  matters?: string[];
  /** For applicants: what they registered as and how they logged in this session. */
  applicantType?: 'individual' | 'enterprise';
  authLevel?: 'password' | 'certificate';
}

/** How the engine reaches the applicant after commit. */
export interface ApplicantContact {
  name: string;
  email?: string;
  phone?: string;
}

export const systemEngineActor: EngineActor = { id: 'system', kind: 'system' };

/**
 * What every engine operation needs: the database, the logger, the clock and a way to wake the
 * outbox dispatcher once a transaction has committed.
 */
export interface EngineContext {
  database: Database;
  /** Login sessions: in PostgreSQL, or in Redis when REDIS_URL is set. */
  sessions: SessionStore;
  logger: Logger;
  now(): Date;
  /** Called after a commit that wrote outbox rows or timers; never inside the transaction. */
  afterCommit(): void;
}
