/**
 * A guard around one race in the MongoDB Node driver (7.6 to at least 7.9.1) that left a
 * request hanging for ever after the store died.
 *
 * When the server closes a connection, Node reads the FIN ('end'), ends the socket's own side
 * on the next tick, and emits 'close' only on a later turn of the event loop. The driver marks
 * the connection closed on 'close', so a command checked out in between is written to an ended
 * socket: `socket.write` returns false and the driver waits for 'drain', which never comes. Its
 * 'close' handler fails only a command that is already reading its reply, not one still waiting
 * to write, so that command (and the GraphQL request behind it) waited until the gateway gave up
 * after 10 s, instead of failing fast as "database unavailable" and being retried. Seen as 1 in
 * about 15 kills of the embedded store under load (`test/faults.e2e.ts`).
 *
 * The guard makes a write fail with the driver's own network error when the socket has ended or
 * closes before the write completes; the driver then does what it does for any network error
 * (marks the server unknown, clears the pool, retries a read once).
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

interface DriverConnection {
  id: number | string;
  address: string;
  socket: Socket;
  onError(error: Error): void;
  writeCommand(...args: unknown[]): Promise<unknown>;
}

const GUARDED = Symbol.for('hub.mongodb.writeGuard');

/** Installs the guard in this process's driver (the one `mongodb` resolves to); idempotent. */
export function guardMongoDriverWrites(): void {
  // The driver's own module instance, not a copy: `mongodb` is CommonJS, and `import` of it
  // shares require's cache.
  const require = createRequire(import.meta.url);
  const { Connection } = require('mongodb/lib/cmap/connection.js') as { Connection?: { prototype: DriverConnection } };
  const { MongoNetworkError } = require('mongodb') as { MongoNetworkError: new (message: string) => Error };
  const prototype = Connection?.prototype as (DriverConnection & { [GUARDED]?: true }) | undefined;
  if (!prototype || typeof prototype.writeCommand !== 'function') {
    // A driver upgrade moved what this guards: fail loudly rather than run unguarded.
    throw new Error('the MongoDB driver no longer has Connection.prototype.writeCommand: check platform/core/src/mongodb-driver.ts against the new driver');
  }
  if (prototype[GUARDED]) return;
  const write = prototype.writeCommand;
  prototype.writeCommand = function guardedWriteCommand(this: DriverConnection, ...args: unknown[]) {
    const socket = this.socket;
    const closed = () => {
      const error = new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
      this.onError(error);
      return error;
    };
    if (socket.destroyed || socket.writableEnded) return Promise.reject(closed());
    return new Promise((resolve, reject) => {
      const onClose = () => reject(closed());
      socket.once('close', onClose);
      write.apply(this, args).then(resolve, reject).finally(() => socket.off('close', onClose));
    });
  };
  prototype[GUARDED] = true;
}
