import { ssoSettingsFromEnv } from './sso-settings';

const configured = {
  OIDC_ISSUER: 'https://id.example.gov/realms/city',
  OIDC_CLIENT_ID: 'portal',
  OIDC_CLIENT_SECRET: 's3cret',
};

describe('ssoSettingsFromEnv', () => {
  it('runs the demo provider without OIDC_ISSUER, except in production', () => {
    expect(ssoSettingsFromEnv({})).toBe('demo');
    expect(ssoSettingsFromEnv({ NODE_ENV: 'production' })).toBe('off');
  });

  it('reads the provider, the client and the default scope', () => {
    expect(ssoSettingsFromEnv(configured)).toEqual({
      issuer: new URL(configured.OIDC_ISSUER),
      clientId: 'portal',
      clientSecret: 's3cret',
      scope: 'openid profile',
    });
    const scope = ssoSettingsFromEnv({ ...configured, OIDC_SCOPE: ' openid  profile idcard ' });
    expect(scope).toMatchObject({ scope: 'openid profile idcard' });
  });

  it('takes plain http only from a provider on this machine', () => {
    const local = { ...configured, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/city' };
    expect(ssoSettingsFromEnv(local)).toMatchObject({ issuer: new URL(local.OIDC_ISSUER) });
    const remote = { ...configured, OIDC_ISSUER: 'http://id.example.gov' };
    expect(() => ssoSettingsFromEnv(remote)).toThrow(
      expect.objectContaining({ variable: 'OIDC_ISSUER', code: 'runtime_config_invalid' }),
    );
  });

  it.each([
    [{ ...configured, OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER'],
    [{ ...configured, OIDC_ISSUER: 'https://id.example.gov/?realm=city' }, 'OIDC_ISSUER'],
    [{ ...configured, OIDC_CLIENT_ID: ' ' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: configured.OIDC_ISSUER, OIDC_CLIENT_ID: 'portal' }, 'OIDC_CLIENT_SECRET'],
    [{ ...configured, OIDC_SCOPE: 'profile' }, 'OIDC_SCOPE'],
    [{ OIDC_CLIENT_ID: 'portal' }, 'OIDC_CLIENT_ID'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => ssoSettingsFromEnv(env)).toThrow(expect.objectContaining({ variable }));
  });
});
