/**
 * Counts per region, in one request: committees with and without events, and the region's
 * events. Which committees and provinces each event involves is the events subgraph's to say; the
 * regions are this subgraph's. So this resolver asks events once (signed, with the caller's
 * identity) for the event ids per committee and per province, and groups them by region here:
 * one query per collection and one peer request, however many committees or events. (Federation
 * alone cannot do it in one request: the gateway resolves fields of entities, it does not group
 * one subgraph's rows by another's attribute.)
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

/** What the events subgraph says about which committees and provinces each event involves. */
interface Involvement {
  eventStatistics: {
    eventsPerCommittee: Array<{ committee: { id: string }; eventIds: string[] }>;
    eventsPerProvince: Array<{ province: { code: string }; eventIds: string[] }>;
  };
}

@Resolver()
export class CommitteeStatisticsResolver {
  @Query(() => CommitteeStatistics, {
    nullable: true,
    description: 'Counts per region: committees with and without events, and events of each region. Null, with an error naming it, when the events subgraph cannot answer.',
  })
  async committeeStatistics(@Ctx() ctx: SubgraphContext): Promise<CommitteeStatistics> {
    const [committees, provinces, involvement] = await Promise.all([
      ctx.em.find(Committee, notArchived() as never),
      ctx.em.find(Province, {}),
      ctx.peers.query<Involvement>('events', '{ eventStatistics { eventsPerCommittee { committee { id } eventIds } eventsPerProvince { province { code } eventIds } } }', {}, ctx.identity),
    ]);
    const regionOf = new Map(provinces.map((province) => [province.code, province.region]));
    const eventsOfCommittee = new Map(involvement.eventStatistics.eventsPerCommittee.map((row) => [row.committee.id, row.eventIds]));
    const eventsOfProvince = new Map(involvement.eventStatistics.eventsPerProvince.map((row) => [row.province.code, row.eventIds]));
    const perRegion = Object.values(Region).map((region) => {
      const own = committees.filter((committee) => committee.provinceCode && regionOf.get(committee.provinceCode) === region);
      const active = own.filter((committee) => (eventsOfCommittee.get(committee._id)?.length ?? 0) > 0);
      const events = new Set([
        ...own.flatMap((committee) => eventsOfCommittee.get(committee._id) ?? []),
        ...provinces.filter((province) => province.region === region).flatMap((province) => eventsOfProvince.get(province.code) ?? []),
      ]);
      return Object.assign(new RegionCount(), { region, committees: own.length, withEvents: active.length, withoutEvents: own.length - active.length, events: events.size });
    });
    return Object.assign(new CommitteeStatistics(), { perRegion });
  }
}
