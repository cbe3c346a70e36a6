/**
 * Counts per region, in one request: committees with and without events, and the region's
 * events. Which committees and provinces each event involves is the events subgraph's to say; the
 * regions are this subgraph's. So this resolver asks events once (signed, with the caller's
 * identity) for the count of events per committee, and for each region the count of events
 * involving its committees or provinces, which the events subgraph's store counts from its index
 * keys: one query per collection and one peer request, however many committees or events, and no
 * event ids passed between the subgraphs. (Federation alone cannot do it in one request: the
 * gateway resolves fields of entities, it does not group one subgraph's rows by another's attribute.)
 */
import { notArchived, type SubgraphContext } from '@hub/kit';
import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Committee } from '../entities/committee.entity.js';
import { Province } from '../entities/province.entity.js';
import { Region } from '../enums.js';

@ObjectType({ description: 'Counts for one region.' })
class RegionCount {
  @Field(() => Region, { description: 'The region.' })
  region!: Region;

  @Field(() => Int, { description: 'Provincial committees of the region.' })
  committees!: number;

  @Field(() => Int, { description: 'Of those, the ones that organized or took part in at least one event.' })
  withEvents!: number;

  @Field(() => Int, { description: 'Of those, the ones that did not.' })
  withoutEvents!: number;

  @Field(() => Int, { description: 'Events held in a province of the region or organized or attended by one of its committees (an event may count in several regions).' })
  events!: number;
}

@ObjectType({ description: 'Counts over the committees.' })
class CommitteeStatistics {
  @Field(() => [RegionCount], { description: 'Per region: committees with and without events, and events involving them.' })
  perRegion!: RegionCount[];
}

/** What the events subgraph says: events per committee involved, and per region (`r0`, `r1`, … in the order of `REGIONS`). */
interface Involvement {
  eventStatistics: { involvementsPerCommittee: Array<{ committee: { id: string }; count: number }> } & Record<string, unknown>;
}

const REGIONS = Object.values(Region);

/** One peer query: a count per region, each an alias of `eventsInvolving` with that region's committees and provinces. */
const INVOLVEMENT_QUERY = `query (${REGIONS.map((_, i) => `$c${i}: [ID!]!, $p${i}: [String!]!`).join(', ')}) { eventStatistics {
  involvementsPerCommittee { committee { id } count }
  ${REGIONS.map((_, i) => `r${i}: eventsInvolving(committeeIds: $c${i}, provinceCodes: $p${i})`).join('\n  ')}
} }`;

@Resolver()
export class CommitteeStatisticsResolver {
  @Query(() => CommitteeStatistics, {
    nullable: true,
    description: 'Counts per region: committees with and without events, and events of each region. Null, with an error naming it, when the events subgraph cannot answer.',
  })
  async committeeStatistics(@Ctx() ctx: SubgraphContext): Promise<CommitteeStatistics> {
    const [committees, provinces] = await Promise.all([ctx.em.find(Committee, notArchived() as never), ctx.em.find(Province, {})]);
    const regionOf = new Map(provinces.map((province) => [province.code, province.region]));
    const ownOf = (region: Region) => committees.filter((committee) => committee.provinceCode && regionOf.get(committee.provinceCode) === region);
    const variables = Object.fromEntries(
      REGIONS.flatMap((region, i) => [
        [`c${i}`, ownOf(region).map((committee) => committee._id)],
        [`p${i}`, provinces.filter((province) => province.region === region).map((province) => province.code)],
      ]),
    );
    const involvement = await ctx.peers.query<Involvement>('events', INVOLVEMENT_QUERY, variables, ctx.identity);
    const involved = new Set(involvement.eventStatistics.involvementsPerCommittee.filter((row) => row.count > 0).map((row) => row.committee.id));
    const perRegion = REGIONS.map((region, i) => {
      const own = ownOf(region);
      const active = own.filter((committee) => involved.has(committee._id));
      const events = involvement.eventStatistics[`r${i}`] as number;
      return Object.assign(new RegionCount(), { region, committees: own.length, withEvents: active.length, withoutEvents: own.length - active.length, events });
    });
    return Object.assign(new CommitteeStatistics(), { perRegion });
  }
}
