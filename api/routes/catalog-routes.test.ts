import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { catalogRoutes } from './catalog-routes';

describe('the catalog', () => {
  let server: TestApiServer;
  let client: ApiClient;
  beforeAll(async () => {
    server = await startTestApiServer([catalogRoutes]);
    client = new ApiClient(server.baseUrl);
  }, 60_000);
  afterAll(() => server.close());

  it('lists categories with their published matters', async () => {
    const response = await client.get('/api/categories');
    expect(response.status).toBe(200);
    const registration = response.body.categories.find(
      (c: { id: string }) => c.id === 'entity-registration',
    );
    expect(registration.title).toEqual({ 'zh-CN': '主体登记', en: 'Entity registration' });
    expect(registration.matters).toContainEqual({
      id: 'commercial-entity-establishment',
      version: '1.0.0',
      title: { 'zh-CN': '商事主体设立登记', en: 'Commercial entity establishment registration' },
      applicantTypes: ['enterprise'],
      authLevel: 'password',
    });
  });

  it('gives a matter with its compiled form, materials, statuses and events', async () => {
    const { status, body } = await client.get('/api/matters/commercial-entity-establishment');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'commercial-entity-establishment',
      version: '1.0.0',
      authLevel: 'password',
      processingDays: 3,
      category: { id: 'entity-registration' },
      initialStatus: 'draft',
    });
    expect(body.materials[0]).toMatchObject({ id: 'articlesOfAssociation', maxSize: 10485760 });
    // Material fields come expanded into lists of uploaded-file references.
    expect(body.schema.properties.articlesOfAssociation).toMatchObject({
      type: 'array',
      maxItems: 3,
      minItems: 1,
    });
    expect(body.uiSchema).toEqual(expect.any(Object));
    expect(body.statuses.correctionRequested).toEqual({
      category: 'correction',
      label: { 'zh-CN': '补正中', en: 'Correction requested' },
      final: false,
      applicantEdits: true,
    });
    expect(body.events).toContainEqual({
      type: 'SUBMIT',
      label: { 'zh-CN': '提交申请', en: 'Submit' },
      by: ['applicant'],
    });
  });

  it.each([
    ['zh-CN', undefined, '事项不存在或尚未发布'],
    ['en', 'en-GB,en;q=0.9', 'matter no-such-matter has no published version'],
  ])('answers 404 for an unknown matter in %s', async (_locale, language, message) => {
    const headers: Record<string, string> = language ? { 'accept-language': language } : {};
    const response = await client.request('GET', '/api/matters/no-such-matter', undefined, headers);
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'matter_not_found', message });
  });

  it('answers 404 for an id that cannot be a matter', async () => {
    const response = await client.get('/api/matters/%E4%B8%AD..');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('matter_not_found');
  });
});
