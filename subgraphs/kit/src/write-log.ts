/**
 * Every subgraph records the identity behind each write it applies — who (the subject and
 * scopes the gateway signed), when, which record and version — in a `write_log` collection of
 * its own database, and names the records in its answer (`extensions.hubWrites`) so the
 * gateway's audit entry for the request lists them. A write that did not come through the
 * gateway has a write-log entry and no audit entry: `hub audit writes` shows it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { SubgraphContext, WriteNote } from './context.js';

export const WRITE_LOG = 'write_log';

export interface WriteLogEntry extends WriteNote {
  readonly at: Date;
  readonly subject: string | null;
  readonly scopes: readonly string[];
}

/** Records a write the request applied (after it was stored). */
export async function noteWrite(ctx: SubgraphContext, type: string, id: string, version: number, action: WriteNote['action']): Promise<void> {
  const note: WriteNote = { type, id, version, action };
  ctx.writes.push(note);
  const entry: WriteLogEntry = { ...note, at: new Date(), subject: ctx.identity.subject, scopes: [...ctx.identity.scopes] };
  try {
    await ctx.em.getConnection().getDb().collection<WriteLogEntry>(WRITE_LOG).insertOne(entry);
  } catch (error) {
    // The record is written; losing its write-log line must be loud, not undo the write.
    ctx.log.error('a write was applied but could not be recorded in the write log', { type, id, version, error: (error as Error).message });
  }
}

/** Puts the request's writes into its answer's extensions, where the gateway reads them. */
export function writesPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue?.writes?.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, hubWrites: contextValue.writes };
        },
      };
    },
  };
}

/** The index `hub audit writes` reads the write log by (a no-op once made). */
export async function ensureWriteLog(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().getDb().collection<WriteLogEntry>(WRITE_LOG).createIndex({ at: 1 });
}

/** The write log since a moment, newest first (at most `limit`). */
export async function readWriteLog(orm: MikroORM, since: Date, limit: number): Promise<WriteLogEntry[]> {
  return orm.em.getConnection().getDb().collection<WriteLogEntry>(WRITE_LOG).find({ at: { $gte: since } }, { projection: { _id: 0 } }).sort({ at: -1 }).limit(limit).toArray();
}
