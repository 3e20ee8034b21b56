import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

export interface Captcha {
  id: string | null;
  image: string | null;
  answer: string;
  setAnswer(answer: string): void;
  /** A new picture (each one is good for one check, so after every failed submit too). */
  refresh(): void;
  /** The two fields a request that needs a captcha carries. */
  fields(): { captchaId: string; captchaAnswer: string };
}

/** A captcha from `GET /api/captcha`, fetched at once and again on refresh. */
export function useCaptcha(): Captcha {
  const [picture, setPicture] = useState<{ id: string; image: string } | null>(null);
  const [answer, setAnswer] = useState('');
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setAnswer('');
    apiGet<{ id: string; image: string }>('/api/captcha').then(
      (next) => {
        if (current) setPicture(next);
      },
      () => {
        if (current) setPicture(null);
      },
    );
    return () => {
      current = false;
    };
  }, [round]);
  return {
    id: picture?.id ?? null,
    image: picture?.image ?? null,
    answer,
    setAnswer,
    refresh,
    fields: () => ({ captchaId: picture?.id ?? '', captchaAnswer: answer }),
  };
}

/** The captcha picture, a button for another one, and the field for what it shows. */
export function CaptchaField(props: { id: string; captcha: Captcha; error?: string }) {
  const { t } = useI18n();
  const { id, captcha, error } = props;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {t('shell.captcha.label')}
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      </label>
      {error && (
        <span className="field-error" id={errorId}>
          <span className="visually-hidden">{t('shell.errorPrefix')}</span>
          {error}
        </span>
      )}
      <div className="captcha-row">
        <input
          id={id}
          name={id}
          type="text"
          value={captcha.answer}
          onChange={(event) => captcha.setAnswer(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={10}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {captcha.image ? (
          <img className="captcha-image" src={captcha.image} alt={t('shell.captcha.image')} />
        ) : (
          <span className="captcha-image" role="status">
            {t('common.loading')}
          </span>
        )}
        <button type="button" className="button-link" onClick={captcha.refresh}>
          {t('shell.captcha.refresh')}
        </button>
      </div>
    </div>
  );
}
