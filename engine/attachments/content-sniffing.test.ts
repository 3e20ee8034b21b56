import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { contentCheck } from './content-sniffing';

async function pass(mediaType: string, chunks: (string | Buffer)[]): Promise<Buffer> {
  const parts = chunks.map((chunk) =>
    typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk,
  );
  const check = contentCheck(mediaType);
  const [, out] = await Promise.all([pipeline(Readable.from(parts), check), buffer(check)]);
  return out;
}

describe('the upload content check', () => {
  it.each([
    ['application/pdf', ['%PDF-1.7 body']],
    ['application/pdf; charset=binary', ['%P', 'DF', '-1.4', ' split across chunks']],
    ['image/png', ['\x89PNG\r\n\x1a\n....']],
    ['image/jpeg', [Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2])]],
    ['image/gif', ['GIF89a......']],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['PK\x03\x04..']],
    ['text/plain', ['anything goes for types without a signature']],
  ])('passes %s through unchanged', async (mediaType, chunks) => {
    const expected = Buffer.concat(
      chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)),
    );
    expect((await pass(mediaType, chunks)).equals(expected)).toBe(true);
  });

  it.each([
    ['application/pdf', ['MZ\x90\x00 an executable']],
    ['image/png', [Buffer.from([0xff, 0xd8, 0xff, 0xe0])]],
    ['image/jpeg', ['%PDF-1.7']],
    ['application/pdf', ['%PD']],
  ])('refuses %s whose bytes say otherwise', async (mediaType, chunks) => {
    await expect(pass(mediaType, chunks)).rejects.toMatchObject({ code: 'file_content_mismatch' });
  });

  it('leaves an empty file to the emptiness check', async () => {
    expect((await pass('application/pdf', [])).length).toBe(0);
  });
});
