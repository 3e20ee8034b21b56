import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { type AccountClient, logInAccount } from '../../test/support/api-login';
import { saveSampleOverHttp, uploadForm } from '../../test/support/api-sample';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { applicationRoutes } from './application-routes';
import { attachmentRoutes } from './attachment-routes';

const establishment = 'commercial-entity-establishment';
const tenMegabytes = 10 * 1024 * 1024;

/** A multipart body written by hand, for what FormData cannot get wrong. */
function rawMultipart(parts: string[], boundary = 'XyZ', end = `--${boundary}--\r\n`) {
  const body = parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + end;
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const materialPart =
  'Content-Disposition: form-data; name="materialId"\r\n\r\narticlesOfAssociation';
const filePart = (name = 'a.pdf') =>
  `Content-Disposition: form-data; name="file"; filename="${name}"\r\n` +
  'Content-Type: application/pdf\r\n\r\n%PDF-1.7';

describe('material uploads', () => {
  let server: TestApiServer;
  let applicant: AccountClient;
  let applicationId: string;
  beforeAll(async () => {
    server = await startTestApiServer([applicationRoutes, attachmentRoutes]);
    applicant = await logInAccount(server, { kind: 'enterprise' });
    applicationId = (await applicant.post('/api/applications', { matterId: establishment })).body
      .id;
  }, 60_000);
  afterAll(() => server.close());

  const upload = (body: unknown, headers: Record<string, string> = {}, client = applicant) =>
    client.request('POST', `/api/applications/${applicationId}/attachments`, body, headers);

  it('stores a file within the limit with its sha256, and gives it back by name', async () => {
    const content = Buffer.from('%PDF-1.7 公司章程');
    const response = await upload(
      uploadForm('articlesOfAssociation', '公司章程 (签字).pdf', content, 'application/pdf'),
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: '公司章程 (签字).pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });

    const download = await applicant.get(
      `/api/applications/${applicationId}/attachments/${response.body.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''` +
        `${encodeURIComponent('公司章程')}%20%28${encodeURIComponent('签字')}%29.pdf`,
    );
    expect(download.text).toBe(content.toString());
  });

  it('refuses a file one byte over the limit, keeping nothing', async () => {
    const before = await applicant.get(`/api/applications/${applicationId}`);
    const content = pdfOfSize(tenMegabytes + 1);
    const response = await upload(
      uploadForm('articlesOfAssociation', 'big.pdf', content, 'application/pdf'),
    );
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'file_too_large',
      details: [{ pointer: '/file', code: 'file_too_large' }],
    });
    const after = await applicant.get(`/api/applications/${applicationId}`);
    expect(after.body.attachments).toEqual(before.body.attachments);
    const exact = await upload(
      uploadForm('premisesProof', 'fits.pdf', pdfOfSize(tenMegabytes), 'application/pdf'),
    );
    expect(exact.status).toBe(201);
  });

  it('refuses a body declared far larger than any file before reading it', async () => {
    const url = new URL(`/api/applications/${applicationId}/attachments`, server.baseUrl);
    const headers = {
      cookie: applicant.sessionCookieHeader,
      'x-csrf-token': applicant.csrfToken ?? '',
      'content-type': 'multipart/form-data; boundary=XyZ',
      'content-length': String(tenMegabytes * 3),
    };
    const answer = new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      });
      request.on('error', reject);
      request.write('--XyZ\r\n');
    });
    const { status, body } = await answer;
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe('body_too_large');
  });

  it.each([
    [
      'a type the material does not take',
      uploadForm('articlesOfAssociation', 'a.txt', 'text', 'text/plain'),
      422,
      'file_type_not_allowed',
    ],
    [
      'a material the matter does not ask for',
      uploadForm('nothing', 'a.pdf', '%PDF-1.7', 'application/pdf'),
      422,
      'material_unknown',
    ],
    [
      'a file whose content is not of its declared type',
      uploadForm(
        'articlesOfAssociation',
        'a.pdf',
        'MZ\x90\x00 not a pdf at all',
        'application/pdf',
      ),
      422,
      'file_content_mismatch',
    ],
    [
      'a file too short to be of its declared type',
      uploadForm('articlesOfAssociation', 'a.pdf', '%PD', 'application/pdf'),
      422,
      'file_content_mismatch',
    ],
    [
      'an empty file',
      uploadForm('articlesOfAssociation', 'a.pdf', '', 'application/pdf'),
      422,
      'file_empty',
    ],
  ])('refuses %s', async (_what, form, status, code) => {
    const response = await upload(form);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it.each([
    ['no file', rawMultipart([materialPart]), 422, 'file_required'],
    [
      'two files',
      rawMultipart([materialPart, filePart(), filePart('b.pdf')]),
      422,
      'too_many_files',
    ],
    [
      'a file before its material',
      rawMultipart([filePart(), materialPart]),
      422,
      'material_required',
    ],
    [
      'an unknown field',
      rawMultipart(['Content-Disposition: form-data; name="x"\r\n\r\n1', materialPart, filePart()]),
      422,
      'unknown_field',
    ],
    [
      'an unknown field after the file',
      rawMultipart([materialPart, filePart(), 'Content-Disposition: form-data; name="x"\r\n\r\n1']),
      422,
      'unknown_field',
    ],
    [
      'a file under another name',
      rawMultipart([materialPart, filePart().replace('name="file"', 'name="upload"')]),
      422,
      'unknown_field',
    ],
    [
      'a body cut short',
      rawMultipart([materialPart, filePart()], 'XyZ', ''),
      400,
      'multipart_invalid',
    ],
    [
      'a body with no boundary',
      { body: 'x', headers: { 'content-type': 'multipart/form-data' } },
      400,
      'multipart_invalid',
    ],
    [
      'a JSON body',
      { body: '{}', headers: { 'content-type': 'application/json' } },
      415,
      'unsupported_media_type',
    ],
  ])('answers %s with a code', async (_what, { body, headers }, status, code) => {
    const before = await applicant.get(`/api/applications/${applicationId}`);
    const response = await upload(body, headers);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    const after = await applicant.get(`/api/applications/${applicationId}`);
    expect(after.body.attachments).toEqual(before.body.attachments);
  });

  it('keeps another applicant away from the files', async () => {
    const other = await logInAccount(server, { kind: 'enterprise' });
    const response = await upload(
      uploadForm('articlesOfAssociation', 'a.pdf', '%PDF-1.7', 'application/pdf'),
      {},
      other,
    );
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('application_forbidden');
    const [file] = (await applicant.get(`/api/applications/${applicationId}`)).body.attachments;
    const download = await other.get(`/api/applications/${applicationId}/attachments/${file.id}`);
    expect(download.status).toBe(403);
    const missing = await applicant.get(`/api/applications/${applicationId}/attachments/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('attachment_not_found');
  });

  it('takes no file once the application is submitted', async () => {
    const { body: created } = await applicant.post('/api/applications', {
      matterId: establishment,
    });
    const saved = await saveSampleOverHttp(applicant, created.id, establishment, 1);
    await applicant.post(`/api/applications/${created.id}/events`, {
      type: 'SUBMIT',
      version: saved.version,
    });
    const response = await applicant.request(
      'POST',
      `/api/applications/${created.id}/attachments`,
      uploadForm('articlesOfAssociation', 'a.pdf', '%PDF-1.7', 'application/pdf'),
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('not_editable');
  });
});

/** A PDF header followed by padding, `size` bytes in all. */
function pdfOfSize(size: number): Uint8Array {
  const content = new Uint8Array(size);
  content.set(Buffer.from('%PDF-1.7\n'));
  return content;
}
