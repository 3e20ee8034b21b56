import { useI18n } from '../../i18n/i18n';

/**
 * 市网厅统一认证登录: off to the city's unified identity provider (a full page navigation, as
 * the provider needs); it sends the browser back logged in, or to the bind page on first use.
 */
export function UnifiedLoginPanel({ returnTo }: { returnTo: string | null }) {
  const { t } = useI18n();
  const query = returnTo ? `?${new URLSearchParams({ returnTo })}` : '';
  return (
    <div>
      <p>{t('login.sso.intro')}</p>
      <p>
        <a className="button-primary" href={`/api/auth/sso/start${query}`}>
          {t('login.sso.start')}
        </a>
      </p>
      <p className="hint">{t('login.sso.firstUse')}</p>
    </div>
  );
}
