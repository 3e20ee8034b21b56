import { bundleFormat } from '../matter-definition';
import {
  type DefinitionSource,
  type SourceText,
  partFiles,
  templateExtension,
  templatesFolder,
} from './definition-source';
import { JsonDocument, type JsonProblemCode, type SourcePosition } from './json-document';
import { encodePointer } from './json-pointer';

export type PartName = keyof typeof partFiles;
export const partNames = Object.keys(partFiles) as PartName[];

/** One JSON part of a definition and where it sits: its own file, or a key of a bundle. */
export interface LoadedPart {
  name: PartName;
  file: string;
  /** Pointer of the part inside its file: '' for a folder's file, '/formSchema' in a bundle. */
  base: string;
  value: unknown;
}

export interface LoadedTemplate {
  name: string;
  file: string;
  base: string;
  source: string;
}

export type LoadProblemCode = JsonProblemCode | 'missing-part' | 'bundle-shape';

export interface LoadProblem {
  code: LoadProblemCode;
  file: string;
  pointer: string;
  position: SourcePosition;
  message: string;
}

/** A definition as read: every part that parsed, and the problems of those that did not. */
export interface LoadedDefinition {
  origin: string;
  kind: DefinitionSource['kind'];
  parts: Partial<Record<PartName, LoadedPart>>;
  templates: LoadedTemplate[];
  problems: LoadProblem[];
  documents: Map<string, JsonDocument>;
}

/** Parses the texts of a definition. Pure: never throws for bad content. */
export function loadDefinition(source: DefinitionSource): LoadedDefinition {
  const loaded: LoadedDefinition = {
    origin: source.origin,
    kind: source.kind,
    parts: {},
    templates: [],
    problems: [],
    documents: new Map(),
  };
  if (source.kind === 'folder') loadFolder(loaded, source.files);
  else loadBundle(loaded, source.text);
  return loaded;
}

/** Line and column of `pointer` in `file`; the first line when the file is not JSON. */
export function locate(loaded: LoadedDefinition, file: string, pointer: string): SourcePosition {
  return loaded.documents.get(file)?.locate(pointer) ?? { line: 1, column: 1 };
}

function loadFolder(loaded: LoadedDefinition, files: Record<string, SourceText>): void {
  for (const name of partNames) {
    const fileName = partFiles[name];
    const file = joinFile(loaded.origin, fileName);
    const text = files[fileName];
    if (!text) {
      if (name !== 'formUi') addProblem(loaded, 'missing-part', file, '', `${fileName} is missing`);
      continue;
    }
    const document = parseText(loaded, file, text);
    if (document?.ok) loaded.parts[name] = { name, file, base: '', value: document.value };
  }
  const prefix = `${templatesFolder}/`;
  for (const [fileName, text] of Object.entries(files)) {
    if (!fileName.startsWith(prefix) || !fileName.endsWith(templateExtension)) continue;
    const file = joinFile(loaded.origin, fileName);
    if (!text.ok) {
      addProblem(loaded, text.code, file, '', text.message);
      continue;
    }
    const name = fileName.slice(prefix.length, -templateExtension.length);
    loaded.templates.push({ name, file, base: '', source: text.text });
  }
}

function loadBundle(loaded: LoadedDefinition, text: SourceText): void {
  const file = loaded.origin;
  const document = parseText(loaded, file, text);
  if (!document?.ok) return;
  const bundle = document.value;
  if (!isObject(bundle)) {
    addProblem(loaded, 'bundle-shape', file, '', 'a bundle must be a JSON object');
    return;
  }
  if (bundle.format !== bundleFormat) {
    const message = `a bundle needs "format": "${bundleFormat}"`;
    addProblem(loaded, 'bundle-shape', file, bundle.format === undefined ? '' : '/format', message);
  }
  for (const name of partNames) {
    const base = encodePointer([name]);
    if (name in bundle) loaded.parts[name] = { name, file, base, value: bundle[name] };
    else if (name !== 'formUi')
      addProblem(loaded, 'missing-part', file, '', `"${name}" is missing`);
  }
  loadBundleTemplates(loaded, file, bundle.templates);
}

function loadBundleTemplates(loaded: LoadedDefinition, file: string, templates: unknown): void {
  if (templates === undefined) return;
  if (!isObject(templates)) {
    addProblem(loaded, 'bundle-shape', file, '/templates', '"templates" must map names to text');
    return;
  }
  for (const [name, source] of Object.entries(templates)) {
    const base = encodePointer(['templates', name]);
    if (typeof source === 'string') loaded.templates.push({ name, file, base, source });
    else addProblem(loaded, 'bundle-shape', file, base, `template "${name}" must be a string`);
  }
}

function parseText(loaded: LoadedDefinition, file: string, text: SourceText) {
  if (!text.ok) {
    addProblem(loaded, text.code, file, '', text.message);
    return undefined;
  }
  const document = new JsonDocument(text.text);
  loaded.documents.set(file, document);
  for (const problem of document.problems) {
    const position = document.position(problem.offset);
    loaded.problems.push({
      code: problem.code,
      file,
      pointer: '',
      position,
      message: problem.message,
    });
  }
  return document;
}

function addProblem(
  loaded: LoadedDefinition,
  code: LoadProblemCode,
  file: string,
  pointer: string,
  message: string,
): void {
  const position = locate(loaded, file, pointer);
  loaded.problems.push({ code, file, pointer, position, message });
}

function joinFile(origin: string, name: string): string {
  return origin.endsWith('/') ? origin + name : `${origin}/${name}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
