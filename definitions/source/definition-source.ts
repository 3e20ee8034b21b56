import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { jsonLimits } from './json-document';

/**
 * The raw texts of one definition, before parsing: a folder's files or one bundle file.
 * This is the only place the definitions layer touches the file system.
 */
export type DefinitionSource =
  | { kind: 'folder'; origin: string; files: Record<string, SourceText> }
  | { kind: 'bundle'; origin: string; text: SourceText };

/** A file's text, or why it was not read. */
export type SourceText =
  | { ok: true; text: string }
  | { ok: false; code: 'file-too-large' | 'file-not-text'; message: string };

export const partFiles = {
  matter: 'matter.json',
  formSchema: 'form.schema.json',
  formUi: 'form.ui.json',
  workflow: 'workflow.json',
} as const;

export const templatesFolder = 'templates';
export const templateExtension = '.hbs';
export const bundleExtension = '.bundle.json';

/** A path that cannot be read as definitions: a usage error, not a finding. */
export class DefinitionPathError extends Error {
  readonly code = 'path_not_found';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Finds the definitions under each path: a folder with matter.json is one definition, a
 * `.json` file is a bundle, and any other folder is searched for both.
 */
export function discoverDefinitions(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new DefinitionPathError(path, 'no such file or folder');
    if (statSync(path).isFile()) return [path];
    return discoverInFolder(path);
  });
}

function discoverInFolder(folder: string): string[] {
  if (existsSync(join(folder, partFiles.matter))) return [folder];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return discoverInFolder(path);
    return entry.name.endsWith(bundleExtension) ? [path] : [];
  });
}

export function readDefinitionSource(path: string): DefinitionSource {
  if (!existsSync(path)) throw new DefinitionPathError(path, 'no such file or folder');
  if (statSync(path).isFile()) return { kind: 'bundle', origin: path, text: readText(path) };
  return { kind: 'folder', origin: path, files: readFolderFiles(path) };
}

function readFolderFiles(folder: string): Record<string, SourceText> {
  const files: Record<string, SourceText> = {};
  for (const name of Object.values(partFiles)) {
    const path = join(folder, name);
    if (existsSync(path)) files[name] = readText(path);
  }
  const templates = join(folder, templatesFolder);
  if (existsSync(templates) && statSync(templates).isDirectory()) {
    for (const name of readdirSync(templates).sort()) {
      if (!name.endsWith(templateExtension)) continue;
      const path = join(templates, name);
      files[relative(folder, path).split('\\').join('/')] = readText(path);
    }
  }
  return files;
}

/** Reads a file as UTF-8 text, refusing oversized or binary files before parsing. */
export function readText(path: string): SourceText {
  const size = statSync(path).size;
  if (size > jsonLimits.maxBytes) {
    const message = `${basename(path)} is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${
      jsonLimits.maxBytes / 1024 / 1024
    } MB limit`;
    return { ok: false, code: 'file-too-large', message };
  }
  const bytes = readFileSync(path);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, code: 'file-not-text', message: `${basename(path)} is not UTF-8 text` };
  }
}
