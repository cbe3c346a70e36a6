import { writeResolver, type InputCheck } from '@hub/kit';
import { Agency } from '../entities/agency.entity.js';
import { Province } from '../entities/province.entity.js';
import { AgencyInput, AgencyPatch } from '../inputs/agency.input.js';
import { takeNameForms } from '../name-forms.js';
import { SourceDocumentRef } from '../references.js';

function take(check: InputCheck, record: Agency, input: Partial<AgencyInput> | AgencyPatch, at: string): void {
  if (input.name !== undefined) record.name = check.text(`${at}.name`, input.name, true);
  if (input.nameEn !== undefined) record.nameEn = input.nameEn === null ? undefined : check.text(`${at}.nameEn`, input.nameEn, false);
  if (input.kind != null) record.kind = input.kind;
  if (input.parentId !== undefined) {
    if (input.parentId === record._id) check.add(`${at}.parentId`, 'an agency cannot be its own parent');
    check.exists(`${at}.parentId`, Agency, input.parentId);
    record.parentId = input.parentId ?? undefined;
  }
  if (input.provinceCode !== undefined) {
    check.exists(`${at}.provinceCode`, Province, input.provinceCode);
    record.provinceCode = input.provinceCode ?? undefined;
  }
  if (input.nameForms != null) record.nameForms = takeNameForms(check, `${at}.nameForms`, input.nameForms);
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocumentRef);
}

export const AgencyMutations = writeResolver({
  entity: Agency,
  name: 'Agency',
  noun: 'an agency',
  Input: AgencyInput,
  Patch: AgencyPatch,
  create: (check, input) => Object.assign(new Agency(), { _id: check.newKey(Agency, input.code, undefined, 'input.code'), code: input.code }),
  take,
});
