import { creditCodeFormat } from './credit-code';
import type { AnyDomainFormat } from './domain-format';
import { mobileFormat } from './mobile';
import { postalCodeFormat } from './postal-code';
import { residentIdFormat } from './resident-id';

/** The string formats the engine ships besides those of ajv-formats. */
export const domainFormats: readonly AnyDomainFormat[] = [
  residentIdFormat,
  creditCodeFormat,
  mobileFormat,
  postalCodeFormat,
];

export const domainFormatNames: readonly string[] = domainFormats.map((format) => format.name);

export function findDomainFormat(name: unknown): AnyDomainFormat | undefined {
  return domainFormats.find((format) => format.name === name);
}
