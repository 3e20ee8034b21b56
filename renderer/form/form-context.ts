import type { MaterialInfo } from '../application/application-api';
import type { Locale, Translate } from '../i18n/i18n';

/**
 * What the form page hands every rjsf field and template through `formContext`: the material
 * upload field needs the application and the material's limits, and the field template marks
 * the fields an officer asked to correct.
 */
export interface FormPageContext {
  applicationId: string;
  materials: ReadonlyMap<string, MaterialInfo>;
  /** The officer's reasons, by the element id of the field they name. */
  corrections: ReadonlyMap<string, string[]>;
  locale: Locale;
  t: Translate;
}
