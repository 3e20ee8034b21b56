import { checkCreditCode } from '../../definitions/form/credit-code';
import type { FormatProblem } from '../../definitions/form/domain-format';
import { checkMobile } from '../../definitions/form/mobile';
import { checkPostalCode } from '../../definitions/form/postal-code';
import { checkResidentId } from '../../definitions/form/resident-id';

/**
 * The string formats of the definition language that the browser checks before the server does:
 * resident ID numbers (GB 11643), unified social credit codes (GB 32100 with the GB 11714 check
 * inside), mainland mobile numbers and postal codes. The checks are the definition language's
 * own pure functions, so the page and the server can never disagree on a value.
 */
export type { FormatProblem };

export type FormatCheck = (text: string) => FormatProblem | undefined;

/** The checks by the format name a form schema uses. */
export const domainFormatChecks: Readonly<Record<string, FormatCheck>> = {
  'resident-id': checkResidentId,
  'credit-code': checkCreditCode,
  mobile: checkMobile,
  'postal-code': checkPostalCode,
};

/** The formats as rjsf's `customizeValidator` takes them: true when the text is valid. */
export function customFormats(): Record<string, (text: string) => boolean> {
  return Object.fromEntries(
    Object.entries(domainFormatChecks).map(([name, check]) => [name, (text) => !check(text)]),
  );
}
