import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open as openFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput, failure } from '../engine-error';

export interface StoredFile {
  storageKey: string;
  size: number;
  sha256: string;
}

/**
 * Material files on disk under `DATA_DIR/attachments`, named by a random key so that an upload's
 * name never reaches the file system. Size and sha256 are computed while streaming; a file over
 * the limit is cut off and removed, never kept in part.
 */
export class FileStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'attachments');
  }

  /** Stores `input`, through `check` first when given (it may refuse the content). */
  async save(input: Readable, maxSize: number, check?: Transform): Promise<StoredFile> {
    const storageKey = randomUUID();
    const folder = join(this.root, storageKey.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const path = join(folder, storageKey);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxSize) return done(tooLarge(maxSize));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      const output = createWriteStream(path);
      await (check ? pipeline(input, check, meter, output) : pipeline(input, meter, output));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { storageKey, size, sha256: hash.digest('hex') };
  }

  /** The stored file; a failure (not retryable) when it is gone from disk, e.g. a lost volume. */
  async open(storageKey: string): Promise<Readable> {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw fileMissing(storageKey);
    try {
      const handle = await openFile(join(this.root, storageKey.slice(0, 2), storageKey), 'r');
      return handle.createReadStream();
    } catch {
      throw fileMissing(storageKey);
    }
  }

  async remove(storageKey: string): Promise<void> {
    await rm(join(this.root, storageKey.slice(0, 2), storageKey), { force: true });
  }
}

function fileMissing(storageKey: string) {
  return failure('attachment_file_missing', `stored file ${storageKey} is missing`, false);
}

function tooLarge(maxSize: number) {
  return badInput('file_too_large', `the file is larger than ${maxSize} bytes`, [
    { pointer: '/file', code: 'file_too_large', message: `at most ${maxSize} bytes` },
  ]);
}
