import { asList, workstationCategories } from '../../definitions/matter-definition';
import type { AvailableEvent } from '../../definitions/workflow/workflow-step';
import { availableEvents } from '../../definitions/workflow/workflow-step';
import { stateInfo } from '../../definitions/workflow/state-info';
import type { Database } from '../database/database';
import type { EngineActor } from '../engine-context';
import { loadMatterVersion } from '../registry/matter-registry';
import { readApplicationWithSnapshot } from './application-access';
import {
  type Application,
  type ApplicationSummary,
  type SummaryRow,
  summaryColumns,
  summaryFromRow,
} from './application-record';
import { type HistoryItem, readHistory } from './audit-trail';

export interface Page {
  page?: number;
  pageSize?: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

export type WorkstationCounts = Record<(typeof workstationCategories)[number], number>;

/** An application with what the viewer may do now and how it got here. */
export interface ApplicationView extends Application {
  statusLabel: { 'zh-CN': string; en: string };
  actions: AvailableEvent[];
  history: HistoryItem[];
}

const maxPageSize = 100;

/** The applicant's own applications, newest first, optionally of one workstation category. */
export async function listApplications(
  database: Database,
  actor: EngineActor,
  filter: Page & { category?: string },
): Promise<PageOf<ApplicationSummary>> {
  const query = database('applications').where({ applicant_id: actor.id });
  if (filter.category) query.andWhere({ category: filter.category });
  return paginate(database, query, filter);
}

/** The applicant's counts per workstation category, every category present. */
export async function workstationSummary(
  database: Database,
  actor: EngineActor,
): Promise<WorkstationCounts> {
  const rows: { category: string; n: string | number }[] = await database('applications')
    .where({ applicant_id: actor.id })
    .groupBy('category')
    .select('category')
    .count({ n: '*' });
  const counts = Object.fromEntries(workstationCategories.map((c) => [c, 0])) as WorkstationCounts;
  for (const row of rows) counts[row.category as keyof WorkstationCounts] = Number(row.n);
  return counts;
}

export interface DeskFilter extends Page {
  status?: string;
  matterId?: string;
  category?: string;
  /** Only applications in a state where a transition admits this role (or `officer`). */
  role?: string;
}

/** The officer's queue: applications of the matters they cover, oldest change first. */
export async function deskQueue(
  database: Database,
  actor: EngineActor,
  filter: DeskFilter,
): Promise<PageOf<ApplicationSummary>> {
  const query = database('applications').whereNot({ category: 'draft' });
  if (actor.kind === 'officer' && actor.matters) query.whereIn('matter_id', actor.matters);
  if (filter.status) query.andWhere({ status: filter.status });
  if (filter.matterId) query.andWhere({ matter_id: filter.matterId });
  if (filter.category) query.andWhere({ category: filter.category });
  if (filter.role) {
    const states = await statesForRole(database, query.clone(), filter.role);
    query.whereIn(
      ['matter_id', 'matter_version', 'status'],
      states.length > 0 ? states : [['', '', '']],
    );
  }
  return paginate(database, query, filter, 'asc');
}

/** (matter, version, state) triples where some transition's `by` names the role. */
async function statesForRole(
  database: Database,
  query: ReturnType<Database>,
  role: string,
): Promise<string[][]> {
  const versions: { matter_id: string; matter_version: string }[] = await query
    .distinct('matter_id', 'matter_version')
    .clearOrder();
  const triples: string[][] = [];
  for (const { matter_id: matterId, matter_version: version } of versions) {
    const { workflow } = (await loadMatterVersion(database, matterId, version)).definition;
    for (const [state, config] of Object.entries(workflow.states)) {
      const transitions = Object.values(config.on ?? {}).flatMap((t) => asList(t));
      if (transitions.some((t) => t.meta?.by?.includes(role)))
        triples.push([matterId, version, state]);
    }
  }
  return triples;
}

async function paginate(
  database: Database,
  query: ReturnType<Database>,
  filter: Page,
  order: 'asc' | 'desc' = 'desc',
): Promise<PageOf<ApplicationSummary>> {
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), maxPageSize);
  const page = Math.max(filter.page ?? 1, 1);
  // The total rides on each row of the page, saving a round trip; a page past the end has no
  // row to carry it and asks again.
  const rows: (SummaryRow & { page_total: string | number })[] = await query
    .clone()
    .select(...summaryColumns, database.raw('count(*) over () as page_total'))
    .orderBy('updated_at', order)
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0] ? rows[0].page_total : page > 1 ? await countOf(query) : 0;
  return { items: rows.map(summaryFromRow), total: Number(total) };
}

async function countOf(query: ReturnType<Database>): Promise<number> {
  const counted: { n: string | number }[] = await query.clone().count({ n: '*' });
  return Number(counted[0]?.n ?? 0);
}

/** One application as its viewer sees it, with the events open to them and the history. */
export async function viewApplication(
  database: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<ApplicationView> {
  const { application, snapshot } = await readApplicationWithSnapshot(
    database,
    applicationId,
    actor,
  );
  const [compiled, history] = await Promise.all([
    loadMatterVersion(database, application.matterId, application.matterVersion),
    readHistory(database, application.id),
  ]);
  const actions = availableEvents(compiled.machine, snapshot, application.data, actor);
  const info = stateInfo(compiled.definition.workflow, application.status);
  return {
    ...application,
    statusLabel: info?.label ?? { 'zh-CN': application.status, en: application.status },
    actions,
    history,
  };
}
