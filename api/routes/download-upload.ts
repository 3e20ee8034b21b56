import { basename } from 'node:path';
import busboy from 'busboy';
import type { ErrorDetail } from '../../engine/engine-error';
import { downloadFileMaxSize } from '../../engine/content/download-files';
import { HttpError, malformed } from '../http/http-error';
import type { ApiContext } from '../http/route-guards';

/** A downloads file as the administrator uploaded it, fields checked. */
export interface DownloadUpload {
  category: string;
  title: { 'zh-CN': string; en: string };
  name: string;
  mediaType: string;
  content: Buffer;
}

interface RawUpload {
  fields: Record<string, string>;
  file?: { name: string; mediaType: string; content: Buffer; truncated: boolean };
}

const fieldMaxLength = 200;
/** Room for the part headers, the fields and the boundaries around the file. */
const envelopeBytes = 64 * 1024;

/**
 * Reads a multipart upload for the downloads page: a `file` part, and the fields `category`,
 * `title` (zh-CN) and `titleEn` (optional, defaults to `title`). Every missing or bad field
 * comes back at once as a 422 with its pointer; a file over the limit is a 422
 * `file_too_large`; a body that is not multipart a 415.
 */
export async function readDownloadUpload(ctx: ApiContext): Promise<DownloadUpload> {
  if (!ctx.is('multipart/form-data')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the file as multipart/form-data');
  }
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > downloadFileMaxSize + envelopeBytes) {
    throw new HttpError(413, 'body_too_large', `files are limited to ${downloadFileMaxSize} bytes`);
  }
  const raw = await parseMultipart(ctx);
  return checkUpload(raw);
}

function checkUpload({ fields, file }: RawUpload): DownloadUpload {
  const details: ErrorDetail[] = [];
  const need = (name: string, value: string | undefined) => {
    if (!value)
      details.push({ pointer: `/${name}`, code: 'required', message: `${name} is required` });
  };
  need('category', fields.category);
  need('title', fields.title);
  need('file', file && file.content.length > 0 ? file.name : undefined);
  if (file?.truncated) {
    const message = `at most ${downloadFileMaxSize} bytes`;
    throw new HttpError(
      422,
      'file_too_large',
      `the file is larger than ${downloadFileMaxSize} bytes`,
      [{ pointer: '/file', code: 'file_too_large', message }],
    );
  }
  if (details.length > 0 || !file) {
    throw new HttpError(422, 'invalid_fields', 'some fields are missing or wrong', details);
  }
  const title = fields.title ?? '';
  return {
    category: fields.category ?? '',
    title: { 'zh-CN': title, en: fields.titleEn || title },
    name: file.name,
    mediaType: file.mediaType,
    content: file.content,
  };
}

function parseMultipart(ctx: ApiContext): Promise<RawUpload> {
  return new Promise((resolve, reject) => {
    const upload: RawUpload = { fields: {} };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: ctx.req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 10, fieldSize: fieldMaxLength, fileSize: downloadFileMaxSize },
      });
    } catch {
      return reject(malformed('the multipart body has no boundary'));
    }
    parser.on('field', (name, value) => {
      upload.fields[name] = value.trim();
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') return stream.resume();
      const chunks: Buffer[] = [];
      let truncated = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        truncated = true;
      });
      stream.on('end', () => {
        const content = Buffer.concat(chunks);
        const { filename, mimeType } = info;
        upload.file = {
          name: fileName(filename),
          mediaType: mediaType(mimeType),
          content,
          truncated,
        };
      });
    });
    parser.on('error', () => reject(malformed('the multipart body is malformed')));
    parser.on('close', () => resolve(upload));
    ctx.req.pipe(parser);
  });
}

/** The upload's own name, without any path and control characters; never empty. */
function fileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const clean = basename((name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '');
  return clean.slice(0, fieldMaxLength) || 'download';
}

function mediaType(type: string | undefined): string {
  return type && /^[\w.+-]+\/[\w.+-]+$/.test(type)
    ? type.toLowerCase()
    : 'application/octet-stream';
}
