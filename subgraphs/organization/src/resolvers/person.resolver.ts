import { PositionRole } from '../enums.js';
import { byId, connectionType, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate, searchFilter, type Filter, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../entities/person.entity.js';
import { Position } from '../entities/position.entity.js';
import { PersonFilter } from '../inputs/person-filter.input.js';
import { positionsOf } from '../positions.js';
import { SourceDocumentRef } from '../references.js';

export const PersonConnection = connectionType(Person, 'Person', 'A page of people.');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id.' })
  person(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The person\'s id, e.g. "pham-van-linh".' }) id: string) {
    return byId(ctx, Person).load(id);
  }

  @Query(() => PersonConnection, { description: 'People, by given name (the last word of a Vietnamese name).' })
  people(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Conditions the people must meet.' }) filter?: PersonFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    const conditions: Filter[] = [listed(changes)];
    const search = searchFilter(filter?.search);
    if (search) conditions.push(search);
    return paginate(ctx, { entity: Person, where: { $and: conditions }, sortField: 'sortKey', first, after });
  }

  @FieldResolver(() => [Position], { description: 'Titles this person held; with `activeOn`, only those held that day.' })
  positions(@Root() person: Person, @Ctx() ctx: SubgraphContext, @Arg('activeOn', () => DateResolver, { nullable: true, description: 'Only titles held on this day (ISO date).' }) activeOn?: Date,
    @Arg('role', () => PositionRole, { nullable: true, description: 'Only titles of this kind (HEAD, STANDING_DEPUTY_HEAD, …).' }) role?: PositionRole,
  ) {
    return positionsOf(ctx, 'personId', person._id, activeOn, role);
  }

  @FieldResolver(() => [SourceDocumentRef], { nullable: true, description: 'The documents that name this person.' })
  sources(@Root() person: Person) {
    return person.sources.map(SourceDocumentRef.of);
  }
}
