import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisSessionStore } from '../../engine/accounts/redis-session-store';
import type { SessionStore } from '../../engine/accounts/session-store';

/** A session store in the test Redis under a prefix of its own, and what a test needs of it. */
export interface TestRedisSessions {
  redis: Redis;
  prefix: string;
  sessions: SessionStore;
  /** The session keys the store holds now. */
  sessionKeys(): Promise<string[]>;
  /** Removes every key under the prefix and disconnects. */
  close(): Promise<void>;
}

export function testRedisSessions(): TestRedisSessions {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `matterflow-test-${randomBytes(4).toString('hex')}`;
  return {
    redis,
    prefix,
    sessions: redisSessionStore(redis, prefix),
    sessionKeys: () => redis.keys(`${prefix}:session:*`),
    async close() {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
