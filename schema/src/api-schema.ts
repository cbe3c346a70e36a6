import { printSchema, Supergraph } from '@apollo/federation-internals';

/**
 * The schema clients see through the gateway, as SDL: the supergraph without federation's
 * machinery. SDL rather than a schema object, so callers build it with their own graphql.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema());
}
