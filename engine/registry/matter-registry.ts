import {
  type CompiledDefinition,
  compileDefinition,
  definitionFromLoaded,
} from '../../definitions/compiled-definition';
import type { Finding } from '../../definitions/lint/finding';
import { hasErrors } from '../../definitions/lint/finding';
import { lintDefinitions } from '../../definitions/lint/lint';
import type { Label, MatterDefinition } from '../../definitions/matter-definition';
import type { LoadedDefinition } from '../../definitions/source/loaded-definition';
import type { Database } from '../database/database';
import { type ErrorDetail, badInput, conflict, notFound } from '../engine-error';
import { compareVersions } from './semver';
import { contentHash } from '../../definitions/form/content-hash';
import { applyCategoryOverrides } from '../content/category-overrides';

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface MatterVersionSummary {
  matterId: string;
  version: string;
  status: VersionStatus;
  hash: string;
}

export interface CatalogMatter {
  id: string;
  version: string;
  title: Label;
  applicantTypes: string[];
  authLevel: string;
}

export interface CatalogCategory {
  id: string;
  title: Label;
  order: number;
  matters: CatalogMatter[];
}

/**
 * Stores a linted definition as a new immutable version. A definition with lint errors is
 * refused with the findings as details; the same version again with the same content is a
 * no-op, with other content a conflict.
 */
export async function addMatterVersion(
  database: Database,
  loaded: LoadedDefinition,
  options: { publish?: boolean } = {},
): Promise<MatterVersionSummary> {
  const findings = lintDefinitions([loaded]);
  if (hasErrors(findings)) throw definitionInvalid(findings);
  const definition = definitionFromLoaded(loaded);
  const summary = await database.transaction((trx) => storeVersion(trx, definition));
  if (options.publish) return publishMatterVersion(database, summary.matterId, summary.version);
  return summary;
}

async function storeVersion(
  trx: Database,
  definition: MatterDefinition,
): Promise<MatterVersionSummary> {
  const { id: matterId, version, category } = definition.matter;
  const hash = contentHash(definition);
  const existing = await trx('matter_versions').where({ matter_id: matterId, version }).first();
  if (existing) {
    if (existing.hash !== hash) {
      throw conflict(
        'version_exists',
        `${matterId}@${version} exists with other content; raise the version`,
      );
    }
    return { matterId, version, status: existing.status, hash };
  }
  await trx('matters')
    .insert({ id: matterId, category_id: category.id })
    .onConflict('id')
    .merge({ category_id: category.id, updated_at: trx.fn.now() });
  await trx('matter_versions').insert({
    matter_id: matterId,
    version,
    status: 'draft',
    hash,
    definition: JSON.stringify(definition),
  });
  return { matterId, version, status: 'draft', hash };
}

/** Publishes a version; the newest published version becomes the one new applications use. */
export async function publishMatterVersion(
  database: Database,
  matterId: string,
  version: string,
): Promise<MatterVersionSummary> {
  return database.transaction(async (trx) => {
    const row = await findVersionRow(trx, matterId, version);
    if (row.status === 'retired') {
      throw conflict(
        'version_retired',
        `${matterId}@${version} is retired and cannot be published`,
      );
    }
    await trx('matter_versions')
      .where({ matter_id: matterId, version })
      .update({ status: 'published', published_at: row.published_at ?? trx.fn.now() });
    await refreshCurrentVersion(trx, matterId);
    return { matterId, version, status: 'published' as const, hash: row.hash };
  });
}

/** Retires a version: no new application starts on it; running ones stay on it. */
export async function retireMatterVersion(
  database: Database,
  matterId: string,
  version: string,
): Promise<MatterVersionSummary> {
  return database.transaction(async (trx) => {
    const row = await findVersionRow(trx, matterId, version);
    await trx('matter_versions')
      .where({ matter_id: matterId, version })
      .update({ status: 'retired', retired_at: trx.fn.now() });
    await refreshCurrentVersion(trx, matterId);
    return { matterId, version, status: 'retired' as const, hash: row.hash };
  });
}

async function refreshCurrentVersion(trx: Database, matterId: string): Promise<void> {
  const published = await trx('matter_versions')
    .where({ matter_id: matterId, status: 'published' })
    .pluck('version');
  const current = published.sort(compareVersions).at(-1) ?? null;
  await trx('matters')
    .where({ id: matterId })
    .update({ current_version: current, updated_at: trx.fn.now() });
}

async function findVersionRow(trx: Database, matterId: string, version: string) {
  const row = await trx('matter_versions').where({ matter_id: matterId, version }).first();
  if (!row)
    throw notFound('matter_version_not_found', `no version ${version} of matter ${matterId}`);
  return row;
}

/** Every version of every matter, for the admin console. */
export async function listMatterVersions(database: Database): Promise<MatterVersionSummary[]> {
  const rows = await database('matter_versions')
    .select('matter_id', 'version', 'status', 'hash')
    .orderBy([{ column: 'matter_id' }, { column: 'created_at' }]);
  return rows.map((row) => ({
    matterId: row.matter_id,
    version: row.version,
    status: row.status,
    hash: row.hash,
  }));
}

/** Categories with the current published version of each matter in them. */
export async function listCatalog(database: Database): Promise<CatalogCategory[]> {
  const rows = await database('matters')
    .join('matter_versions', function joinCurrent() {
      this.on('matter_versions.matter_id', '=', 'matters.id').andOn(
        'matter_versions.version',
        '=',
        'matters.current_version',
      );
    })
    .select('matter_versions.definition');
  const categories = new Map<string, CatalogCategory>();
  for (const row of rows) addToCatalog(categories, parseDefinition(row.definition));
  return applyCategoryOverrides(database, [...categories.values()]);
}

function addToCatalog(
  categories: Map<string, CatalogCategory>,
  definition: MatterDefinition,
): void {
  const { matter } = definition;
  let category = categories.get(matter.category.id);
  if (!category) {
    const { id, title, order = 0 } = matter.category;
    category = { id, title, order, matters: [] };
    categories.set(id, category);
  }
  category.matters.push({
    id: matter.id,
    version: matter.version,
    title: matter.title,
    applicantTypes: matter.applicantTypes,
    authLevel: matter.authLevel,
  });
  category.matters.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The compiled definition of a version; without `version`, the current published one. Compiled
 * once per content hash, so every process and request shares the work.
 */
export async function loadMatterVersion(
  database: Database,
  matterId: string,
  version?: string,
): Promise<CompiledDefinition> {
  const resolved = version ?? (await currentVersion(database, matterId));
  const versions = compiledVersionsOf(database);
  const key = `${matterId}@${resolved}`;
  const known = versions.get(key);
  if (known) return known;
  const row = await database('matter_versions')
    .where({ matter_id: matterId, version: resolved })
    .first('definition');
  if (!row) throw notFound('matter_not_found', `no version ${resolved} of matter ${matterId}`);
  const compiled = compileDefinition(parseDefinition(row.definition));
  versions.set(key, compiled);
  return compiled;
}

/**
 * Compiled versions by id@version, one map per database (its transactions share the client's
 * config object). A stored version never changes, since other content under the same version is
 * refused, so an event, a list or a view never reads a definition twice.
 */
const compiledVersions = new WeakMap<object, Map<string, CompiledDefinition>>();

function compiledVersionsOf(database: Database): Map<string, CompiledDefinition> {
  const owner = database.client.config as object;
  let versions = compiledVersions.get(owner);
  if (!versions) {
    versions = new Map();
    compiledVersions.set(owner, versions);
  }
  return versions;
}

async function currentVersion(database: Database, matterId: string): Promise<string> {
  const matter = await database('matters').where({ id: matterId }).first('current_version');
  if (!matter?.current_version) {
    throw notFound('matter_not_found', `matter ${matterId} has no published version`);
  }
  return matter.current_version;
}

/** pg returns jsonb parsed; PGlite too; a string means a driver that did not. */
function parseDefinition(value: unknown): MatterDefinition {
  return (typeof value === 'string' ? JSON.parse(value) : value) as MatterDefinition;
}

function definitionInvalid(findings: Finding[]) {
  const details: ErrorDetail[] = findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      pointer: f.pointer,
      code: f.rule,
      message: `${f.file}:${f.line}:${f.column} ${f.message}`,
    }));
  return badInput(
    'definition_invalid',
    `the definition has ${details.length} lint error(s)`,
    details,
  );
}
