import { promisedDate } from './promised-date';

describe('promisedDate', () => {
  it.each([
    // Monday 10:00 in Shenzhen, 3 working days: Thursday.
    ['2026-03-02T02:00:00.000Z', 3, '2026-03-05T02:00:00.000Z'],
    // Friday: the weekend is skipped.
    ['2026-03-06T02:00:00.000Z', 1, '2026-03-09T02:00:00.000Z'],
    // Friday 23:30 UTC is Saturday 07:30 in Shenzhen: due Monday 07:30 there.
    ['2026-03-06T23:30:00.000Z', 1, '2026-03-08T23:30:00.000Z'],
    ['2026-03-02T02:00:00.000Z', 0, '2026-03-02T02:00:00.000Z'],
  ])('from %s plus %d working days is %s', (submittedAt, days, expected) => {
    expect(promisedDate(submittedAt, days)?.toISOString()).toBe(expected);
  });

  it('promises nothing before submission, without a promise or for a bad date', () => {
    expect(promisedDate(null, 3)).toBeNull();
    expect(promisedDate('2026-03-02T02:00:00.000Z', null)).toBeNull();
    expect(promisedDate('not a date', 3)).toBeNull();
  });
});
