import { CommitteeLevel, PositionRole } from '../enums.js';
import { badUserInput, byId, connectionType, DEFAULT_PAGE_SIZE, existing, manyBy, MAX_PAGE_SIZE, notArchived, paginate, searchFilter, type Filter, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateResolver } from 'graphql-scalars';
import { Agency } from '../entities/agency.entity.js';
import { Committee } from '../entities/committee.entity.js';
import { Position } from '../entities/position.entity.js';
import { positionsOf } from '../positions.js';
import { Province } from '../entities/province.entity.js';
import { CommitteeFilter } from '../inputs/committee-filter.input.js';
import { SourceDocumentRef } from '../references.js';

export const CommitteeConnection = connectionType(Committee, 'Committee', 'A page of committees.');

/** Refuses, naming them, filter conditions no committee can meet together (the central committee has no province). */
async function refuseImpossible(ctx: SubgraphContext, filter: CommitteeFilter | undefined): Promise<void> {
  if (filter?.level === CommitteeLevel.CENTRAL && (filter.region || filter.provinceCode)) {
    throw badUserInput('filter.level', `CENTRAL cannot be combined with ${filter.region ? 'region' : 'provinceCode'}: the central committee belongs to no province or region`);
  }
  if (filter?.region && filter.provinceCode) {
    const province = await byId(ctx, Province).load(filter.provinceCode);
    if (province && province.region !== filter.region) {
      throw badUserInput('filter.provinceCode', `"${filter.provinceCode}" is in region ${province.region}, not ${filter.region}: no committee can match`);
    }
  }
}

@Resolver(() => Committee)
export class CommitteeResolver {
  @Query(() => Committee, { nullable: true, description: 'One committee by id or by code (give one of them).' })
  async committee(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true, description: 'The committee\'s id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'The committee\'s code, e.g. "ban-chi-dao-ttdn-tw".' }) code?: string,
  ): Promise<Committee | null> {
    if ((id == null) === (code == null)) throw badUserInput('committee', 'give exactly one of `id` or `code`');
    return byId(ctx, Committee).load((id ?? code)!);
  }

  @Query(() => CommitteeConnection, { description: 'Committees, central first, then by name.' })
  async committees(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => CommitteeFilter, { nullable: true, description: 'Conditions the committees must meet.' }) filter?: CommitteeFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    await refuseImpossible(ctx, filter);
    const conditions: Filter[] = [listed(changes)];
    if (filter?.level) conditions.push({ level: filter.level });
    if (filter?.provinceCode) conditions.push({ provinceCode: filter.provinceCode });
    if (filter?.region) {
      const provinces = await ctx.em.find(Province, { region: filter.region }, { fields: ['code'] });
      conditions.push({ provinceCode: { $in: provinces.map((p) => p.code) } });
    }
    const search = searchFilter(filter?.search);
    if (search) conditions.push(search);
    if (filter?.hasNamedOfficials != null) {
      const held = await ctx.em.find(Position, { $and: [notArchived(), { committeeId: { $exists: true } }] } as never, { fields: ['committeeId'] });
      const ids = [...new Set(held.map((position) => position.committeeId!))];
      conditions.push({ _id: filter.hasNamedOfficials ? { $in: ids } : { $nin: ids } });
    }
    if (filter?.tookPartInEvents != null) {
      // Which committees events involve is the events subgraph's to say: one question, one answer.
      const stats = await ctx.peers.query<{ eventStatistics: { perOrganizer: Array<{ committee: { id: string } }>; participationsPerCommittee: Array<{ committee: { id: string } }> } }>(
        'events',
        '{ eventStatistics { perOrganizer { committee { id } } participationsPerCommittee { committee { id } } } }',
        {},
        ctx.identity,
      );
      const ids = [...new Set([...stats.eventStatistics.perOrganizer, ...stats.eventStatistics.participationsPerCommittee].map((row) => row.committee.id))];
      conditions.push({ _id: filter.tookPartInEvents ? { $in: ids } : { $nin: ids } });
    }
    return paginate(ctx, { entity: Committee, where: { $and: conditions }, sortField: 'sortKey', first, after });
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The committee this one reports to.' })
  parent(@Root() committee: Committee, @Ctx() ctx: SubgraphContext) {
    return committee.parentId ? byId(ctx, Committee).load(committee.parentId) : null;
  }

  @FieldResolver(() => [Committee], { description: 'Committees reporting to this one (for the central committee: the provincial ones).' })
  children(@Root() committee: Committee, @Ctx() ctx: SubgraphContext) {
    return manyBy(ctx, Committee, 'parentId', { where: notArchived(), sort: (a, b) => (a.sortKey < b.sortKey ? -1 : 1) }).load(committee._id);
  }

  @FieldResolver(() => Province, { nullable: true, description: 'The province of a provincial committee.' })
  province(@Root() committee: Committee, @Ctx() ctx: SubgraphContext) {
    return committee.provinceCode ? byId(ctx, Province).load(committee.provinceCode) : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that runs the committee day to day (cơ quan thường trực).' })
  standingAgency(@Root() committee: Committee, @Ctx() ctx: SubgraphContext) {
    return committee.standingAgencyId ? byId(ctx, Agency).load(committee.standingAgencyId) : null;
  }

  @FieldResolver(() => [Agency], { description: 'Its member agencies (cơ quan thành viên), where a source lists them.' })
  memberAgencies(@Root() committee: Committee, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, Agency, committee.memberAgencyIds);
  }

  @FieldResolver(() => [Position], { description: 'Titles held in this committee; with `activeOn`, only those held that day.' })
  positions(@Root() committee: Committee, @Ctx() ctx: SubgraphContext, @Arg('activeOn', () => DateResolver, { nullable: true, description: 'Only titles held on this day (ISO date).' }) activeOn?: Date,
    @Arg('role', () => PositionRole, { nullable: true, description: 'Only titles of this kind (HEAD, STANDING_DEPUTY_HEAD, …).' }) role?: PositionRole,
  ) {
    return positionsOf(ctx, 'committeeId', committee._id, activeOn, role);
  }

  @FieldResolver(() => [SourceDocumentRef], { nullable: true, description: 'The documents that state this record.' })
  sources(@Root() committee: Committee) {
    return committee.sources.map(SourceDocumentRef.of);
  }
}
