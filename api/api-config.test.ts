import { apiConfigFromEnv } from './api-config';

describe('apiConfigFromEnv', () => {
  it('asks for the captcha and plain cookies by default', () => {
    expect(apiConfigFromEnv({})).toEqual({
      captcha: true,
      secureCookies: false,
      trustProxy: false,
      jsonLimit: '1mb',
    });
  });

  it('turns the captcha off for local testing', () => {
    expect(apiConfigFromEnv({ CAPTCHA: 'off' }).captcha).toBe(false);
  });

  it('refuses CAPTCHA=off in production, naming the variable', () => {
    expect(() => apiConfigFromEnv({ CAPTCHA: 'off', NODE_ENV: 'production' })).toThrow(
      expect.objectContaining({ variable: 'CAPTCHA', code: 'runtime_config_invalid' }),
    );
  });

  it('sets Secure cookies in production unless told otherwise', () => {
    expect(apiConfigFromEnv({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(apiConfigFromEnv({ NODE_ENV: 'production', SECURE_COOKIES: 'off' }).secureCookies).toBe(
      false,
    );
  });

  it('refuses a value that is neither on nor off', () => {
    expect(() => apiConfigFromEnv({ CAPTCHA: 'maybe' })).toThrow(/CAPTCHA must be "on" or "off"/);
    expect(() => apiConfigFromEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be/);
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(apiConfigFromEnv({ TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(apiConfigFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(apiConfigFromEnv({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('takes PUBLIC_URL as an origin, and refuses one with a path', () => {
    const publicUrl = apiConfigFromEnv({ PUBLIC_URL: 'https://portal.example.gov/' }).publicUrl;
    expect(publicUrl).toBe('https://portal.example.gov');
    for (const PUBLIC_URL of ['https://portal.example.gov/portal', 'ftp://x', 'portal']) {
      expect(() => apiConfigFromEnv({ PUBLIC_URL })).toThrow(
        expect.objectContaining({ variable: 'PUBLIC_URL' }),
      );
    }
  });

  it('takes CA_HELPER_URL as a loopback origin, and refuses anything else naming it', () => {
    const helper = (CA_HELPER_URL: string) => apiConfigFromEnv({ CA_HELPER_URL }).caHelperUrl;
    expect(helper('http://127.0.0.1:17380')).toBe('http://127.0.0.1:17380');
    expect(helper('https://localhost:17380/')).toBe('https://localhost:17380');
    expect(helper('http://[::1]:17380')).toBe('http://[::1]:17380');
    expect(apiConfigFromEnv({}).caHelperUrl).toBeUndefined();
    for (const CA_HELPER_URL of [
      'http://127.0.0.1:17380/sign',
      'http://helper.example.gov:17380',
      'http://192.168.1.5:17380',
      'ws://127.0.0.1:17380',
      '127.0.0.1:17380',
    ]) {
      expect(() => apiConfigFromEnv({ CA_HELPER_URL })).toThrow(
        expect.objectContaining({ variable: 'CA_HELPER_URL', code: 'runtime_config_invalid' }),
      );
    }
  });
});
