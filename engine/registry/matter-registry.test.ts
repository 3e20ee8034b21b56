import { refusalOf } from '../../test/support/refusal';
import { join } from 'node:path';
import type { MatterBundle } from '../../definitions/matter-definition';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { type LoadedDefinition, loadDefinition } from '../../definitions/source/loaded-definition';
import {
  type EngineFixture,
  createEngineFixture,
  enterprise,
  enterpriseContact,
  examplesFolder,
} from '../../test/support/engine-fixture';
import { databaseKinds } from '../../test/support/test-database';
import { startApplication } from '../applications/start-application';
import {
  addMatterVersion,
  listCatalog,
  listMatterVersions,
  loadMatterVersion,
  publishMatterVersion,
  retireMatterVersion,
} from './matter-registry';
import { compareVersions } from './semver';

const matterId = 'commercial-entity-establishment';

function exampleBundle(edit: (bundle: MatterBundle) => void): LoadedDefinition {
  const folder = loadDefinition(readDefinitionSource(join(examplesFolder, matterId)));
  const bundle = {
    format: 'matterflow-bundle/1',
    ...Object.fromEntries(
      Object.entries(folder.parts).map(([name, part]) => [name, structuredClone(part?.value)]),
    ),
    templates: Object.fromEntries(folder.templates.map((t) => [t.name, t.source])),
  } as MatterBundle;
  edit(bundle);
  const text = JSON.stringify(bundle, null, 2);
  return loadDefinition({ kind: 'bundle', origin: 'upload.bundle.json', text: { ok: true, text } });
}

describe.each(databaseKinds)('matter registry on %s', (kind) => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
  }, 60_000);
  afterAll(() => fixture.drop());

  it('lists categories with the current version of each published matter', async () => {
    const catalog = await listCatalog(fixture.context.database);
    const ids = catalog.flatMap((c) => c.matters.map((m) => `${c.id}/${m.id}@${m.version}`));
    expect(ids).toEqual(
      expect.arrayContaining([
        'entity-registration/commercial-entity-establishment@1.0.0',
        'entity-registration/individual-business-registration@1.0.0',
      ]),
    );
    expect(catalog.find((c) => c.id === 'entity-registration')?.title['zh-CN']).toBe('主体登记');
  });

  it('refuses a definition with lint errors, with every finding as a detail', async () => {
    const broken = exampleBundle((b) => {
      b.matter.version = '1.1.0';
      b.workflow.initial = 'nowhere';
      const schema = b.formSchema as { required?: string[] };
      schema.required = [...(schema.required ?? []), 'ghost'];
    });
    const error = await refusalOf(addMatterVersion(fixture.context.database, broken));
    expect(error.code).toBe('definition_invalid');
    expect(error.details.map((d) => d.pointer)).toEqual(
      expect.arrayContaining(['/workflow/initial']),
    );
    expect(error.details.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps versions immutable: the same content again is a no-op, other content a conflict', async () => {
    const same = exampleBundle(() => undefined);
    const again = await addMatterVersion(fixture.context.database, same);
    expect(again.status).toBe('published');
    const changed = exampleBundle((b) => {
      b.matter.title.en = 'Changed';
    });
    expect((await refusalOf(addMatterVersion(fixture.context.database, changed))).code).toBe(
      'version_exists',
    );
  });

  it('keeps a running application on its version after a newer one is published', async () => {
    const database = fixture.context.database;
    const old = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    const newer = exampleBundle((b) => {
      b.matter.version = '1.1.0';
      b.matter.title['zh-CN'] = '商事主体设立登记（新版）';
    });
    expect((await addMatterVersion(database, newer)).status).toBe('draft');
    expect((await loadMatterVersion(database, matterId)).definition.matter.version).toBe('1.0.0');
    await publishMatterVersion(database, matterId, '1.1.0');
    expect((await loadMatterVersion(database, matterId)).definition.matter.version).toBe('1.1.0');
    const fresh = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    expect(fresh.matterVersion).toBe('1.1.0');
    const stored = await database('applications').where({ id: old.id }).first();
    expect(stored.matter_version).toBe('1.0.0');

    await retireMatterVersion(database, matterId, '1.1.0');
    expect((await loadMatterVersion(database, matterId)).definition.matter.version).toBe('1.0.0');
    const versions = (await listMatterVersions(database)).filter((v) => v.matterId === matterId);
    expect(versions.map((v) => `${v.version}:${v.status}`)).toEqual([
      '1.0.0:published',
      '1.1.0:retired',
    ]);
    const republish = publishMatterVersion(database, matterId, '1.1.0');
    expect((await refusalOf(republish)).code).toBe('version_retired');
    expect((await refusalOf(publishMatterVersion(database, matterId, '9.9.9'))).code).toBe(
      'matter_version_not_found',
    );
  });

  it('refuses to start a matter with no published version', async () => {
    const start = startApplication(fixture.context, {
      matterId: 'no-such-matter',
      applicant: enterprise,
      contact: enterpriseContact,
    });
    expect((await refusalOf(start)).code).toBe('matter_not_found');
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['1.2.3', '1.2.3', 0],
  ])('orders %s and %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
