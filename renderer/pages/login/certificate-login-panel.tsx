import { useState } from 'react';
import { LoadingNotice } from '../../app/load-state';
import type { LoginAnswer } from '../../app/session';
import { useApiData } from '../../app/use-api-data';
import { useI18n } from '../../i18n/i18n';
import { CertificateLoginForm } from './certificate-login-form';
import { UsbKeyLoginForm } from './usb-key-login-form';

interface Props {
  returnTo: string | null;
  onLoggedIn(answer: LoginAnswer): void;
}

type Way = 'helper' | 'file';

/**
 * The CA认证登录 tab. With a signing helper configured (`GET /api/auth/ca/settings`), the
 * person picks the USB key through the helper (first, as the manual has it) or a PKCS#12 file;
 * without one, or when the settings cannot be read, the file only.
 */
export function CertificateLoginPanel({ returnTo, onLoggedIn }: Props) {
  const { t } = useI18n();
  const settings = useApiData<{ helperUrl: string | null }>('/api/auth/ca/settings');
  const [way, setWay] = useState<Way>('helper');
  if (settings.data === undefined && !settings.error) return <LoadingNotice />;
  const helperUrl = settings.data?.helperUrl;
  const file = <CertificateLoginForm returnTo={returnTo} onLoggedIn={onLoggedIn} />;
  if (!helperUrl) return file;

  const option = (value: Way, label: string) => (
    <div className="choice">
      <input
        type="radio"
        id={`ca-way-${value}`}
        name="ca-way"
        checked={way === value}
        onChange={() => setWay(value)}
      />
      <label htmlFor={`ca-way-${value}`}>{label}</label>
    </div>
  );
  return (
    <>
      <fieldset className="field">
        <legend>{t('login.ca.way')}</legend>
        {option('helper', t('login.ca.way.helper'))}
        {option('file', t('login.ca.way.file'))}
      </fieldset>
      {way === 'helper' ? (
        <UsbKeyLoginForm helperUrl={helperUrl} returnTo={returnTo} onLoggedIn={onLoggedIn} />
      ) : (
        file
      )}
    </>
  );
}
