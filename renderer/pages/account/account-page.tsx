import { useRef, useState } from 'react';
import { apiDelete } from '../../api/api-client';
import { LoadState } from '../../app/load-state';
import { type SessionUser, useSession } from '../../app/session';
import { asApiError, useApiData } from '../../app/use-api-data';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../workstation/workstation-page';
import { ContactsChangeForm } from './contacts-change-form';
import { PasswordChangeForm } from './password-change-form';

interface BoundIdentity {
  id: string;
  kind: 'certificate' | 'sso';
  issuer: string;
  label: string;
  createdAt: string;
}

interface AuthEvent {
  type:
    | 'login'
    | 'login_failed'
    | 'bind'
    | 'bind_failed'
    | 'unbind'
    | 'password_change'
    | 'contacts_change';
  method: string;
  address: string | null;
  at: string;
}

const profileKeys = [
  'realName',
  'idNumber',
  'enterpriseName',
  'creditCode',
  'legalRepresentative',
  'contactName',
  'contactPhone',
  'address',
  'postalCode',
] as const;

/**
 * 账户设置: the account's own details, its password and (for applicants) the phone and e-mail
 * that password recovery uses, the certificates and unified identities bound to it (an applicant
 * may unbind each), and its recent logins and changes, so one that was not theirs shows.
 */
export function AccountPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const applicant = user.kind === 'individual' || user.kind === 'enterprise';
  return (
    <section className="page">
      <h1>{t('account.title')}</h1>
      <Profile user={user} />
      <PasswordChangeForm />
      {applicant && <ContactsChangeForm user={user} />}
      {applicant && <Identities />}
      <RecentLogins />
    </section>
  );
}

function Profile({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const shown = profileKeys.filter((key) => typeof user.profile[key] === 'string');
  return (
    <>
      <h2>{t('account.profile')}</h2>
      <dl className="summary-list">
        <dt>{t('login.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('account.kind')}</dt>
        <dd>{t(`account.kind.${user.kind}`)}</dd>
        <dt>{t('account.displayName')}</dt>
        <dd>{user.displayName}</dd>
        {shown.map((key) => (
          <Fact key={key} term={t(`account.profile.${key}`)} value={String(user.profile[key])} />
        ))}
        <dt>{t('register.phone')}</dt>
        <dd>{user.phone ?? '—'}</dd>
        <dt>{t('register.email')}</dt>
        <dd>{user.email ?? '—'}</dd>
      </dl>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Identities() {
  const { t, locale } = useI18n();
  const [round, setRound] = useState(0);
  const identities = useApiData<{ items: BoundIdentity[] }>('/api/account/identities', round);
  return (
    <>
      <h2>{t('account.identities')}</h2>
      <p className="hint">{t('account.identitiesHint')}</p>
      <LoadState state={identities}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('account.noIdentities')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('account.identity.kind')}</th>
                  <th scope="col">{t('account.identity.label')}</th>
                  <th scope="col">{t('account.identity.bound')}</th>
                  <th scope="col">{t('workstation.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((identity) => (
                  <tr key={identity.id}>
                    <td>{t(`account.identity.${identity.kind}`)}</td>
                    <td>
                      {identity.label}
                      <div className="hint">{identity.issuer}</div>
                    </td>
                    <td>{formatDate(identity.createdAt, locale)}</td>
                    <td>
                      <UnbindButton identity={identity} unbound={() => setRound((n) => n + 1)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </>
  );
}

function UnbindButton(props: { identity: BoundIdentity; unbound(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { identity } = props;
  const titleId = `unbind-${identity.id}-title`;
  const unbind = async () => {
    try {
      await apiDelete(`/api/account/identities/${identity.id}`);
      dialog.current?.close();
      props.unbound();
    } catch (failure) {
      setError(asApiError(failure).message);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button-link"
        onClick={() => dialog.current?.showModal()}
        aria-label={t('account.unbindOf', { label: identity.label })}
      >
        {t('account.unbind')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('account.unbindTitle')}</h2>
        <p>{t('account.unbindText', { label: identity.label })}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button-danger" onClick={() => void unbind()}>
            {t('account.unbind')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}

function RecentLogins() {
  const { t, locale } = useI18n();
  const events = useApiData<{ items: AuthEvent[] }>('/api/account/auth-events');
  return (
    <>
      <h2>{t('account.recentLogins')}</h2>
      <LoadState state={events}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('account.noEvents')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('account.event.at')}</th>
                  <th scope="col">{t('account.event.what')}</th>
                  <th scope="col">{t('account.event.method')}</th>
                  <th scope="col">{t('account.event.address')}</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, 20).map((event, index) => (
                  <tr key={`${event.at}-${index}`}>
                    <td>{formatDate(event.at, locale)}</td>
                    <td>{t(`account.event.${event.type}`)}</td>
                    <td>{methodLabel(event.method, t)}</td>
                    <td>{event.address ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </>
  );
}

function methodLabel(method: string, t: ReturnType<typeof useI18n>['t']): string {
  if (method === 'password' || method === 'certificate' || method === 'sso') {
    return t(`account.method.${method}`);
  }
  return method;
}
