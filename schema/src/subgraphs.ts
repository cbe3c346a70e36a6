/** The hub's own subgraphs, in composition order. Partner subgraphs join through the registry. */
export interface HubSubgraph {
  readonly name: string;
  /** The workspace package that implements it. */
  readonly packageName: string;
  readonly defaultPort: number;
}

export const HUB_SUBGRAPHS: readonly HubSubgraph[] = [
  { name: 'organization', packageName: '@hub/organization', defaultPort: 4001 },
  { name: 'events', packageName: '@hub/events', defaultPort: 4002 },
  { name: 'knowledge', packageName: '@hub/knowledge', defaultPort: 4003 },
];

export const defaultSubgraphUrl = (subgraph: HubSubgraph) => `http://localhost:${subgraph.defaultPort}/graphql`;
