import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import busboy, { type Busboy, type FileInfo } from 'busboy';
import { HttpError } from '../http/http-error';

/** The one file of an upload, streamed as it arrives, with the material it is for. */
export interface UploadedFile {
  materialId: string;
  name: string;
  mediaType: string;
  content: Readable;
}

export interface UploadLimits {
  /** Largest file accepted; busboy stops reading the file one byte past it. */
  maxFileSize: number;
}

/** Room for the part headers, the `materialId` field and the boundaries around the file. */
const envelopeBytes = 64 * 1024;

/**
 * Receives a multipart body of exactly a `materialId` field followed by one `file` part, and
 * hands the file to `store` while it streams in. The file's stream ends only once the whole body
 * has been read and found well formed, so a second file, an unknown field or a broken boundary
 * makes `store` fail (and keep nothing) instead of storing a file the request does not stand
 * behind. Refusals: 400 `multipart_invalid`; 422 `file_required`, `material_required`,
 * `too_many_files`, `unknown_field`, `file_empty`; 413 `body_too_large`; and whatever `store`
 * throws (such as 422 `file_too_large`).
 */
export function receiveUpload<T>(
  request: IncomingMessage,
  limits: UploadLimits,
  store: (file: UploadedFile) => Promise<T>,
): Promise<T> {
  checkDeclaredLength(request, limits);
  return new Promise<T>((resolve, reject) => {
    const receiver = new UploadReceiver(request, limits, store, { resolve, reject });
    receiver.start();
  });
}

function checkDeclaredLength(request: IncomingMessage, limits: UploadLimits): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.maxFileSize + envelopeBytes) throw bodyTooLarge(limits);
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** One upload in flight: the parser's events, the file's stream and the store's outcome. */
class UploadReceiver<T> {
  private parser: Busboy | undefined;
  private materialId: string | undefined;
  private content: PassThrough | undefined;
  private fileBytes = 0;
  private fileEnded = false;
  private parsed = false;
  private stored: { done: false } | { done: true; value?: T } = { done: false };
  private problem: unknown;
  private settled = false;
  private bodyBytes = 0;

  constructor(
    private readonly request: IncomingMessage,
    private readonly limits: UploadLimits,
    private readonly store: (file: UploadedFile) => Promise<T>,
    private readonly outcome: Settle<T>,
  ) {}

  start(): void {
    try {
      this.parser = busboy({
        headers: this.request.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: this.limits.maxFileSize + 1, files: 1, fields: 1, fieldSize: 256 },
      });
    } catch (error) {
      this.outcome.reject(multipartInvalid(error));
      return;
    }
    this.parser.on('field', (name: string, value: string) => this.onField(name, value));
    this.parser.on('file', (name: string, file: Readable, info: FileInfo) =>
      this.onFile(name, file, info),
    );
    this.parser.on('filesLimit', () => this.fail(refusal('too_many_files', 'send one file')));
    this.parser.on('fieldsLimit', () => this.fail(unknownField('a second field')));
    this.parser.on('error', (error: unknown) => this.onParserError(error));
    this.parser.on('close', () => this.onParsed());
    this.request.on('data', (chunk: Buffer) => this.countBody(chunk));
    this.request.on('close', () => {
      if (!this.request.complete) this.onParserError(new Error('the request ended early'));
    });
    this.request.pipe(this.parser);
  }

  private onField(name: string, value: string): void {
    if (name === 'materialId' && !this.content) this.materialId = value;
    else if (name === 'file') this.fail(fileRequired('the file part has no filename'));
    else this.fail(unknownField(`"${name}"`));
  }

  private onFile(name: string, file: Readable, info: FileInfo): void {
    if (name !== 'file' || !this.materialId || this.problem !== undefined) {
      file.resume();
      this.fail(name !== 'file' ? unknownField(`"${name}"`) : materialRequired());
      return;
    }
    const content = new PassThrough();
    // A refusal destroys the stream before the store may have started reading it; the store
    // sees the destroyed stream, and the refusal itself is what the request answers.
    content.on('error', () => undefined);
    this.content = content;
    // The stream ends only when the parser has read the whole body; see receiveUpload.
    file.pipe(content, { end: false });
    // A body cut short errs on the file too; the parser's own error event reports it.
    file.on('error', () => undefined);
    file.on('data', (chunk: Buffer) => (this.fileBytes += chunk.length));
    file.on('end', () => {
      this.fileEnded = true;
      this.finishContent();
    });
    content.on('close', () => {
      file.unpipe(content);
      file.resume();
    });
    const upload = {
      materialId: this.materialId,
      name: info.filename ?? 'file',
      mediaType: info.mimeType,
    };
    this.store({ ...upload, content }).then(
      (value) => this.onStored({ done: true, value }),
      (error: unknown) => {
        this.fail(error);
        this.onStored({ done: true });
      },
    );
  }

  private onParserError(error: unknown): void {
    this.request.unpipe(this.parser);
    this.request.resume();
    this.fail(multipartInvalid(error));
    this.onParsed();
  }

  private onParsed(): void {
    this.parsed = true;
    this.finishContent();
    this.settle();
  }

  private onStored(stored: { done: true; value?: T }): void {
    this.stored = stored;
    this.settle();
  }

  private finishContent(): void {
    if (!this.content || !this.parsed || !this.fileEnded || this.problem !== undefined) return;
    if (this.fileBytes === 0) this.fail(refusal('file_empty', 'the file is empty'));
    else this.content.end();
  }

  private countBody(chunk: Buffer): void {
    this.bodyBytes += chunk.length;
    if (this.bodyBytes <= this.limits.maxFileSize + envelopeBytes) return;
    // A body this far past the limit is not a file to read to its end.
    this.request.unpipe(this.parser);
    this.request.pause();
    this.fail(bodyTooLarge(this.limits));
    this.parsed = true;
    this.settle();
  }

  private fail(error: unknown): void {
    if (this.problem === undefined) this.problem = error ?? new Error('upload failed');
    if (this.content && !this.content.destroyed) this.content.destroy(asError(this.problem));
    this.settle();
  }

  private settle(): void {
    if (this.settled || !this.parsed) return;
    if (this.content && !this.stored.done) return;
    this.settled = true;
    if (this.problem !== undefined) this.outcome.reject(this.problem);
    else if (!this.content || !this.stored.done) this.outcome.reject(fileRequired('send a file'));
    else this.outcome.resolve(this.stored.value as T);
  }
}

function refusal(code: string, message: string, pointer = '/file') {
  return new HttpError(422, code, message, [{ pointer, code, message }]);
}

function fileRequired(message: string) {
  return refusal('file_required', message);
}

function materialRequired() {
  return refusal('material_required', 'send the materialId field before the file', '/materialId');
}

function unknownField(what: string) {
  return new HttpError(422, 'unknown_field', `an upload has a materialId and a file, not ${what}`);
}

function multipartInvalid(error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return new HttpError(400, 'multipart_invalid', `the multipart body is malformed: ${reason}`);
}

function bodyTooLarge(limits: UploadLimits) {
  return new HttpError(
    413,
    'body_too_large',
    `uploads are limited to ${limits.maxFileSize} bytes a file`,
    [],
    { Connection: 'close' },
  );
}

function asError(problem: unknown): Error {
  return problem instanceof Error ? problem : new Error(String(problem));
}
