import { useState } from 'react';
import type { FieldProblem } from '../../app/error-summary';
import { TextField } from '../../app/text-field';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';

/** A portal username and password as a form holds them while they are typed. */
export interface Credentials {
  username: string;
  password: string;
  setUsername(value: string): void;
  setPassword(value: string): void;
}

export function useCredentials(): Credentials {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return { username, password, setUsername, setPassword };
}

/**
 * What is missing before the form may be sent, under the field ids `PREFIX-username` and
 * `PREFIX-password` that CredentialFields gives its inputs.
 */
export function missingCredentials(
  credentials: Credentials,
  prefix: string,
  t: Translate,
): FieldProblem[] {
  const missing: FieldProblem[] = [];
  if (!credentials.username.trim()) {
    missing.push({ fieldId: `${prefix}-username`, message: t('login.missing.username') });
  }
  if (!credentials.password) {
    missing.push({ fieldId: `${prefix}-password`, message: t('login.missing.password') });
  }
  return missing;
}

/** The username and password inputs of a login or a binding, each with its own error. */
export function CredentialFields(props: {
  prefix: string;
  credentials: Credentials;
  errorOf(fieldId: string): string | undefined;
}) {
  const { t } = useI18n();
  const { prefix, credentials, errorOf } = props;
  return (
    <>
      <TextField
        id={`${prefix}-username`}
        label={t('login.username')}
        value={credentials.username}
        onChange={credentials.setUsername}
        required
        autoComplete="username"
        error={errorOf(`${prefix}-username`)}
      />
      <TextField
        id={`${prefix}-password`}
        label={t('login.password')}
        type="password"
        value={credentials.password}
        onChange={credentials.setPassword}
        required
        autoComplete="current-password"
        error={errorOf(`${prefix}-password`)}
      />
    </>
  );
}
