import type { Database } from '../database/database';

/**
 * Ids of pending timers due at `now`, soonest first, for a poller to hand to fireTimer (or to the
 * job queue). Nothing is locked here: fireTimer locks each one, so several pollers may read the
 * same ids and only one of them fires each timer.
 */
export async function dueTimers(database: Database, now: Date, limit: number): Promise<string[]> {
  return database('timers')
    .where('status', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .pluck('id');
}
