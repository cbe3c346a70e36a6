/**
 * The media partner's part of the graph: press outlets, and the coverage each of the hub's
 * events received. It adds one field to the hub's Event (by its key, `id`), nullable as the hub
 * requires, so that an outage of this subgraph only blanks `coverage`.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export interface Outlet {
  id: string;
  name: string;
  country: string;
}

export interface Coverage {
  eventId: string;
  outletId: string;
  headline: string;
  url?: string;
  publishedOn?: string;
}

export interface MediaData {
  outlets: Outlet[];
  coverage: Coverage[];
}

export const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

  "A press outlet that reports on the hub's events."
  type Outlet @key(fields: "id") {
    id: ID!
    "The outlet's name as it writes it."
    name: String!
    "ISO 3166 country code of the outlet."
    country: String!
    "What it wrote about the hub's events."
    coverage: [Coverage!]!
  }

  "One article about an event."
  type Coverage {
    "The hub's event it reports on (resolved by the hub)."
    event: Event!
    outlet: Outlet!
    headline: String!
    url: String
    "ISO date of publication, when known."
    publishedOn: String
  }

  "An event of the hub (owned by its events subgraph), as this partner sees it."
  type Event @key(fields: "id") {
    id: ID!
    "Articles about the event (from the media partner); null when that partner is unavailable."
    coverage: [Coverage!]
  }

  type Query {
    "Every outlet the partner follows."
    outlets: [Outlet!]!
  }
`);

export function mediaSchema(data: MediaData) {
  const outletById = new Map(data.outlets.map((outlet) => [outlet.id, outlet]));
  const toCoverage = (item: Coverage) => ({ ...item, outlet: outletById.get(item.outletId), event: { id: item.eventId } });
  return buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: { outlets: () => data.outlets },
        Outlet: {
          __resolveReference: (ref: { id: string }) => outletById.get(ref.id) ?? null,
          coverage: (outlet: Outlet) => data.coverage.filter((item) => item.outletId === outlet.id).map(toCoverage),
        },
        Event: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          coverage: (event: { id: string }) => data.coverage.filter((item) => item.eventId === event.id).map(toCoverage),
        },
      } as never,
    },
  ]);
}
