import { createLogger, listen, runMain, startTracing, type Logger } from '@hub/core';
import { loadSubgraphConfig, type SubgraphConfig } from './config.js';
import { openDatabase } from './orm.js';
import { buildFederatedSchema } from './schema.js';
import { createSubgraphServer, type StartedSubgraph } from './server.js';
import type { SubgraphDefinition } from './subgraph.js';

/** Prints the subgraph's SDL exactly as it is checked in and composed. */
export async function printSubgraphSdl(definition: SubgraphDefinition): Promise<string> {
  return (await buildFederatedSchema(definition)).sdl;
}

/** Opens the database, builds the schema and listens; `stop` undoes all three in order. */
export async function startSubgraph(definition: SubgraphDefinition, config: SubgraphConfig, log: Logger): Promise<StartedSubgraph> {
  const schema = await buildFederatedSchema(definition);
  const database = await openDatabase({ uri: config.mongoUri, dbName: config.dbName, entities: definition.entities, log: log.child('db') });
  try {
    const server = await createSubgraphServer({ name: definition.name, schema, database, config, log });
    const http = await listen(server.handler, { port: config.port, host: config.host, portVariable: `${definition.name.toUpperCase()}_PORT` });
    return {
      http,
      database,
      async stop() {
        await http.close();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The body of a subgraph's main.ts: configuration from the environment, logs, signals. */
export function runSubgraph(definition: SubgraphDefinition): void {
  runMain(`the ${definition.name} subgraph`, async () => {
    const config = loadSubgraphConfig(definition.name, definition.defaultPort);
    const log = createLogger(definition.name);
    const stopTracing = startTracing(definition.name, log);
    const started = await startSubgraph(definition, config, log);
    log.info(`listening on ${started.http.url}/graphql`, { db: config.dbName });
    return async () => {
      log.info('stopping');
      await started.stop();
      await stopTracing();
    };
  });
}
