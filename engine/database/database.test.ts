import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, databaseKinds } from '../../test/support/test-database';
import { EmbeddedDatabaseBusyError, databaseKind, migrate, openDatabase } from './database';

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

describe('the embedded database folder', () => {
  it('refuses a second process while the first holds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'matterflow-lock-'));
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dataDir, 'pglite', 'matterflow.pid'), String(holder.pid));
      expect(() => openDatabase({ dataDir })).toThrow(EmbeddedDatabaseBusyError);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const database = openDatabase({ dataDir });
    await database.destroy();
  });
});
