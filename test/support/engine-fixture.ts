import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { saveDraft } from '../../engine/applications/save-draft';
import { addAttachment } from '../../engine/attachments/attachments';
import { FileStore } from '../../engine/attachments/file-store';
import { join } from 'node:path';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import type { EngineActor, EngineContext } from '../../engine/engine-context';
import { createLogger } from '../../engine/logger';
import { addMatterVersion } from '../../engine/registry/matter-registry';
import { postgresSessionStore } from '../../engine/accounts/session-store';
import { sampleFile } from './sample-files';
import { type TestDatabaseKind, createTestDatabase } from './test-database';

export const examplesFolder = join(__dirname, '..', '..', 'examples', 'matters');
export const exampleMatterIds = [
  'commercial-entity-establishment',
  'individual-business-registration',
  'annual-report',
] as const;

export interface EngineFixture {
  context: EngineContext;
  databaseUrl?: string;
  /** How many times the engine asked for the dispatcher to wake up. */
  wakeUps(): number;
  /** Lets a test move the engine's clock. */
  setNow(now: Date): void;
  drop(): Promise<void>;
}

/** A migrated database of its own with the example matters published, and an engine context. */
export async function createEngineFixture(kind: TestDatabaseKind): Promise<EngineFixture> {
  const test = await createTestDatabase(kind);
  let wakeUps = 0;
  let now: Date | undefined;
  const context: EngineContext = {
    database: test.database,
    sessions: postgresSessionStore(test.database),
    logger: createLogger({ level: 'silent' }),
    now: () => now ?? new Date(),
    afterCommit: () => {
      wakeUps++;
    },
  };
  for (const id of exampleMatterIds) {
    const loaded = loadDefinition(readDefinitionSource(join(examplesFolder, id)));
    await addMatterVersion(test.database, loaded, { publish: true });
  }
  return {
    context,
    databaseUrl: test.url,
    wakeUps: () => wakeUps,
    setNow: (value) => {
      now = value;
    },
    drop: test.drop,
  };
}

export function sampleData(matterId: string): Record<string, unknown> {
  const path = join(examplesFolder, matterId, 'samples', 'valid.json');
  return JSON.parse(readFileSync(path, 'utf8'));
}

const sampleFiles = new FileStore(mkdtempSync(join(tmpdir(), 'matterflow-sample-files-')));

/**
 * Saves the matter's sample as the application's data, first uploading a small file for each
 * material reference in it: a submit accepts only files uploaded to the application itself.
 */
export async function saveSample(
  context: EngineContext,
  applicationId: string,
  matterId: string,
  actor: EngineActor = enterprise,
  version = 1,
) {
  const data = sampleData(matterId);
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value) || !value.every(isFileReference)) continue;
    const uploads = value.map((file: { name: string }) =>
      addAttachment(context, sampleFiles, {
        applicationId,
        actor,
        materialId: key,
        name: file.name,
        mediaType: sampleFile(file.name).mediaType,
        content: Readable.from([sampleFile(file.name).content]),
      }),
    );
    data[key] = await Promise.all(uploads);
  }
  return saveDraft(context, { applicationId, actor, data, version });
}

function isFileReference(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'sha256' in value && 'id' in value;
}

export const enterprise: EngineActor = {
  id: 'enterprise-1',
  kind: 'applicant',
  applicantType: 'enterprise',
  authLevel: 'password',
};
export const otherEnterprise: EngineActor = { ...enterprise, id: 'enterprise-2' };
export const individual: EngineActor = {
  id: 'person-1',
  kind: 'applicant',
  applicantType: 'individual',
  authLevel: 'password',
};
export const officer: EngineActor = { id: 'officer-1', kind: 'officer', roles: [] };
export const enterpriseContact = {
  name: '深圳市示例科技有限公司',
  email: 'ent@example.test',
  phone: '13800138000',
};
