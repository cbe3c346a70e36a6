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
import { CommitteeRef, PersonRef } from '../references.js';

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

@ObjectType({ description: 'Counts over all events (archived ones left out).' })
class EventStatistics {
  @Field(() => Int, { description: 'How many events there are.' })
  total!: number;

  @Field(() => [YearCount], { description: 'Events per year, oldest first; events of unknown year are counted in `unknownYear` instead.' })
  perYear!: YearCount[];

  @Field(() => Int, { description: 'Events whose year neither the sources nor their bounds tell.' })
  unknownYear!: number;

  @Field(() => [KindCount], { description: 'Events per kind, most first.' })
  perKind!: KindCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee organized, most first.' })
  perOrganizer!: CommitteeCount[];

  @Field(() => [CommitteeCount], { description: 'Events each committee took part in (as a participant), most first.' })
  participationsPerCommittee!: CommitteeCount[];

  @Field(() => [PersonCount], { description: 'Events each named person took part in, most first.' })
  participationsPerPerson!: PersonCount[];
}

/** Counts of keys, most first, then by key. */
function ranked(keys: Array<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

@Resolver()
export class StatisticsResolver {
  @Query(() => EventStatistics, { description: 'Counts over all events: per year, kind and organizer; participations per committee and person.' })
  async eventStatistics(@Ctx() ctx: SubgraphContext): Promise<EventStatistics> {
    const events = await ctx.em.find(Event, notArchived() as never);
    const years = new Map<number, YearCount>();
    let unknownYear = 0;
    for (const event of events) {
      const boundsYear = event.earliestDay && event.latestDay && event.earliestDay.slice(0, 4) === event.latestDay.slice(0, 4) ? Number(event.earliestDay.slice(0, 4)) : undefined;
      const year = event.date.year ?? boundsYear;
      if (year === undefined) {
        unknownYear += 1;
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
      unknownYear,
      perKind: ranked(events.map((e) => e.kind)).map(([kind, count]) => Object.assign(new KindCount(), { kind, count })),
      perOrganizer: ranked(events.map((e) => e.organizerId)).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count })),
      participationsPerCommittee: ranked(events.flatMap((e) => [...new Set(e.participants.map((p) => p.committeeId))])).map(([id, count]) => Object.assign(new CommitteeCount(), { committee: CommitteeRef.of(id), count })),
      participationsPerPerson: ranked(events.flatMap((e) => [...new Set(e.participants.map((p) => p.personId))])).map(([id, count]) => Object.assign(new PersonCount(), { person: PersonRef.of(id), count })),
    });
  }
}
