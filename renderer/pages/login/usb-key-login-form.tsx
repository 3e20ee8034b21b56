import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { LiveNotice } from '../../app/live-notice';
import { Link } from '../../app/router';
import type { LoginAnswer } from '../../app/session';
import { type Translate, useI18n } from '../../i18n/i18n';
import { followBinding, logInWithCertificate, refusalMessage } from './certificate-login';
import { SigningHelperError, signWithHelper } from './signing-helper-client';
import {
  type HelperListing,
  type ListedCertificate,
  useHelperCertificates,
} from './use-helper-certificates';

interface Props {
  /** The signing helper's loopback origin (CA_HELPER_URL). */
  helperUrl: string;
  returnTo: string | null;
  onLoggedIn(answer: LoginAnswer): void;
}

const choiceId = (index: number) => `ca-helper-certificate-${index}`;

/**
 * CA认证登录 with a USB key (manual section 2.2, step 4): the signing helper lists the
 * certificates of the inserted keys, the person picks one and logs in; the helper asks for the
 * PIN and signs the portal's challenge on the key. Without an answering helper the form says so,
 * with the way to the driver downloads and a button to look again.
 */
export function UsbKeyLoginForm({ helperUrl, returnTo, onLoggedIn }: Props) {
  const { t } = useI18n();
  const { listing, look } = useHelperCertificates(helperUrl);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const certificates = listing.state === 'listed' ? listing.certificates : [];
  const only = certificates.length === 1 ? certificates[0] : undefined;
  const chosen = certificates.find((certificate) => certificate.id === chosenId) ?? only;
  const choiceError = problems.find((problem) => problem.fieldId === choiceId(0))?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setProblems([{ fieldId: choiceId(0), message: t('login.ca.helper.missingChoice') }]);
      return;
    }
    setProblems([]);
    try {
      setProgress(t('login.ca.helper.signing', { label: chosen.label }));
      const sign = (nonce: string) => signWithHelper(helperUrl, chosen.id, nonce);
      onLoggedIn(await logInWithCertificate(sign));
    } catch (error) {
      setProgress(null);
      if (!followBinding(error, returnTo)) setProblems([helperProblem(error, t)]);
    }
  };

  const failed = listing.state === 'failed' && progress === null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('login.ca.way.helper')}>
      <ErrorSummary problems={problems} />
      <p className="hint">{t('login.ca.helper.intro')}</p>
      <LiveNotice className={failed ? 'notice notice-error' : 'notice'}>
        {progress ?? <ListingNotice listing={listing} />}
      </LiveNotice>
      {certificates.length > 0 && (
        <CertificateChoice
          certificates={certificates}
          chosen={chosen}
          error={choiceError}
          disabled={progress !== null}
          choose={setChosenId}
        />
      )}
      <div className="button-row">
        {certificates.length > 0 && (
          <button type="submit" className="button-primary" disabled={progress !== null}>
            {t('login.submit')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={look}
          disabled={listing.state === 'looking' || progress !== null}
        >
          {t('login.ca.helper.lookAgain')}
        </button>
        <Link to="/downloads?category=drivers">{t('login.ca.downloads')}</Link>
        <Link to="/faq">{t('nav.faq')}</Link>
      </div>
    </form>
  );
}

/** What the look for certificates found, for the status line. */
function ListingNotice({ listing }: { listing: HelperListing }): ReactNode {
  const { t } = useI18n();
  if (listing.state === 'looking') return t('login.ca.helper.looking');
  if (listing.state === 'listed') {
    const count = listing.certificates.length;
    return count === 0 ? t('login.ca.helper.empty') : t('login.ca.helper.found', { count });
  }
  if (listing.state === 'failed' && listing.problem !== 'helper_unreachable') {
    return t(`login.ca.helper.${listing.problem}`);
  }
  return (
    <>
      {t('login.ca.helper.unreachable')}{' '}
      <Link to="/downloads?category=drivers">{t('login.ca.helper.downloads')}</Link>
    </>
  );
}

/** The certificates as a radio list: the label, then the issuing CA when it could be read. */
function CertificateChoice(props: {
  certificates: ListedCertificate[];
  chosen: ListedCertificate | undefined;
  error: string | undefined;
  disabled: boolean;
  choose(id: string): void;
}) {
  const { t } = useI18n();
  const { certificates, chosen, error } = props;
  return (
    <fieldset
      className={error ? 'field field-invalid' : 'field'}
      aria-describedby={error ? 'ca-helper-certificate-error' : undefined}
    >
      <legend>{t('login.ca.helper.legend')}</legend>
      {error && (
        <span className="field-error" id="ca-helper-certificate-error">
          <span className="visually-hidden">{t('shell.errorPrefix')}</span>
          {error}
        </span>
      )}
      {certificates.map((certificate, index) => (
        <div className="choice" key={certificate.id}>
          <input
            type="radio"
            id={choiceId(index)}
            name="ca-helper-certificate"
            checked={chosen?.id === certificate.id}
            disabled={props.disabled}
            onChange={() => props.choose(certificate.id)}
          />
          <label htmlFor={choiceId(index)}>
            {certificate.label}
            {certificate.issuer && (
              <span className="hint">
                {t('login.ca.helper.issuer', { issuer: certificate.issuer })}
              </span>
            )}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function helperProblem(error: unknown, t: Translate): FieldProblem {
  if (error instanceof SigningHelperError) {
    return { fieldId: '', message: t(`login.ca.helper.${error.problem}`) };
  }
  return { fieldId: '', message: refusalMessage(error, t) };
}
