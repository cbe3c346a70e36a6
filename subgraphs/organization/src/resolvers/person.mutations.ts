import { writeResolver, type InputCheck } from '@hub/kit';
import { Person } from '../entities/person.entity.js';
import { PersonInput, PersonPatch } from '../inputs/person.input.js';
import { SourceDocumentRef } from '../references.js';

function take(check: InputCheck, record: Person, input: Partial<PersonInput> | PersonPatch, at: string): void {
  if (input.fullName !== undefined) record.fullName = check.text(`${at}.fullName`, input.fullName, true);
  if (input.sources != null) record.sources = check.sources(`${at}.sources`, input.sources, SourceDocumentRef);
}

export const PersonMutations = writeResolver({
  entity: Person,
  name: 'Person',
  noun: 'a person',
  Input: PersonInput,
  Patch: PersonPatch,
  create: (check, input) => Object.assign(new Person(), { _id: check.newKey(Person, input.code, input.fullName, 'input.fullName') }),
  take,
});
