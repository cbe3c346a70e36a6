import { writeResolver, type InputCheck } from '@hub/kit';
import { Agency } from '../entities/agency.entity.js';
import { Committee } from '../entities/committee.entity.js';
import { Province } from '../entities/province.entity.js';
import { CommitteeLevel } from '../enums.js';
import { CommitteeInput, CommitteePatch } from '../inputs/committee.input.js';
import { takeNameForms } from '../name-forms.js';
import { SourceDocumentRef } from '../references.js';

/** Validates the fields an input gives and copies them onto the record. */
function take(check: InputCheck, record: Committee, input: Partial<CommitteeInput> | CommitteePatch, at: string): void {
  if (input.name !== undefined) record.name = check.text(`${at}.name`, input.name, true);
  if (input.nameEn !== undefined) record.nameEn = input.nameEn === null ? undefined : check.text(`${at}.nameEn`, input.nameEn, false);
  if (input.provinceCode !== undefined) {
    check.exists(`${at}.provinceCode`, Province, input.provinceCode);
    record.provinceCode = input.provinceCode ?? undefined;
  }
  if (input.parentId !== undefined) {
    if (input.parentId === record._id) check.add(`${at}.parentId`, 'a committee cannot be its own parent');
    check.exists(`${at}.parentId`, Committee, input.parentId);
    record.parentId = input.parentId ?? undefined;
  }
  if (input.standingAgencyId !== undefined) {
    check.exists(`${at}.standingAgencyId`, Agency, input.standingAgencyId);
    record.standingAgencyId = input.standingAgencyId ?? undefined;
  }
  if (input.memberAgencyIds != null) {
    check.exists(`${at}.memberAgencyIds`, Agency, input.memberAgencyIds);
    record.memberAgencyIds = [...new Set(input.memberAgencyIds)];
  }
  if (input.nameForms != null) record.nameForms = takeNameForms(check, `${at}.nameForms`, input.nameForms);
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocumentRef);
  if (record.level === CommitteeLevel.PROVINCIAL && !record.provinceCode) check.add(`${at}.provinceCode`, 'a provincial committee needs its province');
  if (record.level === CommitteeLevel.CENTRAL && record.provinceCode) check.add(`${at}.provinceCode`, 'the central committee has no province');
}

export const CommitteeMutations = writeResolver({
  entity: Committee,
  name: 'Committee',
  noun: 'a committee',
  Input: CommitteeInput,
  Patch: CommitteePatch,
  create: (check, input) => Object.assign(new Committee(), { _id: check.newKey(Committee, input.code, undefined, 'input.code'), code: input.code, level: input.level }),
  take,
});
