import { useI18n } from '../i18n/i18n';
import { homeOf } from './page-access';
import { Link } from './router';
import { useSession } from './session';

/** A page that the logged-in account's kind may not open (an applicant at the desk, say). */
export function NotAllowedPage() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  return (
    <section className="page page-narrow">
      <h1>{t('shell.notAllowed.title')}</h1>
      <p>{t('shell.notAllowed.text', { name: user?.displayName ?? '' })}</p>
      <ul className="link-list">
        {user && (
          <li>
            <Link to={homeOf(user.kind)}>{t('nav.workstation')}</Link>
          </li>
        )}
        <li>
          <button type="button" className="button-link" onClick={() => void logout()}>
            {t('shell.notAllowed.switchAccount')}
          </button>
        </li>
      </ul>
    </section>
  );
}
