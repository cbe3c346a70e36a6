/** The whole hand-written seed, each array with the file it lives in (for error messages). */
import { agencies } from './agencies.js';
import { committees } from './committees.js';
import { conclusions } from './conclusions.js';
import { documents } from './documents.js';
import { events } from './events.js';
import { people } from './people.js';
import { positions } from './positions.js';
import { provinces } from './provinces.js';
import { strategies } from './strategies.js';
import { topics } from './topics.js';

export interface Facts {
  topics: typeof topics;
  documents: typeof documents;
  provinces: typeof provinces;
  agencies: typeof agencies;
  committees: typeof committees;
  people: typeof people;
  positions: typeof positions;
  strategies: typeof strategies;
  conclusions: typeof conclusions;
  events: typeof events;
}

export const facts: Facts = { topics, documents, provinces, agencies, committees, people, positions, strategies, conclusions, events };

/** Where each kind of fact is written, relative to the repository. */
export const FACT_FILES: Record<keyof Facts, string> = {
  topics: 'seed/src/facts/topics.ts',
  documents: 'seed/src/facts/documents.ts',
  provinces: 'seed/src/facts/provinces.ts',
  agencies: 'seed/src/facts/agencies.ts',
  committees: 'seed/src/facts/committees.ts',
  people: 'seed/src/facts/people.ts',
  positions: 'seed/src/facts/positions.ts',
  strategies: 'seed/src/facts/strategies.ts',
  conclusions: 'seed/src/facts/conclusions.ts',
  events: 'seed/src/facts/events.ts',
};
