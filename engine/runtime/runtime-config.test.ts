import { RuntimeConfigError, runtimeConfigFromEnv } from './runtime-config';

describe('runtimeConfigFromEnv', () => {
  it('defaults to the embedded database and in-process dispatch', () => {
    const config = runtimeConfigFromEnv({});
    expect(config).toMatchObject({ queuePrefix: 'matterflow', workerConcurrency: 8 });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
  });

  it('takes the servers, prefix and concurrency from the environment', () => {
    const config = runtimeConfigFromEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/matterflow',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'city-a',
      WORKER_CONCURRENCY: '16',
    });
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'city-a',
      workerConcurrency: 16,
    });
  });

  it.each([
    ['REDIS_URL', 'localhost:6379'],
    ['DATABASE_URL', 'mysql://127.0.0.1'],
    ['QUEUE_PREFIX', 'a:b'],
    ['WORKER_CONCURRENCY', '0'],
    ['LOG_LEVEL', 'bogus'],
    ['REFERENCE_TIME_ZONE', 'Mars/Base'],
  ])('refuses a malformed %s, naming it', (variable, value) => {
    let error: unknown;
    try {
      runtimeConfigFromEnv({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuntimeConfigError);
    expect(error).toMatchObject({ variable, code: 'runtime_config_invalid' });
    expect((error as Error).message).toContain(variable);
  });
});
