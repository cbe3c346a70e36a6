/**
 * Counting, in one request, what analysts counted by hand: events per year (dated by the
 * sources, or placed in a year by the bounds the sources support, or of unknown year), per kind,
 * per organizer; participations per committee and per person. Computed from one query of the
 * events, however many are counted.
 */
import { notArchived, type Reference, type SubgraphContext } from '@hub/kit';
import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
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

  @Field(() => Int, { description: 'Events with no stated year whose bounds leave more than one year possible (the Huế review of 2018: held after 2018, no later bound).' })
  uncertainYear!: number;

  @Field(() => Int, { description: 'Events about whose year nothing at all is known: no stated year and no bounds.' })
  unknownYear!: number;

  @Field(() => [KindCount], { description: 'Events per kind, most first.' })
  perKind!: KindCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee organized, most first.' })
  perOrganizer!: CommitteeCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee took part in (as a participant), most first.' })
  participationsPerCommittee!: CommitteeCount[];

  @Field(() => [PersonCount], { description: 'Events each named person took part in, most first.' })
  participationsPerPerson!: PersonCount[];

  @Field(() => [CommitteeEvents], { description: 'For each committee, the events it organized or took part in (what per-region counts are made from).' })
  eventsPerCommittee!: CommitteeEvents[];

  @Field(() => [ProvinceEvents], { description: 'For each province, the events held there or organized or attended by its committee.' })
  eventsPerProvince!: ProvinceEvents[];
}

/** Counts of keys, most first, then by key. */
function ranked(keys: Array<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The ids of the events under each key an event lists (its committees, its provinces). */
function groupEvents(events: Event[], keysOf: (event: Event) => string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const event of events) {
    for (const key of keysOf(event)) {
      const group = groups.get(key);
      if (group) group.push(event._id);
      else groups.set(key, [event._id]);
    }
  }
  return groups;
}

@Resolver()
export class StatisticsResolver {
  @Query(() => EventStatistics, { description: 'Counts over all events: per year, kind and organizer; participations per committee and person.' })
  async eventStatistics(@Ctx() ctx: SubgraphContext): Promise<EventStatistics> {
    const events = await ctx.em.find(Event, notArchived() as never);
    const years = new Map<number, YearCount>();
    let [uncertainYear, unknownYear] = [0, 0];
    for (const event of events) {
      const boundsYear = event.earliestDay && event.latestDay && event.earliestDay.slice(0, 4) === event.latestDay.slice(0, 4) ? Number(event.earliestDay.slice(0, 4)) : undefined;
      const year = event.date.year ?? boundsYear;
      if (year === undefined) {
        // Some bound known (after 2018) but more than one year possible, or nothing known at all.
        if (event.earliestDay || event.latestDay) uncertainYear += 1;
        else unknownYear += 1;
        continue;
      }
      const entry = years.get(year) ?? Object.assign(new YearCount(), { year, count: 0, dated: 0, fromBounds: 0 });
      entry.count += 1;
      if (event.date.year != null) entry.dated += 1;
      else entry.fromBounds += 1;
      years.set(year, entry);
    }
    return Object.assign(new EventStatistics(), {
      total: events.length,
      perYear: [...years.values()].sort((a, b) => a.year - b.year),
      uncertainYear,
      unknownYear,
      perKind: ranked(events.map((e) => e.kind)).map(([kind, count]) => Object.assign(new KindCount(), { kind, count })),
      perOrganizer: ranked(events.map((e) => e.organizerId)).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count })),
      participationsPerCommittee: ranked(events.flatMap((e) => [...new Set(e.participants.map((p) => p.committeeId))])).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count })),
      eventsPerCommittee: [...groupEvents(events, (e) => e.committeeIds)].map(([id, eventIds]) => Object.assign(new CommitteeEvents(), { committee: CommitteeRef.of(id), eventIds })),
      eventsPerProvince: [...groupEvents(events, (e) => e.provinceCodes)].map(([code, eventIds]) => Object.assign(new ProvinceEvents(), { province: ProvinceRef.of(code), eventIds })),
      participationsPerPerson: ranked(events.flatMap((e) => [...new Set(e.participants.map((p) => p.personId))])).map(([id, count]) => Object.assign(new PersonCount(), { person: PersonRef.of(id), count })),
    });
  }
}
