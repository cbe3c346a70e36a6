/** Prints the SDL to check and publish: `npm run print-schema > schema.graphql`. */
import { buildPartnerSchema } from './schema.js';

process.stdout.write((await buildPartnerSchema()).sdl);
