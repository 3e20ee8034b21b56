/** The office's offset from UTC: China keeps one time zone and no summer time. */
const officeOffsetMs = 8 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The day a matter's promise (`processingDays`, in working days) falls due for an application
 * submitted at `submittedAt`: that many Mondays-to-Fridays after the submission day, counted in
 * the office's time zone. Public holidays are not known to the portal and are not skipped.
 * Null for an unsubmitted application or a matter that promises nothing.
 */
export function promisedDate(
  submittedAt: string | null,
  processingDays: number | null | undefined,
): Date | null {
  if (!submittedAt || processingDays === null || processingDays === undefined) return null;
  const start = Date.parse(submittedAt);
  if (Number.isNaN(start)) return null;
  const office = new Date(start + officeOffsetMs);
  let left = processingDays;
  while (left > 0) {
    office.setTime(office.getTime() + dayMs);
    const weekday = office.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(office.getTime() - officeOffsetMs);
}
