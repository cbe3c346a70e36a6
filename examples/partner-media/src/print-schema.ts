/** Prints the SDL to check and publish: `npm run print-schema > schema.graphql`. */
import { print } from 'graphql';
import { typeDefs } from './schema.js';

process.stdout.write(`${print(typeDefs)}\n`);
