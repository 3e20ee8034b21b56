import { formatDuration, parseIsoDuration } from './duration';

const day = 86_400_000;
const hour = 3_600_000;

describe('parseIsoDuration', () => {
  test.each([
    ['P5D', 5 * day],
    ['P2W', 14 * day],
    ['PT12H', 12 * hour],
    ['PT30M', 30 * 60_000],
    ['PT45S', 45_000],
    ['P1DT12H', day + 12 * hour],
    ['P1W2DT3H4M5S', 9 * day + 3 * hour + 4 * 60_000 + 5_000],
    ['PT1.5H', 1.5 * hour],
    ['PT0,5S', 500],
    ['P0D', 0],
  ])('%s is %d ms', (text, expected) => {
    expect(parseIsoDuration(text)).toBe(expected);
  });

  test.each([
    ['', 'empty'],
    ['P', 'no component'],
    ['PT', 'no time component'],
    ['P1DT', 'dangling T'],
    ['P1Y', 'years'],
    ['P2M', 'months'],
    ['P1Y2D', 'years with days'],
    ['-P5D', 'negative'],
    ['P-5D', 'negative component'],
    ['5D', 'no P'],
    ['p5d', 'lower case'],
    ['P5H', 'hours without T'],
    ['PT5D', 'days after T'],
    ['P1.5DT2H', 'fraction before the last component'],
    ['P5D ', 'trailing space'],
    ['P5DT12H30', 'number without unit'],
    ['P99999999999999999999D', 'too large'],
    ['five days', 'garbage'],
  ])('%j is refused (%s)', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  test.each([
    [5 * day, '5d'],
    [day + 12 * hour, '1d 12h'],
    [90 * 60_000, '1h 30min'],
    [1_500, '1s 500ms'],
    [0, '0s'],
  ])('%d ms reads %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});
