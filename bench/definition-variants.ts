import { readDefinitionSource } from '../definitions/source/definition-source';
import { bundleFormat } from '../definitions/matter-definition';

/**
 * Distinct definitions generated from one example: other ids and titles, some optional fields
 * renamed or dropped, a few fields added, so every form schema (and its content hash) differs.
 * Only fields that no template, workflow guard or material refers to are touched, so the
 * variants stay as clean as the example.
 */
export interface Bundle {
  format: string;
  matter: Record<string, unknown>;
  formSchema: Record<string, unknown>;
  formUi: Record<string, unknown>;
  workflow: Record<string, unknown>;
  templates: Record<string, string>;
}

type Json = Record<string, unknown>;

export function readExampleBundle(folder: string): Bundle {
  const source = readDefinitionSource(folder);
  if (source.kind !== 'folder') throw new Error(`${folder} is not a matter folder`);
  const text = (name: string): string => {
    const file = source.files[name];
    if (!file?.ok) throw new Error(`${folder}/${name} cannot be read`);
    return file.text;
  };
  const templates: Record<string, string> = {};
  for (const name of Object.keys(source.files)) {
    const match = /^templates\/(.+)\.hbs$/.exec(name);
    if (match?.[1]) templates[match[1]] = text(name);
  }
  return {
    format: bundleFormat,
    matter: JSON.parse(text('matter.json')),
    formSchema: JSON.parse(text('form.schema.json')),
    formUi: 'form.ui.json' in source.files ? JSON.parse(text('form.ui.json')) : {},
    workflow: JSON.parse(text('workflow.json')),
    templates,
  };
}

export function generateVariant(base: Bundle, n: number): Bundle {
  const random = seededRandom(n + 1);
  const bundle = structuredClone(base);
  renameMatter(bundle, n);
  const free = freeFields(bundle).filter(() => random() < 0.6);
  for (const [i, field] of free.entries()) {
    if (i % 2 === 0) dropField(bundle, field);
    else renameField(bundle, field, `${field}V${n}`);
  }
  const added = 1 + Math.floor(random() * 3);
  for (let k = 0; k < added; k++) addField(bundle, `extra${n}x${k}`, random() < 0.5);
  return bundle;
}

function renameMatter(bundle: Bundle, n: number): void {
  const matter = bundle.matter;
  matter.id = `${String(matter.id)}-gen-${n}`;
  const title = matter.title as Json;
  matter.title = { 'zh-CN': `${String(title['zh-CN'])}（${n}）`, en: `${String(title.en)} (${n})` };
  bundle.formSchema.title = `${String(bundle.formSchema.title ?? '')} ${n}`;
}

/** Optional, non-material fields that neither the workflow nor a template mentions. */
function freeFields(bundle: Bundle): string[] {
  const properties = bundle.formSchema.properties as Json;
  const required = new Set(bundle.formSchema.required as string[]);
  const workflow = JSON.stringify(bundle.workflow);
  const templates = Object.values(bundle.templates).join('\n');
  return Object.entries(properties)
    .filter(([name, field]) => !required.has(name) && !(field as Json).material)
    .filter(([name]) => !workflow.includes(`"${name}"`) && !templates.includes(`data.${name}`))
    .map(([name]) => name);
}

function dropField(bundle: Bundle, name: string): void {
  delete (bundle.formSchema.properties as Json)[name];
  delete bundle.formUi[name];
  replaceInUiLists(bundle.formUi, name, undefined);
}

function renameField(bundle: Bundle, from: string, to: string): void {
  const properties = bundle.formSchema.properties as Json;
  bundle.formSchema.properties = renameKey(properties, from, to);
  bundle.formUi = renameKey(bundle.formUi, from, to);
  replaceInUiLists(bundle.formUi, from, to);
}

function addField(bundle: Bundle, name: string, numeric: boolean): void {
  const field = numeric
    ? { type: 'integer', title: `附加数值 ${name}`, minimum: 0 }
    : { type: 'string', title: `附加说明 ${name}`, maxLength: 200 };
  (bundle.formSchema.properties as Json)[name] = field;
  const steps = bundle.formUi['ui:steps'];
  const last = Array.isArray(steps) ? (steps[steps.length - 1] as Json | undefined) : undefined;
  if (last && Array.isArray(last.fields)) last.fields.push(name);
  const order = bundle.formUi['ui:order'];
  if (Array.isArray(order))
    order.splice(order.includes('*') ? order.indexOf('*') : order.length, 0, name);
}

/** Renames or removes a root field in `ui:order` and in each step's `fields`. */
function replaceInUiLists(ui: Json, from: string, to: string | undefined): void {
  const lists: unknown[] = [ui['ui:order']];
  const steps = ui['ui:steps'];
  if (Array.isArray(steps)) lists.push(...steps.map((step) => (step as Json).fields));
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const index = list.indexOf(from);
    if (index < 0) continue;
    if (to === undefined) list.splice(index, 1);
    else list[index] = to;
  }
}

function renameKey(object: Json, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v]));
}

/** mulberry32: a tiny deterministic generator, so every run builds the same variants. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
