/**
 * Counting, in one request, what analysts counted by hand: events per year (dated by the
 * sources, or placed in a year by the bounds the sources support, or of uncertain or unknown
 * year), per kind, per organizer; participations per committee and per person. Each count is
 * its own field, computed by the store (one aggregation, grouping in the database) and only when
 * asked for, however many events there are.
 */
import { aggregateRows, badUserInput, type Reference, type SubgraphContext } from '@hub/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Event } from '../entities/event.entity.js';
import { EventKind } from '../enums.js';
import { CommitteeRef, PersonRef, ProvinceRef } from '../references.js';

@ObjectType({ description: 'Events of one year.' })
class YearCount {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Events of that year, all told.' })
  count!: number;

  @Field(() => Int, { description: 'Of those, events whose date the sources give with its year.' })
  dated!: number;

  @Field(() => Int, { description: 'Of those, events with no stated year that the bounds their sources support place in that year.' })
  fromBounds!: number;
}

@ObjectType({ description: 'Events of one kind.' })
class KindCount {
  @Field(() => EventKind, { description: 'The kind.' })
  kind!: EventKind;

  @Field(() => Int, { description: 'How many events are of it.' })
  count!: number;
}

@ObjectType({ description: 'A count for one committee.' })
class CommitteeCount {
  @Field(() => CommitteeRef, { nullable: true, description: 'The committee (from the organization subgraph).' })
  committee!: Reference;

  @Field(() => Int, { description: 'How many events.' })
  count!: number;
}

@ObjectType({ description: 'A count for one person.' })
class PersonCount {
  @Field(() => PersonRef, { nullable: true, description: 'The person (from the organization subgraph).' })
  person!: Reference;

  @Field(() => Int, { description: 'How many events.' })
  count!: number;
}

@ObjectType({ description: 'The events one committee organized or took part in.' })
class CommitteeEvents {
  @Field(() => CommitteeRef, { nullable: true, description: 'The committee (from the organization subgraph).' })
  committee!: Reference;

  @Field(() => [String], { description: 'The ids of the events it organized or took part in.' })
  eventIds!: string[];
}

@ObjectType({ description: 'The events of one province: held there, or organized or attended by its committee.' })
class ProvinceEvents {
  @Field(() => ProvinceRef, { nullable: true, description: 'The province (from the organization subgraph).' })
  province!: Reference;

  @Field(() => [String], { description: 'The ids of its events.' })
  eventIds!: string[];
}

@ObjectType({ description: 'Counts over all events (archived ones left out).' })
class EventStatistics {
  @Field(() => Int, { description: 'How many events there are.' })
  total!: number;

  @Field(() => [YearCount], { description: 'Events per year, oldest first; events whose year is uncertain or unknown are counted in `uncertainYear` or `unknownYear` instead.' })
  perYear!: YearCount[];

  @Field(() => Int, { description: 'Events with no stated year whose bounds leave more than one year possible (held in one of several years, as far as their sources tell).' })
  uncertainYear!: number;

  @Field(() => Int, { description: 'Events about whose year nothing at all is known: no stated year and no bounds.' })
  unknownYear!: number;

  @Field(() => [KindCount], { description: 'Events per kind, most first.' })
  perKind!: KindCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee organized, most first.' })
  perOrganizer!: CommitteeCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee took part in (as a participant), most first.' })
  participationsPerCommittee!: CommitteeCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee organized or took part in, most first; an event counts once per committee.' })
  involvementsPerCommittee!: CommitteeCount[];

  @Field(() => Int, { description: 'How many events involve any of the committees given (organized or attended by it) or any of the provinces given (held there, or organized or attended by its committee); each event counts once.' })
  eventsInvolving!: number;

  @Field(() => [PersonCount], { description: 'Events each named person took part in, most first.' })
  participationsPerPerson!: PersonCount[];

  @Field(() => [CommitteeEvents], { description: 'For each committee, the events it organized or took part in (what per-region counts are made from).' })
  eventsPerCommittee!: CommitteeEvents[];

  @Field(() => [ProvinceEvents], { description: 'For each province, the events held there or organized or attended by its committee.' })
  eventsPerProvince!: ProvinceEvents[];
}

/** A group's key and how many events are in it, from the store. */
interface Group<K> {
  _id: K;
  count: number;
}

/** The most ids `eventsInvolving` takes in each list: a region's committees and provinces are far fewer. */
const MAX_INVOLVING_IDS = 1000;

/** Events that are not archived (the store's own field names: aggregation bypasses the ORM). */
const LISTED = { $match: { archivedAt: null } };

/**
 * Counts of events per value of `key` (a field path), grouped by the store after `before`; most
 * first, then by key. (The embedded store's $project takes no field paths, so keys are grouped on directly.)
 */
async function countBy(ctx: SubgraphContext, key: string, before: object[] = []): Promise<Array<[string, number]>> {
  const groups = await aggregateRows<Group<string | null>>(ctx.em, Event, [LISTED, ...before, { $group: { _id: key, count: { $sum: 1 } } }]);
  return groups
    .filter((group): group is Group<string> => group._id != null)
    .map((group): [string, number] => [group._id, group.count])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * The ids of the events under each value of an array field (their committees, their provinces):
 * the store gives the distinct (value, event) pairs, listed here per value (it has no $push).
 */
async function eventIdsBy(ctx: SubgraphContext, field: 'committeeIds' | 'provinceCodes'): Promise<Array<[string, string[]]>> {
  const pairs = await aggregateRows<{ _id: { key?: string | null; event: string } }>(ctx.em, Event, [
    LISTED,
    { $unwind: `$${field}` },
    { $group: { _id: { key: `$${field}`, event: '$_id' } } },
  ]);
  const groups = new Map<string, string[]>();
  for (const { _id: { key, event } } of pairs) {
    if (key == null) continue;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return [...groups].map(([key, eventIds]): [string, string[]] => [key, eventIds.sort()]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Distinct (event, value) pairs of one of an event's derived id lists (the participants'
 * committees or people, or every committee involved, each listed once), so that each event counts once per value. Grouped on
 * a top-level field, the embedded store answers it from its index keys, without reading an event.
 */
const perParticipant = (field: 'participantCommitteeIds' | 'personIds' | 'committeeIds') => [{ $unwind: `$${field}` }, { $group: { _id: { event: '$_id', key: `$${field}` } } }];

/** The per-year counts and the events left out of them. */
interface YearCounts {
  perYear: YearCount[];
  uncertainYear: number;
  unknownYear: number;
}

/** Per request: the year counts of each `eventStatistics` answer, asked of the store once. */
const yearsOf = new WeakMap<EventStatistics, Promise<YearCounts>>();

/** Events grouped by the store by what is known of their year (`yearGroup`: the stated year, or the one year their bounds allow, or neither). */
async function countYears(ctx: SubgraphContext): Promise<YearCounts> {
  const years = new Map<number, YearCount>();
  let [uncertainYear, unknownYear] = [0, 0];
  for (const [group, count] of await countBy(ctx, '$yearGroup')) {
    const [how, year] = group.split(' ') as [string, string | undefined];
    if (how === 'uncertain') uncertainYear += count;
    else if (how === 'unknown') unknownYear += count;
    else {
      const entry = years.get(Number(year)) ?? Object.assign(new YearCount(), { year: Number(year), count: 0, dated: 0, fromBounds: 0 });
      entry.count += count;
      if (how === 'dated') entry.dated += count;
      else entry.fromBounds += count;
      years.set(entry.year, entry);
    }
  }
  return { perYear: [...years.values()].sort((a, b) => a.year - b.year), uncertainYear, unknownYear };
}

@Resolver(() => EventStatistics)
export class StatisticsResolver {
  @Query(() => EventStatistics, { description: 'Counts over all events: per year, kind and organizer; participations per committee and person.' })
  eventStatistics(): EventStatistics {
    // Every count is a field of its own, computed only when asked for.
    return new EventStatistics();
  }

  @FieldResolver(() => Int)
  async total(@Ctx() ctx: SubgraphContext): Promise<number> {
    return ctx.em.count(Event, { archivedAt: null } as never);
  }

  /** The per-year counts, computed once for the three fields that show them. */
  private years(stats: EventStatistics, ctx: SubgraphContext): Promise<YearCounts> {
    const known = yearsOf.get(stats);
    if (known) return known;
    const counting = countYears(ctx);
    yearsOf.set(stats, counting);
    return counting;
  }

  @FieldResolver(() => [YearCount])
  async perYear(@Root() stats: EventStatistics, @Ctx() ctx: SubgraphContext): Promise<YearCount[]> {
    return (await this.years(stats, ctx)).perYear;
  }

  @FieldResolver(() => Int)
  async uncertainYear(@Root() stats: EventStatistics, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await this.years(stats, ctx)).uncertainYear;
  }

  @FieldResolver(() => Int)
  async unknownYear(@Root() stats: EventStatistics, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await this.years(stats, ctx)).unknownYear;
  }

  @FieldResolver(() => [KindCount])
  async perKind(@Ctx() ctx: SubgraphContext): Promise<KindCount[]> {
    return (await countBy(ctx, '$kind')).map(([kind, count]) => Object.assign(new KindCount(), { kind, count }));
  }

  @FieldResolver(() => [CommitteeCount])
  async perOrganizer(@Ctx() ctx: SubgraphContext): Promise<CommitteeCount[]> {
    return (await countBy(ctx, '$organizerId')).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count }));
  }

  @FieldResolver(() => [CommitteeCount])
  async participationsPerCommittee(@Ctx() ctx: SubgraphContext): Promise<CommitteeCount[]> {
    return (await countBy(ctx, '$_id.key', perParticipant('participantCommitteeIds'))).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count }));
  }

  @FieldResolver(() => [PersonCount])
  async participationsPerPerson(@Ctx() ctx: SubgraphContext): Promise<PersonCount[]> {
    return (await countBy(ctx, '$_id.key', perParticipant('personIds'))).map(([id, count]) => Object.assign(new PersonCount(), { person: PersonRef.of(id), count }));
  }

  @FieldResolver(() => [CommitteeCount])
  async involvementsPerCommittee(@Ctx() ctx: SubgraphContext): Promise<CommitteeCount[]> {
    return (await countBy(ctx, '$_id.key', perParticipant('committeeIds'))).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count }));
  }

  /** One count in the store (from its index keys), however many events: what per-region counts ask for each region. */
  @FieldResolver(() => Int)
  async eventsInvolving(
    @Ctx() ctx: SubgraphContext,
    @Arg('committeeIds', () => [ID], { defaultValue: [], description: `Committee ids (at most ${MAX_INVOLVING_IDS}).` }) committeeIds: string[],
    @Arg('provinceCodes', () => [String], { defaultValue: [], description: `Province codes (at most ${MAX_INVOLVING_IDS}).` }) provinceCodes: string[],
  ): Promise<number> {
    if (committeeIds.length > MAX_INVOLVING_IDS) throw badUserInput('committeeIds', `takes at most ${MAX_INVOLVING_IDS} ids, got ${committeeIds.length}`);
    if (provinceCodes.length > MAX_INVOLVING_IDS) throw badUserInput('provinceCodes', `takes at most ${MAX_INVOLVING_IDS} codes, got ${provinceCodes.length}`);
    if (committeeIds.length + provinceCodes.length === 0) return 0;
    return ctx.em.count(Event, { archivedAt: null, $or: [{ committeeIds: { $in: committeeIds } }, { provinceCodes: { $in: provinceCodes } }] } as never);
  }

  @FieldResolver(() => [CommitteeEvents])
  async eventsPerCommittee(@Ctx() ctx: SubgraphContext): Promise<CommitteeEvents[]> {
    return (await eventIdsBy(ctx, 'committeeIds')).map(([id, eventIds]) => Object.assign(new CommitteeEvents(), { committee: CommitteeRef.of(id), eventIds }));
  }

  @FieldResolver(() => [ProvinceEvents])
  async eventsPerProvince(@Ctx() ctx: SubgraphContext): Promise<ProvinceEvents[]> {
    return (await eventIdsBy(ctx, 'provinceCodes')).map(([code, eventIds]) => Object.assign(new ProvinceEvents(), { province: ProvinceRef.of(code), eventIds }));
  }
}
