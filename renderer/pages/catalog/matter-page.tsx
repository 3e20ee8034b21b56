import { useState } from 'react';
import { apiPost } from '../../api/api-client';
import { LoadState } from '../../app/load-state';
import { loginPath } from '../../app/page-access';
import { Link, navigate } from '../../app/router';
import { type AuthLevel, type SessionUser, useSession } from '../../app/session';
import { asApiError, useApiData } from '../../app/use-api-data';
import { type Locale, type Translate, localized, useI18n } from '../../i18n/i18n';
import { fileSize } from '../content/downloads-page';
import type { MatterDescription } from './catalog-types';

/**
 * One matter: what it is, the materials to prepare, who may apply and how to log in for it,
 * how long it takes, and the 办理 button that starts an application and opens its form.
 */
export function MatterPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const matter = useApiData<MatterDescription>(`/api/matters/${encodeURIComponent(id)}`);
  return (
    <section className="page">
      <LoadState state={matter}>
        {(shown) => (
          <>
            <p className="breadcrumb">
              <Link to={`/matters?category=${encodeURIComponent(shown.category.id)}`}>
                {localized(shown.category.title, locale)}
              </Link>
            </p>
            <h1>{localized(shown.title, locale)}</h1>
            {shown.description && <p className="lead">{localized(shown.description, locale)}</p>}
            <MatterFacts matter={shown} />
            <StartApplication matter={shown} />
            <Materials matter={shown} locale={locale} t={t} />
          </>
        )}
      </LoadState>
    </section>
  );
}

function MatterFacts({ matter }: { matter: MatterDescription }) {
  const { t } = useI18n();
  return (
    <dl className="summary-list">
      <dt>{t('catalog.whoMayApply')}</dt>
      <dd>
        {matter.applicantTypes
          .map((type) => t(`catalog.applicantType.${type}`))
          .join(t('catalog.listSeparator'))}
      </dd>
      <dt>{t('catalog.loginLevel')}</dt>
      <dd>{t(`catalog.authLevel.${matter.authLevel}`)}</dd>
      <dt>{t('catalog.processingTime')}</dt>
      <dd>
        {matter.processingDays === null
          ? t('catalog.processingUnknown')
          : t('catalog.processingDays', { days: matter.processingDays })}
      </dd>
    </dl>
  );
}

function Materials(props: { matter: MatterDescription; locale: Locale; t: Translate }) {
  const { matter, locale, t } = props;
  if (matter.materials.length === 0) return null;
  return (
    <>
      <h2>{t('catalog.materials')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('catalog.material')}</th>
            <th scope="col">{t('catalog.materialRequired')}</th>
            <th scope="col">{t('catalog.materialLimits')}</th>
          </tr>
        </thead>
        <tbody>
          {matter.materials.map((material) => (
            <tr key={material.id}>
              <td>
                <strong>{localized(material.title, locale)}</strong>
                {material.description && (
                  <div className="hint">{localized(material.description, locale)}</div>
                )}
              </td>
              <td>{material.required ? t('catalog.required') : t('catalog.optional')}</td>
              <td>
                {t('catalog.limits', {
                  files: material.maxFiles,
                  size: fileSize(material.maxSize, t),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * 办理: starts an application and opens its form. Without a login it asks for one first. It is
 * disabled, saying why, for staff and for a session that did not log in with the certificate a
 * matter needs; a refusal the page did not foresee (another applicant type) says what to do.
 */
function StartApplication({ matter }: { matter: MatterDescription }) {
  const { t } = useI18n();
  const { user, authLevel } = useSession();
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const here = `/matters/${matter.id}`;
  const blocked = startBlocked(matter, user, authLevel);

  const start = async () => {
    if (!user) return navigate(loginPath(here));
    setBusy(true);
    try {
      const started = await apiPost<{ id: string }>('/api/applications', { matterId: matter.id });
      navigate(`/applications/${started.id}/form`);
    } catch (error) {
      const apiError = asApiError(error);
      setRefusal({ code: apiError.code, message: apiError.message });
      setBusy(false);
    }
  };
  return (
    <div className="start-application">
      {blocked === 'certificate' ? (
        <CertificateLoginNeeded id="start-blocked" authLevel={authLevel} returnTo={here} />
      ) : (
        matter.authLevel === 'certificate' && (
          <p className="notice notice-warning">{t('catalog.certificateNotice')}</p>
        )
      )}
      <button
        type="button"
        className="button-primary"
        disabled={busy || blocked !== null}
        aria-describedby={blocked ? 'start-blocked' : undefined}
        onClick={() => void start()}
      >
        {t('catalog.start')}
      </button>
      {blocked === 'staff' && (
        <p className="hint" id="start-blocked">
          {t('catalog.staffCannotApply')}
        </p>
      )}
      {refusal && (
        <div className="notice notice-error" role="alert">
          <p>{refusal.message}</p>
          {refusal.code === 'certificate_login_required' && (
            <CertificateLoginLink returnTo={here} />
          )}
        </div>
      )}
    </div>
  );
}

/**
 * Why 办理 cannot start for this session, or null when it can (or nobody is logged in yet: the
 * button asks for a login). The API refuses the same cases; this spares the click.
 */
function startBlocked(
  matter: MatterDescription,
  user: SessionUser | null | undefined,
  authLevel: AuthLevel | null,
): 'staff' | 'certificate' | null {
  if (!user) return null;
  if (user.kind === 'officer' || user.kind === 'admin') return 'staff';
  if (matter.authLevel === 'certificate' && authLevel !== 'certificate') return 'certificate';
  return null;
}

/** Why a session logged in another way cannot start a certificate-only matter, and the way in. */
function CertificateLoginNeeded(props: {
  id: string;
  authLevel: AuthLevel | null;
  returnTo: string;
}) {
  const { t } = useI18n();
  const method = props.authLevel === 'sso' ? 'sso' : 'password';
  return (
    <div className="notice notice-warning" id={props.id}>
      <p>{t('catalog.certificateLoginNeeded', { method: t(`catalog.loginMethod.${method}`) })}</p>
      <CertificateLoginLink returnTo={props.returnTo} />
    </div>
  );
}

/** The login page on its CA tab, coming back to the matter afterwards. */
function CertificateLoginLink({ returnTo }: { returnTo: string }) {
  const { t } = useI18n();
  return (
    <p>
      <Link to={`/login?${new URLSearchParams({ tab: 'certificate', returnTo })}`}>
        {t('catalog.toCertificateLogin')}
      </Link>
    </p>
  );
}
