import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import { afterEach, expect, it } from 'vitest';
import { guardMongoDriverWrites } from './mongodb-driver.js';

// The driver's own classes, as the guard sees them (the race sits below the public API).
const require = createRequire(import.meta.url);
const { Connection } = require('mongodb/lib/cmap/connection.js');
const { MongoDBNamespace, HostAddress } = require('mongodb/lib/utils.js');
const { MongoNetworkError } = require('mongodb');

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((close) => close()));

/** A driver connection to a server that never answers, and the server's end of it. */
async function connection() {
  const server = createServer();
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const [serverSide] = await accepted;
  cleanup.push(() => { socket.destroy(); serverSide.destroy(); server.close(); });
  return { socket, serverSide, driver: new Connection(socket, { id: 1, generation: 0, hostAddress: HostAddress.fromString(`127.0.0.1:${port}`) }) };
}

const ping = (driver: { command: (...args: unknown[]) => Promise<unknown> }) =>
  driver.command(MongoDBNamespace.fromString('admin.$cmd'), { ping: 1 }, {}).then(() => 'answered', (error: unknown) => error);
const hung = () => new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2_000));

it('fails a command written between the server closing the connection and the socket closing, instead of waiting for ever', async () => {
  guardMongoDriverWrites();
  const { socket, serverSide, driver } = await connection();
  // Node ends this side after the server's FIN ('finish'); 'close' comes a turn later. A
  // command sent in between used to wait for a 'drain' that never came.
  const outcome = new Promise((resolve) => socket.once('finish', () => resolve(ping(driver))));
  serverSide.end();
  const result = await Promise.race([outcome, hung()]);
  expect(result).toBeInstanceOf(MongoNetworkError);
  expect(driver.closed).toBe(true);
});

it('fails a command waiting to write when the socket closes under it', async () => {
  guardMongoDriverWrites();
  const { socket, serverSide, driver } = await connection();
  // The server reads nothing, so a large command fills the buffers and waits for 'drain'.
  serverSide.pause();
  const big = 'x'.repeat(8 * 1024 * 1024);
  const outcome = driver.command(MongoDBNamespace.fromString('db.$cmd'), { insert: 'c', documents: [{ big }] }, {}).then(() => 'answered', (error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(socket.writableNeedDrain).toBe(true);
  socket.destroy(); // closes without an 'error' event, as the end after a FIN does
  const result = await Promise.race([outcome, hung()]);
  expect(result).toBeInstanceOf(MongoNetworkError);
});

it('leaves a healthy connection writing as before', async () => {
  guardMongoDriverWrites();
  guardMongoDriverWrites(); // idempotent: one wrapper, not two
  const { serverSide, driver } = await connection();
  const received = once(serverSide, 'data');
  void ping(driver);
  const [bytes] = (await received) as [Buffer];
  expect(bytes.length).toBeGreaterThan(16); // a whole wire-protocol message arrived
  expect(bytes.readInt32LE(0)).toBe(bytes.length);
});
