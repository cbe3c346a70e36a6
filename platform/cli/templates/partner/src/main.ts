/** Runs the subgraph: SIGNING_SECRET (from `hub partner add`; two, comma-separated, during a rotation) and PORT. */
import type { AddressInfo } from 'node:net';
import { buildPartnerSchema } from './schema.js';
import { createPartnerServer } from './server.js';

const secrets = (process.env.SIGNING_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
if (secrets.length === 0) {
  process.stderr.write('SIGNING_SECRET is required: the signing secret `hub partner add` printed.\n');
  process.exit(2);
}
const { schema } = await buildPartnerSchema();
const server = createPartnerServer(schema, secrets);
server.listen(Number(process.env.PORT ?? 4020), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
