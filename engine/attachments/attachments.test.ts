import { refusalOf } from '../../test/support/refusal';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { startApplication } from '../applications/start-application';
import {
  type EngineFixture,
  createEngineFixture,
  enterprise,
  enterpriseContact,
  otherEnterprise,
} from '../../test/support/engine-fixture';
import { addAttachment, listAttachments, readAttachment } from './attachments';
import { FileStore } from './file-store';

const matterId = 'commercial-entity-establishment';

describe('attachments', () => {
  let fixture: EngineFixture;
  let files: FileStore;
  let dataDir: string;
  beforeAll(async () => {
    fixture = await createEngineFixture('embedded');
    dataDir = mkdtempSync(join(tmpdir(), 'matterflow-files-'));
    files = new FileStore(dataDir);
  }, 60_000);
  afterAll(() => fixture.drop());

  const upload = (
    applicationId: string,
    overrides: Partial<Parameters<typeof addAttachment>[2]> = {},
  ) =>
    addAttachment(fixture.context, files, {
      applicationId,
      actor: enterprise,
      materialId: 'articlesOfAssociation',
      name: '../../公司章程.pdf',
      mediaType: 'application/pdf',
      content: Readable.from([Buffer.from('%PDF-1.4 articles')]),
      ...overrides,
    });

  it('stores a material with its size and sha256 and reads it back', async () => {
    const application = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    const stored = await upload(application.id);
    const expected = createHash('sha256').update('%PDF-1.4 articles').digest('hex');
    expect(stored).toMatchObject({ name: '公司章程.pdf', size: 17, sha256: expected });
    const read = await readAttachment(
      fixture.context.database,
      application.id,
      stored.id,
      enterprise,
    );
    expect(await text(await files.open(read.storageKey))).toBe('%PDF-1.4 articles');
    await files.remove(read.storageKey);
    await expect(files.open(read.storageKey)).rejects.toMatchObject({
      code: 'attachment_file_missing',
    });
    expect(
      (await listAttachments(fixture.context.database, application.id)).map((a) => a.id),
    ).toEqual([stored.id]);
  });

  it('refuses unknown materials, wrong types, files over the limit and other people', async () => {
    const application = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    const before = readdirSync(join(dataDir, 'attachments')).flatMap((d) =>
      readdirSync(join(dataDir, 'attachments', d)),
    );
    expect((await refusalOf(upload(application.id, { materialId: 'nope' }))).code).toBe(
      'material_unknown',
    );
    expect(
      (await refusalOf(upload(application.id, { mediaType: 'application/x-msdownload' }))).code,
    ).toBe('file_type_not_allowed');
    const big = Readable.from([Buffer.from('%PDF-1.7\n'), Buffer.alloc(12 * 1024 * 1024)]);
    expect((await refusalOf(upload(application.id, { content: big }))).code).toBe('file_too_large');
    expect((await refusalOf(upload(application.id, { actor: otherEnterprise }))).code).toBe(
      'application_forbidden',
    );
    const after = readdirSync(join(dataDir, 'attachments')).flatMap((d) =>
      readdirSync(join(dataDir, 'attachments', d)),
    );
    expect(after).toEqual(before);
    expect(existsSync(dataDir)).toBe(true);
  });
});
