/**
 * What every list (every connection field) takes for incremental pulls: `changedSince` keeps
 * only the records created, changed or archived after an instant (their `changedAt`), and
 * `includeArchived` keeps the archived ones too, so a scheduled pull fetches only what changed
 * and learns what was removed. Lists keep their own stable order (a unique sort key), so a
 * pull pages through them like any other list.
 */
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import type { Filter } from './loaders.js';

@ArgsType()
export class ListChanges {
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Only records created, changed or archived after this instant (their `changedAt`), e.g. the time of your last pull; with `includeArchived: true` you also learn what was archived.',
  })
  changedSince?: Date;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also list archived records (their `archivedAt` is set); they are left out by default.' })
  includeArchived?: boolean;
}

/** The condition a list's records must meet for these arguments (by default: not archived). */
export function listed(changes?: ListChanges): Filter {
  const conditions: Filter[] = [];
  if (!changes?.includeArchived) conditions.push({ archivedAt: null });
  if (changes?.changedSince) conditions.push({ changedAt: { $gt: changes.changedSince } });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}
