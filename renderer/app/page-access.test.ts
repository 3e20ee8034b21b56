import { accessOutcome, homeOf, isInternalPath, landingPath, loginPath } from './page-access';

describe('who may open a page', () => {
  it.each([
    ['public', null, 'show'],
    ['applicant', null, 'login'],
    ['applicant', 'enterprise', 'show'],
    ['applicant', 'officer', 'not_allowed'],
    ['officer', 'officer', 'show'],
    ['officer', 'admin', 'not_allowed'],
    ['admin', 'admin', 'show'],
    ['staff', 'officer', 'show'],
    ['staff', 'individual', 'not_allowed'],
    ['session', 'individual', 'show'],
    ['session', null, 'login'],
  ] as const)('%s page, %s account: %s', (access, kind, outcome) => {
    expect(accessOutcome(access, kind ? { kind } : null)).toBe(outcome);
  });
});

describe('where a login leads', () => {
  it('goes back to the page asked for', () => {
    expect(landingPath({ kind: 'officer' }, '/matters/annual-report?x=1')).toBe(
      '/matters/annual-report?x=1',
    );
  });

  it('otherwise sends each kind of account to its own start page', () => {
    expect(landingPath({ kind: 'officer' })).toBe('/desk');
    expect(landingPath({ kind: 'admin' }, null)).toBe('/admin');
    expect(landingPath({ kind: 'enterprise' })).toBe('/workstation');
    expect(homeOf('individual')).toBe('/workstation');
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example', 'x', '/login?a=b'])(
    'never follows %s',
    (returnTo) => {
      expect(isInternalPath(returnTo)).toBe(false);
      expect(landingPath({ kind: 'individual' }, returnTo)).toBe('/workstation');
    },
  );

  it('remembers the page in the login address', () => {
    expect(loginPath('/workstation?category=draft')).toBe(
      '/login?returnTo=%2Fworkstation%3Fcategory%3Ddraft',
    );
  });
});
