import { archiveRecord, InputCheck, loadForWrite, saveRecord, slugify, type SubgraphContext } from '@hub/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
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

@Resolver(() => Person)
export class PersonMutations {
  @Authorized('hub:write')
  @Mutation(() => Person, { description: 'Adds a person. Needs hub:write.' })
  async createPerson(@Ctx() ctx: SubgraphContext, @Arg('input', () => PersonInput, { description: 'The new person.' }) input: PersonInput) {
    const check = new InputCheck(ctx);
    const code = input.code ?? slugify(input.fullName);
    check.slug(input.code ? 'input.code' : 'input.fullName', code || '(empty)');
    if (code) check.unused('input.code', Person, code);
    const record = Object.assign(new Person(), { _id: code });
    take(check, record, input, 'input');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Person, { description: 'Changes a person. Needs hub:write.' })
  async updatePerson(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the person to change.' }) id: string, @Arg('patch', () => PersonPatch, { description: 'The changes: only the fields given change.' }) patch: PersonPatch) {
    const record = await loadForWrite(ctx, Person, id);
    const check = new InputCheck(ctx);
    take(check, record, patch, 'patch');
    await check.assertValid();
    return saveRecord(ctx, record);
  }

  @Authorized('hub:write')
  @Mutation(() => Person, { description: 'Archives a person: they leave lists but still resolve where referenced. Needs hub:write.' })
  archivePerson(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The id of the person to archive.' }) id: string) {
    return archiveRecord(ctx, Person, id);
  }
}
