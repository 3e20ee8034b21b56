import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { definitionFromLoaded } from '../../definitions/compiled-definition';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import { listCatalog } from '../../engine/registry/matter-registry';
import { ApiClient } from '../../test/support/api-client';
import { type SessionClient, loginAs } from '../../test/support/admin-login';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { examplesFolder } from '../../test/support/engine-fixture';
import { adminRoutes } from './admin-routes';

const brokenFolder = join(__dirname, '..', '..', 'examples', 'broken');

/** The annual report example as a bundle of a new matter, pretty-printed like an upload. */
function goodBundle(id = 'annual-report-lite', version = '1.0.0'): string {
  const loaded = loadDefinition(readDefinitionSource(join(examplesFolder, 'annual-report')));
  const { matter, formSchema, formUi, workflow, templates } = definitionFromLoaded(loaded);
  const bundle = {
    format: 'matterflow-bundle/1',
    matter: { ...matter, $schema: undefined, id, version },
    formSchema,
    formUi,
    workflow: { ...workflow, $schema: undefined },
    templates,
  };
  return JSON.stringify(bundle, null, 2);
}

describe('the admin API', () => {
  let server: TestApiServer;
  let admin: SessionClient;
  beforeAll(async () => {
    server = await startTestApiServer([adminRoutes]);
    admin = await loginAs(server, 'admin');
  }, 60_000);
  afterAll(() => server.close());

  it('refuses a broken bundle with every finding and its pointer', async () => {
    const text = readFileSync(
      join(brokenFolder, 'bundle-workflow-unknown-state', 'dog-licence.bundle.json'),
      'utf8',
    );
    const response = await admin.post('/api/admin/matters', text);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('definition_invalid');
    expect(response.body.error.details).toEqual(
      expect.arrayContaining([
        {
          pointer: '/workflow/states/submitted/on/REJECT/target',
          code: 'workflow-unknown-state',
          message: expect.stringMatching(/^error at line \d+, column \d+: /),
        },
        expect.objectContaining({
          pointer: '/workflow/states/rejected',
          code: 'workflow-unreachable-state',
        }),
      ]),
    );
  });

  it('places findings by line and column in the text sent', async () => {
    const text = goodBundle().replace('"initial": "draft"', '"initial": "nowhere"');
    const response = await admin.post('/api/admin/matters/lint', text);
    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('"nowhere"')) + 1;
    expect(response.body.findings).toContainEqual(
      expect.objectContaining({ pointer: '/workflow/initial', line, file: 'bundle.json' }),
    );
    expect(response.body.preview).toBeUndefined();
  });

  it('previews a clean bundle: the status diagram and the compiled form', async () => {
    const response = await admin.post('/api/admin/matters/lint', goodBundle());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: true, findings: expect.any(Array) });
    expect(response.body.preview.graph).toMatch(/^stateDiagram-v2\n/);
    expect(response.body.preview.formSchema).toHaveProperty('properties');
  });

  it('stores a good bundle as a draft, publishes it into the catalog and retires it', async () => {
    const created = await admin.post('/api/admin/matters', goodBundle());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      matterId: 'annual-report-lite',
      version: '1.0.0',
      status: 'draft',
      findings: expect.any(Array),
    });
    expect(await catalogIds()).not.toContain('annual-report-lite');

    const path = '/api/admin/matters/annual-report-lite/versions/1.0.0';
    const detail = await admin.get(path);
    expect(detail.body).toMatchObject({ status: 'draft', graph: expect.any(String) });
    expect(detail.body.definition.matter.id).toBe('annual-report-lite');

    expect((await admin.post(`${path}/publish`)).body.status).toBe('published');
    expect(await catalogIds()).toContain('annual-report-lite');
    const list = await admin.get('/api/admin/matters');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ matterId: 'annual-report-lite', status: 'published' }),
    );

    expect((await admin.post(`${path}/retire`)).body.status).toBe('retired');
    expect(await catalogIds()).not.toContain('annual-report-lite');
    expect((await admin.post(`${path}/publish`)).body.error.code).toBe('version_retired');
  });

  it('refuses other content under a stored version, and unknown versions', async () => {
    await admin.post('/api/admin/matters', goodBundle('annual-report-twice'));
    const changed = goodBundle('annual-report-twice').replace(
      '"processingDays": 0',
      '"processingDays": 3',
    );
    const again = await admin.post('/api/admin/matters', changed);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('version_exists');
    const missing = await admin.post('/api/admin/matters/nothing/versions/9.9.9/publish');
    expect(missing.status).toBe(404);
  });

  it('lists failed outbox rows and puts them back to pending', async () => {
    const { database } = server.services.engine;
    const [row] = await database('outbox')
      .insert({
        kind: 'notify',
        payload: '{}',
        status: 'failed',
        attempts: 8,
        last_error: 'smtp down',
      })
      .returning('id');
    const id = Number(row.id);
    const failed = await admin.get('/api/admin/outbox/failed?limit=10');
    expect(failed.body.items).toContainEqual(
      expect.objectContaining({ id, status: 'failed', lastError: 'smtp down' }),
    );
    const retried = await admin.post('/api/admin/outbox/retry', { ids: [id] });
    expect(retried.body).toEqual({ retried: [id] });
    expect(await database('outbox').where({ id }).first('status', 'attempts')).toEqual({
      status: 'pending',
      attempts: 0,
    });
    expect((await admin.get('/api/admin/outbox/failed?limit=0')).status).toBe(422);
  });

  it('lets only administrators in, and only with the CSRF token', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    expect((await anonymous.get('/api/admin/matters')).status).toBe(401);
    expect((await anonymous.post('/api/admin/matters', goodBundle('x'))).status).toBe(401);
    const officer = await loginAs(server, 'officer');
    const refused = await officer.post('/api/admin/matters', goodBundle('annual-report-officer'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('role_required');
    const applicant = await loginAs(server, 'enterprise');
    expect((await applicant.get('/api/admin/outbox/failed')).status).toBe(403);

    const forger = await loginAs(server, 'admin');
    forger.csrfToken = undefined;
    const forged = await forger.post('/api/admin/matters', goodBundle('annual-report-forged'));
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_token_invalid');
  });

  async function catalogIds(): Promise<string[]> {
    const catalog = await listCatalog(server.services.engine.database);
    return catalog.flatMap((category) => category.matters.map((m) => m.id));
  }
});
