import { type FormEvent, useState } from 'react';
import { LoadState } from '../app/load-state';
import { Link, navigate } from '../app/router';
import { useSession } from '../app/session';
import { useApiData } from '../app/use-api-data';
import { localized, useI18n } from '../i18n/i18n';
import type { CatalogCategory, DeskQueueItem, DeskQueuePage, MatterForm } from './desk-application';
import './desk.css';
import { useMatterForms } from './matter-forms';
import { formatOfficeDate, formatOfficeDateTime } from './office-time';
import { promisedDate } from './promised-date';

const pageSize = 20;

interface QueueFilter {
  status: string;
  matterId: string;
  page: number;
}

interface MatterOption {
  id: string;
  title: unknown;
}

/**
 * The officer's queue (`/desk?status=&matterId=&page=`): the filters live in the address, so a
 * filtered queue can be bookmarked and the back button undoes a filter. Oldest change first, as
 * the API orders it.
 */
export function DeskQueuePage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { user } = useSession();
  const filter = filterOf(query);
  const catalog = useApiData<{ categories: CatalogCategory[] }>('/api/categories');
  const queue = useApiData<DeskQueuePage>(`/api/desk/applications?${apiQuery(filter)}`);
  const matters = coveredMatters(catalog.data?.categories ?? [], user?.matters ?? null);
  const queued = queue.data?.items.map((item) => item.matterId) ?? [];
  const forms = useMatterForms([...matters.map((matter) => matter.id), ...queued]);

  return (
    <div className="desk">
      <h1>{t('desk.queue.title')}</h1>
      <QueueFilters key={query.toString()} filter={filter} matters={matters} forms={forms} />
      <LoadState state={queue}>
        {(page) => <QueueTable page={page} filter={filter} forms={forms} />}
      </LoadState>
    </div>
  );
}

function QueueFilters(props: {
  filter: QueueFilter;
  matters: MatterOption[];
  forms: Map<string, MatterForm>;
}) {
  const { t, locale } = useI18n();
  const [matterId, setMatterId] = useState(props.filter.matterId);
  const [status, setStatus] = useState(props.filter.status);
  const statuses = statusOptions(props.forms, matterId);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(queuePath({ status, matterId, page: 1 }));
  };
  return (
    <form
      className="desk-filters"
      role="search"
      aria-label={t('desk.filter.label')}
      onSubmit={apply}
    >
      <div className="field">
        <label htmlFor="filter-matter">{t('desk.filter.matter')}</label>
        <select id="filter-matter" value={matterId} onChange={(e) => setMatterId(e.target.value)}>
          <option value="">{t('desk.filter.allMatters')}</option>
          {props.matters.map((matter) => (
            <option key={matter.id} value={matter.id}>
              {localized(matter.title, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('desk.filter.status')}</label>
        <select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('desk.filter.allStatuses')}</option>
          {statuses.map((option) => (
            <option key={option.name} value={option.name}>
              {localized(option.label, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary">
          {t('desk.filter.apply')}
        </button>
        <Link to="/desk">{t('desk.filter.clear')}</Link>
      </div>
    </form>
  );
}

function QueueTable(props: {
  page: DeskQueuePage;
  filter: QueueFilter;
  forms: Map<string, MatterForm>;
}) {
  const { t } = useI18n();
  const { items, total } = props.page;
  if (items.length === 0) return <p className="notice">{t('desk.queue.empty')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="desk-queue">
          <caption>{t('desk.queue.caption', { total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.column.reference')}</th>
              <th scope="col">{t('desk.column.matter')}</th>
              <th scope="col">{t('desk.column.applicant')}</th>
              <th scope="col">{t('desk.column.status')}</th>
              <th scope="col">{t('desk.column.submittedAt')}</th>
              <th scope="col">{t('desk.column.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <QueueRow key={item.id} item={item} form={props.forms.get(item.matterId)} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('desk.queue.deadlineNote')}</p>
      <Pagination filter={props.filter} total={total} />
    </>
  );
}

function QueueRow({ item, form }: { item: DeskQueueItem; form: MatterForm | undefined }) {
  const { t, locale } = useI18n();
  const deadline = item.deadline
    ? new Date(item.deadline)
    : promisedDate(item.submittedAt, form?.processingDays);
  return (
    <tr>
      <th scope="row">
        <Link to={`/desk/applications/${encodeURIComponent(item.id)}`}>{item.reference}</Link>
      </th>
      <td>{localized(item.matterTitle, locale)}</td>
      <td>
        {item.applicant.name}
        <span className="desk-applicant-kind">{t(applicantKindKey(item.applicantKind))}</span>
      </td>
      <td>
        <span className="status-tag">{localized(item.statusLabel, locale)}</span>
      </td>
      <td>{formatOfficeDateTime(item.submittedAt, locale)}</td>
      <td>{deadline ? formatOfficeDate(deadline, locale) : t('desk.queue.noDeadline')}</td>
    </tr>
  );
}

function Pagination({ filter, total }: { filter: QueueFilter; total: number }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const to = (page: number) => queuePath({ ...filter, page });
  return (
    <nav className="pagination" aria-label={t('desk.pagination.label')}>
      {filter.page > 1 && <Link to={to(filter.page - 1)}>{t('common.previous')}</Link>}
      <span>{t('desk.pagination.position', { page: filter.page, pages })}</span>
      {filter.page < pages && <Link to={to(filter.page + 1)}>{t('common.next')}</Link>}
    </nav>
  );
}

export function applicantKindKey(kind: string) {
  return kind === 'enterprise' ? 'desk.applicant.enterprise' : 'desk.applicant.individual';
}

function filterOf(query: URLSearchParams): QueueFilter {
  const page = Number(query.get('page'));
  return {
    status: query.get('status') ?? '',
    matterId: query.get('matterId') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The page's own address for a filter: empty filters and the first page left out. */
function queuePath(filter: QueueFilter): string {
  const query = filterParams(filter).toString();
  return query ? `/desk?${query}` : '/desk';
}

function apiQuery(filter: QueueFilter): string {
  const params = filterParams(filter);
  params.set('pageSize', String(pageSize));
  return params.toString();
}

function filterParams(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.matterId) params.set('matterId', filter.matterId);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

/** The published matters, only those the officer covers when the account names some. */
function coveredMatters(categories: CatalogCategory[], covered: string[] | null): MatterOption[] {
  const all = categories.flatMap((category) => category.matters);
  return all.filter((matter) => covered === null || covered.includes(matter.id));
}

/** The statuses an application can be found in (no drafts), of one matter or of them all. */
function statusOptions(forms: Map<string, MatterForm>, matterId: string) {
  const chosen = matterId ? [forms.get(matterId)].filter(Boolean) : [...forms.values()];
  const options = new Map<string, unknown>();
  for (const form of chosen as MatterForm[]) {
    for (const [name, status] of Object.entries(form.statuses)) {
      if (status.category !== 'draft' && !options.has(name))
        options.set(name, status.label ?? name);
    }
  }
  return [...options].map(([name, label]) => ({ name, label }));
}
