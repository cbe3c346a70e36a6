/**
 * The `events` fields this subgraph adds to entities owned elsewhere (Committee.events, …).
 * Each parent's events come from one batched query per plan step, whatever the number of
 * parents (a single parent's page is asked as a page: `pagedBy`).
 */
import { DEFAULT_PAGE_SIZE, manyBy, MAX_PAGE_SIZE, notArchived, pagedBy, type ReferenceClass, type SubgraphContext, ListChanges } from '@hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ParticipantRole } from '../enums.js';
import { Event } from '../entities/event.entity.js';
import { resolvedEventConditions } from '../event-filter.js';
import { EventFilter } from '../inputs/event-filter.input.js';
import { EventConnection } from './event.resolver.js';
import { PersonRef } from '../references.js';

type IdField = 'committeeIds' | 'agencyIds' | 'personIds' | 'conclusionIds' | 'strategyIds' | 'sources';

/** A paged, filterable `events` field for organization's entities. */
export function pagedEventsResolver(Ref: ReferenceClass<'id'>, field: IdField, description: string) {
  @Resolver(() => Ref)
  class PagedEventsResolver {
    @FieldResolver(() => EventConnection, { nullable: true, description })
    async events(
      @Root() parent: { id: string },
      @Ctx() ctx: SubgraphContext,
      @Arg('filter', () => EventFilter, { nullable: true, description: 'Conditions the events must meet.' }) filter?: EventFilter,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
      @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
      @Args(() => ListChanges) changes?: ListChanges,
    ) {
      const where = await resolvedEventConditions(ctx, filter, changes);
      return pagedBy(ctx, Event, field, { where, sortField: 'descKey', descending: true, first, after }).load(parent.id);
    }
  }
  return PagedEventsResolver;
}

/** A plain list `events` field for knowledge's entities, newest first. */
export function listedEventsResolver(Ref: ReferenceClass<'id'>, field: IdField, description: string) {
  @Resolver(() => Ref)
  class ListedEventsResolver {
    @FieldResolver(() => [Event], { nullable: true, description })
    events(@Root() parent: { id: string }, @Ctx() ctx: SubgraphContext) {
      return manyBy(ctx, Event, field, { where: notArchived(), sort: (a, b) => (a.descKey < b.descKey ? 1 : -1) }).load(parent.id);
    }
  }
  return ListedEventsResolver;
}

/** Stubs resolve to themselves: this subgraph knows only their id and adds `events`. */
export function stubReference(Ref: ReferenceClass<'id'>) {
  return { __resolveReference: (reference: { id: string }) => Ref.of(reference.id) };
}

/** One person's or body's part in one event: the event and everything they did there. */
@ObjectType({ description: 'A part someone or some body took in an event: which event, in what roles, under what title.' })
export class Participation {
  @Field(() => Event, { description: 'The event.' })
  event!: Event;

  @Field(() => [ParticipantRole], { description: 'Everything they did there (chaired, reported, spoke, gave the concluding remarks, attended).' })
  roles!: ParticipantRole[];

  @Field(() => String, { nullable: true, description: 'Their title as the source writes it at that event.' })
  title?: string;

  @Field(() => PersonRef, { nullable: true, description: "Who took part: for a committee's or an agency's participations, the person who took part for it (null when the body itself did, e.g. its delegates); for a person's, that person." })
  person?: { id: string };
}

/** `participations` for a person, a committee or an agency: every event they took part in, with their roles, newest first. */
export function participationsResolver(Ref: ReferenceClass<'id'>, field: 'committeeIds' | 'agencyIds' | 'personIds', description: string) {
  const key = ({ committeeIds: 'committeeId', agencyIds: 'agencyId', personIds: 'personId' } as const)[field];
  @Resolver(() => Ref)
  class ParticipationsResolver {
    @FieldResolver(() => [Participation], { nullable: true, description })
    async participations(@Root() parent: { id: string }, @Ctx() ctx: SubgraphContext): Promise<Participation[]> {
      const rows = await manyBy(ctx, Event, field, { where: notArchived(), sort: (a, b) => (a.descKey < b.descKey ? 1 : -1) }).load(parent.id);
      return rows.flatMap((event) => {
        // A committee that only organized is not a participant; its events are in `events`.
        const own = event.participants.filter((participant) => participant[key] === parent.id);
        // A body takes part itself (its delegates) or through named people, each with their own
        // roles and title: a person who chaired for an agency does not make the agency a chair.
        const byWho = new Map<string | undefined, typeof own>();
        for (const participant of own) {
          const who = key === 'personId' ? parent.id : participant.personId;
          byWho.set(who, [...(byWho.get(who) ?? []), participant]);
        }
        return [...byWho].map(([personId, entries]) =>
          Object.assign(new Participation(), {
            event,
            roles: [...new Set(entries.flatMap((participant) => participant.roles))],
            title: entries.find((participant) => participant.title)?.title,
            person: personId ? PersonRef.of(personId) : undefined,
          }),
        );
      });
    }
  }
  Object.defineProperty(ParticipationsResolver, 'name', { value: `${Ref.meta.typeName}ParticipationsResolver` });
  return ParticipationsResolver;
}
