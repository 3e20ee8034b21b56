import { createHash, randomUUID } from 'node:crypto';
import { isUuid } from '../applications/application-access';
import type { Label } from '../../definitions/matter-definition';
import type { Database } from '../database/database';
import { badInput, notFound } from '../engine-error';
import { type DownloadCategory, listDownloadCategories } from './download-categories';

/** Files are kept in the database; the limit keeps a row (and a response) reasonable. */
export const downloadFileMaxSize = 20 * 1024 * 1024;

export interface DownloadFile {
  id: string;
  title: Label;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

export interface DownloadsPage {
  categories: (DownloadCategory & { files: DownloadFile[] })[];
}

export interface NewDownloadFile {
  categoryId: string;
  title: Label;
  name: string;
  mediaType: string;
  content: Buffer;
  uploadedBy: string | null;
}

const summaryColumns = ['id', 'category_id', 'title', 'name', 'media_type', 'size', 'sha256'];

/** The downloads page of manual section 3.2: every category in order, each with its files. */
export async function listDownloads(database: Database): Promise<DownloadsPage> {
  const categories = await listDownloadCategories(database);
  const rows = await database('download_files').select(summaryColumns).orderBy('seq');
  const files = rows.map((row) => ({ categoryId: String(row.category_id), file: fileFrom(row) }));
  return {
    categories: categories.map((category) => ({
      ...category,
      files: files.filter((f) => f.categoryId === category.id).map((f) => f.file),
    })),
  };
}

/** A file with its bytes; `download_not_found` when there is no such file. */
export async function readDownloadFile(
  database: Database,
  id: string,
): Promise<DownloadFile & { content: Buffer }> {
  const row = isUuid(id) ? await database('download_files').where({ id }).first() : undefined;
  if (!row) throw notFound('download_not_found', `no download ${id}`);
  return { ...fileFrom(row), content: Buffer.from(row.content as Uint8Array) };
}

/**
 * Stores a file in a category. An unknown category or a file over downloadFileMaxSize is bad
 * input with the pointer of the form field at fault.
 */
export async function addDownloadFile(
  database: Database,
  file: NewDownloadFile,
): Promise<DownloadFile> {
  if (file.content.length > downloadFileMaxSize) throw fileTooLarge();
  const category = await database('download_categories').where({ id: file.categoryId }).first();
  if (!category) throw unknownCategory(file.categoryId);
  const row = {
    id: randomUUID(),
    category_id: file.categoryId,
    title: JSON.stringify(file.title),
    name: file.name,
    media_type: file.mediaType,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploaded_by: file.uploadedBy,
  };
  await database('download_files').insert(row);
  return fileFrom({ ...row, title: file.title });
}

/** Deletes a file; `download_not_found` when there is no such file. */
export async function removeDownloadFile(database: Database, id: string): Promise<void> {
  const deleted = isUuid(id) ? await database('download_files').where({ id }).delete() : 0;
  if (Number(deleted) === 0) throw notFound('download_not_found', `no download ${id}`);
}

function fileFrom(row: Record<string, unknown>): DownloadFile {
  return {
    id: String(row.id),
    title: (typeof row.title === 'string' ? JSON.parse(row.title) : row.title) as Label,
    name: String(row.name),
    size: Number(row.size),
    mediaType: String(row.media_type),
    sha256: String(row.sha256),
  };
}

function fileTooLarge() {
  const message = `at most ${downloadFileMaxSize} bytes`;
  return badInput('file_too_large', `the file is larger than ${downloadFileMaxSize} bytes`, [
    { pointer: '/file', code: 'file_too_large', message },
  ]);
}

function unknownCategory(id: string) {
  const message = `no downloads category ${id}`;
  return badInput('download_category_unknown', message, [
    { pointer: '/category', code: 'download_category_unknown', message },
  ]);
}
