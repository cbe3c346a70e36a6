/**
 * From facts to the records each subgraph stores. Ids are the facts' natural keys, so the same
 * seed always writes the same records; derived fields (search tokens, sort keys) are computed
 * by the entities themselves when written.
 */
import { Agency, Committee, organization, Person, Position, Province } from '@hub/organization';
import { Event, events as eventsSubgraph } from '@hub/events';
import { Conclusion, knowledge, SourceDocument, Strategy, Topic } from '@hub/knowledge';
import type { SubgraphDefinition } from '@hub/kit';
import type { Facts } from './facts/index.js';

export interface SeedCollection {
  entity: new () => { _id: string; refresh?: () => unknown };
  records: (facts: Facts) => Array<{ _id: string } & Record<string, unknown>>;
}

export interface SeedPlan {
  subgraph: SubgraphDefinition;
  collections: SeedCollection[];
}

export const SEED_PLAN: SeedPlan[] = [
  {
    subgraph: organization,
    collections: [
      { entity: Province, records: (f) => f.provinces.map((p) => ({ _id: p.code, ...p })) },
      { entity: Agency, records: (f) => f.agencies.map(({ id, ...a }) => ({ _id: id, code: id, ...a })) },
      { entity: Committee, records: (f) => f.committees.map(({ id, ...c }) => ({ _id: id, code: id, ...c })) },
      { entity: Person, records: (f) => f.people.map(({ id, ...p }) => ({ _id: id, ...p })) },
      {
        entity: Position,
        records: (f) => f.positions.map((p) => ({ _id: Position.idFor(p.personId, (p.committeeId ?? p.agencyId)!, p.title), attestedOn: [], attestedBetween: [], ...p })),
      },
    ],
  },
  {
    subgraph: eventsSubgraph,
    collections: [
      {
        entity: Event,
        records: (f) =>
          f.events.map(({ id, participants, namedBridgePoints = [], ...e }) => {
            // The seed knows each committee's province: an event "of" a province includes those its committees held or attended.
            const committeeIds = [e.organizerId, ...participants.map((p) => p.committeeId)];
            const relatedProvinceCodes = [...new Set(committeeIds.map((cid) => f.committees.find((c) => c.id === cid)?.provinceCode).filter((code): code is string => Boolean(code)))];
            const toParticipant = ({ roles, ...p }: (typeof participants)[number]) => ({ role: roles[0]!, roles, ...p });
            return { _id: id, ...e, participants: participants.map(toParticipant), namedBridgePoints: namedBridgePoints.map(toParticipant), relatedProvinceCodes };
          }),
      },
    ],
  },
  {
    subgraph: knowledge,
    collections: [
      { entity: Topic, records: (f) => f.topics.map(({ code, ...t }) => ({ _id: code, ...t })) },
      { entity: SourceDocument, records: (f) => f.documents.map(({ id, file, ...d }) => ({ _id: id, origin: file, ...d })) },
      { entity: Strategy, records: (f) => f.strategies.map(({ id, ...s }) => ({ _id: id, ...s })) },
      { entity: Conclusion, records: (f) => f.conclusions.map(({ id, ...c }) => ({ _id: id, ...c })) },
    ],
  },
];
