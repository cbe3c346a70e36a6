/**
 * Runs the media partner: MEDIA_SIGNING_SECRET (the secret `hub partner add` printed; two
 * separated by a comma while moving to a rotated one), MEDIA_PORT (default 4010), MEDIA_DATA (a
 * JSON file of outlets and coverage). MEDIA_DELAY_MS and MEDIA_PAD_BYTES make it slow or
 * verbose on purpose, to see the hub's isolation at work.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { MediaData } from './schema.js';
import { createMediaServer } from './server.js';

const secrets = (process.env.MEDIA_SIGNING_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
if (secrets.length === 0) {
  process.stderr.write('MEDIA_SIGNING_SECRET is required: the signing secret `hub partner add` printed for this partner.\n');
  process.exit(2);
}
const data: MediaData = process.env.MEDIA_DATA ? (JSON.parse(readFileSync(process.env.MEDIA_DATA, 'utf8')) as MediaData) : { outlets: [], coverage: [] };
const server = createMediaServer({
  secrets,
  data,
  delayMs: Number(process.env.MEDIA_DELAY_MS ?? 0),
  padBytes: Number(process.env.MEDIA_PAD_BYTES ?? 0),
});
server.listen(Number(process.env.MEDIA_PORT ?? 4010), process.env.MEDIA_HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  // One line on stdout that a supervisor (or a test) can wait for.
  process.stdout.write(`listening on http://127.0.0.1:${port}/graphql\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
