/**
 * ISO 8601 durations for `after` delays and deadlines, limited to the units with a fixed length:
 * weeks, days, hours, minutes and seconds. Years and months vary in length, so a timer built on
 * them would fire at a different moment depending on when it started; they are refused.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;

const number = '(\\d+(?:[.,]\\d+)?)';
const durationPattern = new RegExp(
  `^P(?:${number}W)?(?:${number}D)?(?:T(?:${number}H)?(?:${number}M)?(?:${number}S)?)?$`,
);
const unitLengths = [week, day, hour, minute, second];

/**
 * Milliseconds of an ISO 8601 duration such as `P5D`, `PT12H` or `P1DT12H`; null when the text
 * is malformed, empty (`P`, `PT`), negative, uses years or months, or puts a fraction anywhere
 * but on its last component.
 */
export function parseIsoDuration(text: string): number | null {
  const match = durationPattern.exec(text);
  if (!match || text.endsWith('T')) return null;
  const components = match.slice(1);
  const present = components.flatMap((value, index) => (value === undefined ? [] : [index]));
  if (present.length === 0 || !fractionOnlyLast(components, present)) return null;
  const total = present.reduce(
    (sum, index) => sum + toNumber(components[index]) * (unitLengths[index] ?? 0),
    0,
  );
  return Number.isSafeInteger(Math.round(total)) ? Math.round(total) : null;
}

function fractionOnlyLast(components: (string | undefined)[], present: number[]): boolean {
  return present.slice(0, -1).every((index) => !/[.,]/.test(components[index] ?? ''));
}

function toNumber(value: string | undefined): number {
  return Number((value ?? '0').replace(',', '.'));
}

const displayUnits: [number, string][] = [
  [day, 'd'],
  [hour, 'h'],
  [minute, 'min'],
  [second, 's'],
];

/** A short reading of a duration for people, such as `5d` or `1d 12h`; `0s` for zero. */
export function formatDuration(milliseconds: number): string {
  let rest = Math.max(0, Math.round(milliseconds));
  const parts: string[] = [];
  for (const [length, unit] of displayUnits) {
    const count = Math.floor(rest / length);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * length;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.length > 0 ? parts.join(' ') : '0s';
}
