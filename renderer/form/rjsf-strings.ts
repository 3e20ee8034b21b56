import { TranslatableString, replaceStringParameters } from '@rjsf/utils';
import type { MessageKey, Translate } from '../i18n/i18n';

/** The catalogue key of each string rjsf shows; the type makes the list complete. */
const keys: Record<TranslatableString, MessageKey> = {
  [TranslatableString.ArrayItemTitle]: 'form.rjsf.arrayItemTitle',
  [TranslatableString.MissingItems]: 'form.rjsf.missingItems',
  [TranslatableString.EmptyArray]: 'form.rjsf.emptyArray',
  [TranslatableString.YesLabel]: 'form.rjsf.yes',
  [TranslatableString.NoLabel]: 'form.rjsf.no',
  [TranslatableString.CloseLabel]: 'form.rjsf.close',
  [TranslatableString.ErrorsLabel]: 'form.rjsf.errors',
  [TranslatableString.NewStringDefault]: 'form.rjsf.newStringDefault',
  [TranslatableString.AddButton]: 'form.rjsf.add',
  [TranslatableString.AddItemButton]: 'form.rjsf.addItem',
  [TranslatableString.CopyButton]: 'form.rjsf.copy',
  [TranslatableString.ExpandButton]: 'form.rjsf.expand',
  [TranslatableString.MoveDownButton]: 'form.rjsf.moveDown',
  [TranslatableString.MoveUpButton]: 'form.rjsf.moveUp',
  [TranslatableString.RemoveButton]: 'form.rjsf.remove',
  [TranslatableString.NowLabel]: 'form.rjsf.now',
  [TranslatableString.ClearLabel]: 'form.rjsf.clear',
  [TranslatableString.AriaDateLabel]: 'form.rjsf.ariaDate',
  [TranslatableString.PreviewLabel]: 'form.rjsf.preview',
  [TranslatableString.DecrementAriaLabel]: 'form.rjsf.decrement',
  [TranslatableString.IncrementAriaLabel]: 'form.rjsf.increment',
  [TranslatableString.OptionalObjectAdd]: 'form.rjsf.optionalObjectAdd',
  [TranslatableString.OptionalObjectRemove]: 'form.rjsf.optionalObjectRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'form.rjsf.optionalObjectEmpty',
  [TranslatableString.Type]: 'form.rjsf.type',
  [TranslatableString.Value]: 'form.rjsf.value',
  [TranslatableString.ClearButton]: 'form.rjsf.clearInput',
  [TranslatableString.UnknownFieldType]: 'form.rjsf.unknownFieldType',
  [TranslatableString.OptionPrefix]: 'form.rjsf.optionPrefix',
  [TranslatableString.TitleOptionPrefix]: 'form.rjsf.titleOptionPrefix',
  [TranslatableString.KeyLabel]: 'form.rjsf.keyLabel',
  [TranslatableString.DeprecatedLabel]: 'form.rjsf.deprecated',
  [TranslatableString.CycleDetected]: 'form.rjsf.cycleDetected',
  [TranslatableString.InvalidObjectField]: 'form.rjsf.invalidObjectField',
  [TranslatableString.UnsupportedField]: 'form.rjsf.unsupportedField',
  [TranslatableString.UnsupportedFieldWithId]: 'form.rjsf.unsupportedFieldWithId',
  [TranslatableString.UnsupportedFieldWithReason]: 'form.rjsf.unsupportedFieldWithReason',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'form.rjsf.unsupportedFieldWithIdAndReason',
  [TranslatableString.FilesInfo]: 'form.rjsf.filesInfo',
};

/**
 * rjsf's `translateString` in the page's language: its own strings (buttons, labels of empty
 * arrays, yes and no) from the portal's catalogue, with `%1`, `%2` filled in.
 */
export function rjsfTranslator(t: Translate) {
  return (text: TranslatableString, params?: string[]) =>
    replaceStringParameters(t(keys[text]), params);
}
