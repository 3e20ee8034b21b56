import { focusCandidates } from './field-pointer';

const focusable = 'input:not([type=hidden]), select, textarea, button, [tabindex]';

/**
 * Puts the focus on the field holding the value at `pointer` (or the nearest element of the
 * objects around it) and scrolls it into view; false when nothing of it is on the page.
 */
export function focusField(pointer: string): boolean {
  for (const id of focusCandidates(pointer)) {
    const element = document.getElementById(id);
    if (!element) continue;
    const target = element.matches(focusable) ? element : element.querySelector(focusable);
    if (!(target instanceof HTMLElement)) continue;
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
}
