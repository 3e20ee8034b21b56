import { Transform } from 'node:stream';
import { badInput } from '../engine-error';

/**
 * The leading bytes ("magic numbers") of the file types materials usually accept. A file that
 * claims one of these types but starts otherwise is refused: a renamed executable must not pass
 * as a PDF just because the browser said so. Types without a signature here (plain text, CSV)
 * are taken as declared.
 */
const signatures: Record<string, ((head: Buffer) => boolean)[]> = {
  'application/pdf': [startsWith('%PDF-')],
  'image/png': [startsWith('\x89PNG\r\n\x1a\n')],
  'image/jpeg': [(head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff],
  'image/gif': [startsWith('GIF87a'), startsWith('GIF89a')],
  'image/webp': [
    (head) =>
      head.subarray(0, 4).equals(ascii('RIFF')) && head.subarray(8, 12).equals(ascii('WEBP')),
  ],
  'image/tiff': [startsWith('II*\x00'), startsWith('MM\x00*')],
  'application/zip': [startsWith('PK\x03\x04')],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    startsWith('PK\x03\x04'),
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [startsWith('PK\x03\x04')],
  'application/msword': [startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')],
  'application/vnd.ms-excel': [startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')],
};

/** How many leading bytes the longest check reads. */
const headLength = 12;

/**
 * A pass-through stream that fails with `file_content_mismatch` when the first bytes do not
 * look like the declared type. It holds back at most the first 12 bytes until it can decide.
 */
export function contentCheck(mediaType: string): Transform {
  const checks = signatures[baseType(mediaType)];
  let head = Buffer.alloc(0);
  let decided = !checks;
  const decide = (): Error | null => {
    decided = true;
    return checks!.some((matches) => matches(head)) ? null : mismatch(mediaType);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (decided) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < headLength) return done();
      const error = decide();
      done(error, error ? undefined : head);
    },
    flush(done) {
      // An empty file is refused elsewhere, as empty, which says more than a mismatch.
      if (decided || head.length === 0) return done();
      const error = decide();
      done(error, error ? undefined : head);
    },
  });
}

function mismatch(mediaType: string) {
  const message = `the file's content is not ${baseType(mediaType)} as its type says`;
  return badInput('file_content_mismatch', message, [
    { pointer: '/file', code: 'file_content_mismatch', message },
  ]);
}

function baseType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

function startsWith(prefix: string): (head: Buffer) => boolean {
  const bytes = ascii(prefix);
  return (head) => head.subarray(0, bytes.length).equals(bytes);
}
