import { PositionRole } from '../enums.js';
import { badUserInput, byId, connectionType, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate, searchFilter, type Filter, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Agency } from '../entities/agency.entity.js';
import { Position } from '../entities/position.entity.js';
import { Province } from '../entities/province.entity.js';
import { AgencyFilter } from '../inputs/agency-filter.input.js';
import { positionsOf } from '../positions.js';
import { SourceDocumentRef } from '../references.js';

export const AgencyConnection = connectionType(Agency, 'Agency', 'A page of agencies.');

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'One agency by id or by code (give one of them).' })
  agency(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true, description: 'The agency\'s id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'The agency\'s code, e.g. "ban-tuyen-giao-tw".' }) code?: string,
  ) {
    if ((id == null) === (code == null)) throw badUserInput('agency', 'give exactly one of `id` or `code`');
    return byId(ctx, Agency).load((id ?? code)!);
  }

  @Query(() => AgencyConnection, { description: 'Agencies, by name.' })
  agencies(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => AgencyFilter, { nullable: true, description: 'Conditions the agencies must meet.' }) filter?: AgencyFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    const conditions: Filter[] = [listed(changes)];
    if (filter?.kind) conditions.push({ kind: filter.kind });
    if (filter?.provinceCode) conditions.push({ provinceCode: filter.provinceCode });
    const search = searchFilter(filter?.search);
    if (search) conditions.push(search);
    return paginate(ctx, { entity: Agency, where: { $and: conditions }, sortField: 'sortKey', first, after });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The body this one belongs to.' })
  parent(@Root() agency: Agency, @Ctx() ctx: SubgraphContext) {
    return agency.parentId ? byId(ctx, Agency).load(agency.parentId) : null;
  }

  @FieldResolver(() => Province, { nullable: true, description: 'The province of a provincial body.' })
  province(@Root() agency: Agency, @Ctx() ctx: SubgraphContext) {
    return agency.provinceCode ? byId(ctx, Province).load(agency.provinceCode) : null;
  }

  @FieldResolver(() => [Position], { description: 'Titles held in this agency; with `activeOn`, only those held that day.' })
  positions(@Root() agency: Agency, @Ctx() ctx: SubgraphContext, @Arg('activeOn', () => DateResolver, { nullable: true, description: 'Only titles held on this day (ISO date).' }) activeOn?: Date,
    @Arg('role', () => PositionRole, { nullable: true, description: 'Only titles of this kind (HEAD, STANDING_DEPUTY_HEAD, …).' }) role?: PositionRole,
  ) {
    return positionsOf(ctx, 'agencyId', agency._id, activeOn, role);
  }

  @FieldResolver(() => [SourceDocumentRef], { nullable: true, description: 'The documents that state this record.' })
  sources(@Root() agency: Agency) {
    return agency.sources.map(SourceDocumentRef.of);
  }
}
