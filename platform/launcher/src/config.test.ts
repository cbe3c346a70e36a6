import { ConfigError } from '@hub/core';
import { describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config.js';

describe('npm start configuration', () => {
  it('defaults to the embedded store and the documented ports', () => {
    const config = loadLauncherConfig({});
    expect(config.mongoUri).toBeUndefined();
    expect(config.storePort).toBe(27017);
    expect(config.gatewayPort).toBe(4000);
    expect(config.subgraphs.map((s) => [s.name, s.port, s.dbName])).toEqual([
      ['organization', 4001, 'hub_organization'],
      ['events', 4002, 'hub_events'],
      ['knowledge', 4003, 'hub_knowledge'],
    ]);
    expect(config.seed).toBe(true);
  });

  it('keeps the embedded store on SQLite unless HUB_STORE_BACKEND asks for PostgreSQL', () => {
    expect(loadLauncherConfig({}).storeBackend).toBe('sqlite');
    expect(loadLauncherConfig({ HUB_STORE_BACKEND: 'postgresql' }).storeBackend).toBe('postgresql');
    expect(() => loadLauncherConfig({ HUB_STORE_BACKEND: 'postgres' })).toThrow(/HUB_STORE_BACKEND must be one of sqlite, postgresql/);
  });

  it('takes one server for all, or one per subgraph', () => {
    const config = loadLauncherConfig({ MONGODB_URI: 'mongodb://db:27017', EVENTS_MONGODB_URI: 'mongodb://events-db:27017', EVENTS_DB: 'ev' });
    expect(config.mongoUri).toBe('mongodb://db:27017');
    expect(config.subgraphs.find((s) => s.name === 'events')).toMatchObject({ mongoUri: 'mongodb://events-db:27017', dbName: 'ev' });
  });

  it('names each bad variable', () => {
    expect(() => loadLauncherConfig({ MONGODB_URI: 'localhost:27017', KNOWLEDGE_PORT: '-1', HUB_SEED: 'sometimes' })).toThrow(ConfigError);
    try {
      loadLauncherConfig({ MONGODB_URI: 'localhost:27017', KNOWLEDGE_PORT: '-1', HUB_SEED: 'sometimes' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('MONGODB_URI must be a MongoDB connection string');
      expect(message).toContain('KNOWLEDGE_PORT must be an integer from 0 to 65535');
      expect(message).toContain('HUB_SEED must be true or false');
    }
  });
});
