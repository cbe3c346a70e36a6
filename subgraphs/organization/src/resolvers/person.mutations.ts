import { writeResolver, type InputCheck } from '@hub/kit';
import { Person } from '../entities/person.entity.js';
import { PersonInput, PersonPatch } from '../inputs/person.input.js';
import { SourceDocumentRef } from '../references.js';

function take(check: InputCheck, record: Person, input: Partial<PersonInput> | PersonPatch, at: string): void {
  if (input.fullName !== undefined) record.fullName = check.text(`${at}.fullName`, input.fullName, true);
  if (input.sources != null) {
    if (input.sources.length === 0) check.add(`${at}.sources`, 'name at least one source document (domain.md rule 3)');
    check.existsElsewhere(`${at}.sources`, SourceDocumentRef, input.sources);
    record.sources = [...new Set(input.sources)];
  }
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
