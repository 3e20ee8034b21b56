import { useState } from 'react';
import { LoadState } from '../../app/load-state';
import { Link } from '../../app/router';
import { useApiData } from '../../app/use-api-data';
import { type Locale, localized, useI18n } from '../../i18n/i18n';
import { ApplicationRowActions } from './application-row-actions';
import {
  type ApplicationRow,
  type WorkstationCategory,
  isCategory,
  pageSize,
  workstationCategories,
} from './workstation-types';

/**
 * 我的工作台 (manual 4): how many applications are in each status category, and the list of
 * one category (or all), a page at a time, each with the actions open to the applicant.
 */
export function WorkstationPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const category = isCategory(query.get('category'))
    ? (query.get('category') as WorkstationCategory)
    : null;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [round, setRound] = useState(0);
  const changed = () => setRound((n) => n + 1);
  return (
    <section className="page">
      <div className="page-heading-row">
        <h1>{t('workstation.title')}</h1>
        <Link to="/matters" className="button-primary">
          {t('nav.handle')}
        </Link>
      </div>
      <CategoryCounts current={category} round={round} />
      <ApplicationList category={category} page={page} round={round} changed={changed} />
    </section>
  );
}

function CategoryCounts(props: { current: WorkstationCategory | null; round: number }) {
  const { t } = useI18n();
  const summary = useApiData<{ counts: Record<WorkstationCategory, number> }>(
    '/api/workstation/summary',
    props.round,
  );
  const counts = summary.data?.counts;
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const item = (category: WorkstationCategory | null, count: number | undefined) => {
    const to = category ? `/workstation?category=${category}` : '/workstation';
    const label = t(category ? `workstation.category.${category}` : 'workstation.category.all');
    return (
      <li key={category ?? 'all'}>
        <Link
          to={to}
          className="count-card"
          aria-current={props.current === category ? 'page' : undefined}
        >
          <span className="count-number">{count ?? '–'}</span>
          <span className="count-label">{label}</span>
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label={t('workstation.categories')}>
      <ul className="count-cards">
        {item(null, total)}
        {workstationCategories.map((category) => item(category, counts?.[category]))}
      </ul>
    </nav>
  );
}

interface ListProps {
  category: WorkstationCategory | null;
  page: number;
  round: number;
  changed(): void;
}

function ApplicationList({ category, page, round, changed }: ListProps) {
  const { t, locale } = useI18n();
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (category) query.set('category', category);
  const list = useApiData<{ items: ApplicationRow[]; total: number }>(
    `/api/applications?${query}`,
    round,
  );
  const caption = t(category ? `workstation.category.${category}` : 'workstation.category.all');
  return (
    <LoadState state={list}>
      {({ items, total }) =>
        items.length === 0 ? (
          <p className="notice">{t('workstation.empty')}</p>
        ) : (
          <>
            <table className="application-table">
              <caption>{t('workstation.listCaption', { category: caption, total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workstation.reference')}</th>
                  <th scope="col">{t('workstation.matter')}</th>
                  <th scope="col">{t('workstation.status')}</th>
                  <th scope="col">{t('workstation.created')}</th>
                  <th scope="col">{t('workstation.submitted')}</th>
                  <th scope="col">{t('workstation.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((row) => (
                  <tr key={`${row.id}-${row.version}`}>
                    <td>{row.reference}</td>
                    <td>{localized(row.matterTitle, locale)}</td>
                    <td>
                      <span className="status-tag">{localized(row.statusLabel, locale)}</span>
                    </td>
                    <td>{formatDate(row.createdAt, locale)}</td>
                    <td>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
                    <td>
                      <ApplicationRowActions row={row} changed={changed} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination category={category} page={page} total={total} />
          </>
        )
      }
    </LoadState>
  );
}

function Pagination(props: { category: WorkstationCategory | null; page: number; total: number }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / pageSize));
  if (pages === 1) return null;
  const to = (page: number) => {
    const query = new URLSearchParams({ page: String(page) });
    if (props.category) query.set('category', props.category);
    return `/workstation?${query}`;
  };
  return (
    <nav className="pagination" aria-label={t('workstation.pages')}>
      {props.page > 1 && <Link to={to(props.page - 1)}>{t('common.previous')}</Link>}
      <span>{t('workstation.pageOf', { page: props.page, pages })}</span>
      {props.page < pages && <Link to={to(props.page + 1)}>{t('common.next')}</Link>}
    </nav>
  );
}

/** A date and time in the office's time zone, as the portal's people read it. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
