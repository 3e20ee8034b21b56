import { createTestDatabase, databaseKinds } from '../../test/support/test-database';
import { databaseKind, migrate } from './database';

describe.each(databaseKinds)('database on %s', (kind) => {
  it('migrates to the engine tables and is idempotent', async () => {
    const { database, drop } = await createTestDatabase(kind);
    try {
      expect(databaseKind(database)).toBe(kind);
      expect(await migrate(database)).toEqual([]);
      const result = await database('applications').count({ n: '*' });
      expect(Number(result[0]?.n)).toBe(0);
      await database('matters').insert({ id: 'm', category_id: 'c' });
      const rows = await database('matters').select('id', 'created_at');
      expect(rows[0]?.id).toBe('m');
      expect(rows[0]?.created_at).toBeInstanceOf(Date);
    } finally {
      await drop();
    }
  }, 30_000);
});
