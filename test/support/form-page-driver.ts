import type { APIRequestContext, Page } from 'playwright-core';
import sample from '../../examples/matters/commercial-entity-establishment/samples/valid.json';
import { fieldIdOf } from '../../renderer/form/field-pointer';
import { sampleFile } from './sample-files';

/**
 * Drives the form page of commercial entity establishment registration the way a person does:
 * by the labels and roles on screen, one step at a time. Shared by the form page's own tests and
 * the walk through the manual.
 *
 * @example
 * await fillEstablishmentForm(page);          // steps 1 to 8 from the matter's sample
 * await page.getByRole('button', { name: '提交申请' }).click();
 */

export const establishmentSample = sample;

/** The element rjsf draws for the value at `pointer`. */
export function field(page: Page, pointer: string) {
  return page.locator(`[id="${fieldIdOf(pointer)}"]`);
}

/** The inline error under the field of `pointer`. */
export function inlineError(page: Page, pointer: string) {
  return page.locator(`[id="${fieldIdOf(pointer)}__error"]`);
}

export async function fill(page: Page, values: Record<string, string | number>): Promise<void> {
  for (const [pointer, value] of Object.entries(values)) {
    await field(page, pointer).fill(String(value));
  }
}

export async function choose(page: Page, pointer: string, label: string): Promise<void> {
  await field(page, pointer).selectOption({ label });
}

/** Waits for the counter heading of step `current` of the form's nine (the check page last). */
export async function stepHeading(page: Page, current: number): Promise<void> {
  await page
    .getByRole('heading', { level: 2, name: new RegExp(`第 ${current} 步，共 9 步`) })
    .waitFor();
}

/** Presses the step's button and waits for step `to`. */
export async function next(page: Page, to: number): Promise<void> {
  await page.getByRole('button', { name: to === 9 ? '检查填写内容' : '下一步' }).click();
  await stepHeading(page, to);
}

/** Picks a sample file for the material field and waits for its link in the list. */
export async function upload(page: Page, pointer: string, name: string): Promise<void> {
  const file = sampleFile(name);
  await field(page, pointer).setInputFiles({
    name,
    mimeType: file.mediaType,
    buffer: file.content,
  });
  await page.getByRole('link', { name }).waitFor();
}

/** A JSON request with the context's session and its CSRF token; throws when refused. */
export async function apiCall(context: APIRequestContext, path: string, data: unknown) {
  const session = await context.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await context.post(path, { data, headers: { 'X-CSRF-Token': csrfToken } });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/**
 * Fills steps 1 to 8 with the sample's answers, starting on step 1, and ends on step 8 with the
 * check page one press away. Two shareholders (a person and a company), every material.
 */
export async function fillEstablishmentForm(page: Page): Promise<void> {
  await stepHeading(page, 1);
  await fillNameStep(page);
  await next(page, 2);
  await fillCapitalStep(page);
  await next(page, 3);
  await fillAddressStep(page);
  await next(page, 4);
  await fillPeopleStep(page);
  await next(page, 5);
  await fillShareholdersStep(page);
  await next(page, 6);
  await next(page, 7);
  await fillMaterialsStep(page);
  await next(page, 8);
  await page.getByRole('checkbox', { name: /本企业承诺/ }).check();
}

async function fillNameStep(page: Page): Promise<void> {
  await fill(page, { '/companyName': sample.companyName, '/industryCode': sample.industryCode });
  await choose(page, '/entityType', '有限责任公司');
}

export async function fillCapitalStep(page: Page): Promise<void> {
  await fill(page, {
    '/registeredCapital': sample.registeredCapital,
    '/businessScope': sample.businessScope,
    '/plannedEmployees': sample.plannedEmployees,
  });
  await page.getByRole('radio', { name: '固定期限' }).check();
  await field(page, '/operatingTerm/years').fill('30');
}

async function fillAddressStep(page: Page): Promise<void> {
  const { address } = sample;
  await fill(page, {
    '/address/province': address.province,
    '/address/city': address.city,
    '/address/district': address.district,
    '/address/detail': address.detail,
    '/address/postalCode': address.postalCode,
    '/premisesArea': sample.premisesArea,
  });
  await page.getByRole('radio', { name: '租赁' }).check();
}

export async function fillPeopleStep(page: Page): Promise<void> {
  const { legalRepresentative: legal, contactPerson: contact } = sample;
  await fill(page, {
    '/legalRepresentative/name': legal.name,
    '/legalRepresentative/idNumber': legal.idNumber,
    '/legalRepresentative/mobile': legal.mobile,
    '/legalRepresentative/email': legal.email,
    '/contactPerson/name': contact.name,
    '/contactPerson/mobile': contact.mobile,
    '/contactPerson/phone': contact.phone,
    '/contactPerson/email': contact.email,
  });
  await choose(page, '/legalRepresentative/position', '执行董事');
}

/**
 * Fills step 5 with a person and a company as shareholders; `companyIdNumber` replaces the
 * company's credit code, for a test that types a wrong one first.
 */
export async function fillShareholdersStep(
  page: Page,
  companyIdNumber = sample.shareholders[2]!.idNumber,
): Promise<void> {
  const [person, , company] = sample.shareholders;
  await page.getByRole('radio', { name: '自然人' }).first().check();
  await fill(page, {
    '/shareholders/0/name': person!.name,
    '/shareholders/0/idNumber': person!.idNumber,
    '/shareholders/0/capitalContribution': 400,
    '/shareholders/0/contributionDate': person!.contributionDate,
  });
  await choose(page, '/shareholders/0/contributionMethod', '货币');
  await page.getByRole('button', { name: '添加一项' }).click();
  await page.getByRole('radio', { name: '法人' }).nth(1).check();
  await fill(page, {
    '/shareholders/1/name': company!.name,
    '/shareholders/1/idNumber': companyIdNumber,
    '/shareholders/1/capitalContribution': 100,
    '/shareholders/1/contributionDate': company!.contributionDate,
  });
  await choose(page, '/shareholders/1/contributionMethod', '货币');
}

export async function fillMaterialsStep(page: Page): Promise<void> {
  await upload(page, '/articlesOfAssociation', '公司章程.pdf');
  await upload(page, '/shareholderQualification', '林晓峰身份证.jpg');
  await upload(page, '/shareholderQualification', '南岭创投营业执照.pdf');
  await upload(page, '/premisesProof', '房屋租赁合同.pdf');
  await upload(page, '/legalRepAppointment', '股东会决议.pdf');
}
