import { apiPost } from '../api/api-client';
import { LoadState } from '../app/load-state';
import { useApiData } from '../app/use-api-data';
import { formatOfficeDateTime } from '../desk/office-time';
import { useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { SaveNotice, useSave } from './save-state';

/** A delivery (mail, text message, document, webhook) the outbox gave up on. */
interface FailedDelivery {
  id: number;
  applicationId: string | null;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/**
 * `/admin/outbox`: the deliveries that kept failing and were given up on, newest first, to be
 * tried again one by one or all at once after the cause (a mail server, a webhook) is fixed.
 */
export function OutboxPage() {
  const { t } = useI18n();
  const failed = useApiData<{ items: FailedDelivery[] }>('/api/admin/outbox/failed');
  const retry = useSave();
  const retryIds = async (ids?: number[]) => {
    if (await retry.run(() => apiPost('/api/admin/outbox/retry', ids ? { ids } : {}))) {
      failed.reload();
    }
  };
  return (
    <AdminPage title={t('admin.outbox.title')}>
      <p>{t('admin.outbox.intro')}</p>
      <SaveNotice state={retry.state} savedText={t('admin.outbox.retried')} />
      <LoadState state={failed}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="notice notice-success">{t('admin.outbox.none')}</p>
          ) : (
            <FailedTable items={items} onRetry={(ids) => void retryIds(ids)} />
          )
        }
      </LoadState>
    </AdminPage>
  );
}

function FailedTable(props: { items: FailedDelivery[]; onRetry(ids?: number[]): void }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => props.onRetry()}>
          {t('admin.outbox.retryAll', { count: props.items.length })}
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <caption>{t('admin.outbox.caption', { count: props.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.outbox.id')}</th>
              <th scope="col">{t('admin.outbox.kind')}</th>
              <th scope="col">{t('admin.outbox.application')}</th>
              <th scope="col">{t('admin.outbox.attempts')}</th>
              <th scope="col">{t('admin.outbox.lastError')}</th>
              <th scope="col">{t('admin.outbox.createdAt')}</th>
              <th scope="col">{t('admin.matters.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.id}</th>
                <td>
                  <code>{item.kind}</code>
                </td>
                <td>{item.applicationId ? <code>{item.applicationId}</code> : '—'}</td>
                <td>{item.attempts}</td>
                <td className="outbox-error">{item.lastError ?? '—'}</td>
                <td>{formatOfficeDateTime(item.createdAt, locale)}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('admin.outbox.retryNamed', { id: item.id })}
                    onClick={() => props.onRetry([item.id])}
                  >
                    {t('admin.outbox.retry')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
