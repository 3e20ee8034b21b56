import { apiPut } from '../../api/api-client';
import { type SettingsField, SettingsForm } from './settings-form';

const fields: SettingsField[] = [
  {
    pointer: '/currentPassword',
    label: 'account.password.current',
    type: 'password',
    autoComplete: 'current-password',
    hint: 'account.password.currentHint',
  },
  {
    pointer: '/newPassword',
    label: 'account.password.new',
    type: 'password',
    autoComplete: 'new-password',
    hint: 'register.passwordHint',
  },
  {
    pointer: '/newPasswordAgain',
    label: 'account.password.newAgain',
    type: 'password',
    autoComplete: 'new-password',
    sameAs: '/newPassword',
  },
];

/**
 * 修改密码: the current password, then the new one twice. The API ends every other session of
 * the account and answers this one's replacement, whose CSRF token the API client keeps.
 */
export function PasswordChangeForm() {
  return (
    <SettingsForm
      id="password-change"
      title="account.password.title"
      fields={fields}
      submit="account.password.submit"
      send={(body) => apiPut('/api/account/password', body)}
      done="account.password.changed"
    />
  );
}
