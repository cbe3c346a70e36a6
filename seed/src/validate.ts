/**
 * Checks the whole seed before anything is written: every problem names the file, the record
 * and the field, and one problem anywhere means nothing is written at all.
 */
import { nameFormProblems, partialDateProblem, type PartialDateParts } from '@hub/kit';
import { Position } from '@hub/organization';
import { FACT_FILES, type Facts } from './facts/index.js';

type Kind = keyof Facts;

interface Rules {
  /** The field holding the natural key. */
  key: string;
  /** Non-empty strings. */
  text?: string[];
  enums?: Record<string, readonly string[]>;
  dates?: string[];
  /** field → kind it points at; a field may hold one key or an array of keys. */
  refs?: Record<string, Kind>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const RULES: Record<Kind, Rules> = {
  topics: { key: 'code', text: ['name'] },
  documents: { key: 'id', text: ['title', 'file', 'summary'], dates: ['publishedOn'], refs: { topics: 'topics' } },
  provinces: { key: 'code', text: ['name'], enums: { region: ['NORTH', 'CENTRAL', 'SOUTH'] }, dates: ['validFrom', 'validUntil'] },
  agencies: {
    key: 'id',
    text: ['name'],
    enums: { kind: ['PARTY_BODY', 'PARTY_COMMITTEE', 'MINISTRY', 'DEPARTMENT', 'PRESS', 'FOREIGN_MISSION', 'OTHER'] },
    refs: { parentId: 'agencies', provinceCode: 'provinces', sources: 'documents' },
  },
  committees: {
    key: 'id',
    text: ['name'],
    enums: { level: ['CENTRAL', 'PROVINCIAL'] },
    refs: { provinceCode: 'provinces', parentId: 'committees', standingAgencyId: 'agencies', memberAgencyIds: 'agencies', sources: 'documents' },
  },
  people: { key: 'id', text: ['fullName'], refs: { sources: 'documents' } },
  positions: {
    key: '',
    text: ['title'],
    enums: { role: ['HEAD', 'STANDING_DEPUTY_HEAD', 'DEPUTY_HEAD', 'MEMBER', 'SECRETARY', 'STANDING_DEPUTY_SECRETARY', 'DEPUTY_SECRETARY', 'OTHER'] },
    dates: ['since', 'until'],
    refs: { personId: 'people', committeeId: 'committees', agencyId: 'agencies', sources: 'documents' },
  },
  strategies: { key: 'id', text: ['code', 'title'], refs: { predecessorId: 'strategies', topics: 'topics', sources: 'documents' } },
  conclusions: { key: 'id', text: ['number', 'title'], dates: ['issuedOn'], refs: { strategyId: 'strategies', topics: 'topics', sources: 'documents' } },
  events: {
    key: 'id',
    text: ['title'],
    enums: { kind: ['BRIEFING', 'CONFERENCE', 'NATIONAL_CONFERENCE', 'REVIEW_MEETING', 'OTHER'] },
    dates: ['date'],
    refs: { provinceCode: 'provinces', organizerId: 'committees', conclusionIds: 'conclusions', strategyIds: 'strategies', sources: 'documents' },
  },
};

const PARTICIPANT_ROLES = ['CHAIR', 'SPEAKER', 'REPORTER', 'CONCLUDING_REMARKS', 'ATTENDEE'];

export class SeedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the seed has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

/** A stable natural key for a position (it has no id of its own). */
export function positionKey(position: Facts['positions'][number]): string {
  return Position.idFor(position.personId, String(position.committeeId ?? position.agencyId), position.title);
}

function recordName(kind: Kind, record: Record<string, unknown>, index: number): string {
  if (kind === 'positions') return `position #${index + 1} (${String(record.personId)}: ${String(record.title)})`;
  return `${kind} "${String(record[RULES[kind].key] ?? `#${index + 1}`)}"`;
}

export function validateFacts(facts: Facts): void {
  const problems: string[] = [];
  const keys = new Map<Kind, Set<string>>();
  for (const kind of Object.keys(RULES) as Kind[]) {
    const { key } = RULES[kind];
    keys.set(kind, new Set((facts[kind] as unknown as Array<Record<string, unknown>>).map((record) => String(key ? record[key] : ''))));
  }

  for (const kind of Object.keys(RULES) as Kind[]) {
    const rules = RULES[kind];
    const seen = new Set<string>();
    (facts[kind] as unknown as Array<Record<string, unknown>>).forEach((record, index) => {
      const where = `${FACT_FILES[kind]}: ${recordName(kind, record, index)}`;
      const problem = (field: string, message: string) => problems.push(`${where}, field ${field}: ${message}`);
      const key = rules.key ? record[rules.key] : kind === 'positions' ? positionKey(record as never) : undefined;
      if (rules.key) {
        if (typeof key !== 'string' || !SLUG.test(key)) problem(rules.key, `must be a lower-case ASCII slug like "ha-noi", got ${JSON.stringify(key)}`);
      }
      if (typeof key === 'string') {
        if (seen.has(key)) problem(rules.key || 'personId/title', `duplicate key ${JSON.stringify(key)}`);
        seen.add(key);
      }
      for (const field of rules.text ?? []) {
        const value = record[field];
        if (typeof value !== 'string' || value.trim() === '') problem(field, 'is required and must not be empty');
        else if (value !== value.normalize('NFC')) problem(field, 'must be Unicode NFC');
      }
      for (const [field, values] of Object.entries(rules.enums ?? {})) {
        if (!values.includes(record[field] as string)) problem(field, `must be one of ${values.join(', ')}, got ${JSON.stringify(record[field])}`);
      }
      for (const field of rules.dates ?? []) {
        const value = record[field] as PartialDateParts | undefined;
        if (value === undefined) continue;
        const why = partialDateProblem(value);
        if (why) problem(field, why);
      }
      const checkRefs = (field: string, target: Kind, value: unknown) => {
        for (const ref of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
          if (!keys.get(target)!.has(String(ref))) problem(field, `refers to ${target} "${String(ref)}", which the seed does not have`);
        }
      };
      for (const [field, target] of Object.entries(rules.refs ?? {})) checkRefs(field, target, record[field]);
      if (kind === 'positions' && (record.committeeId === undefined) === (record.agencyId === undefined)) {
        problem('committeeId/agencyId', 'a position is held in exactly one committee or one agency');
      }
      if (kind === 'events') {
        ((record.participants as Array<Record<string, unknown>>) ?? []).forEach((participant, n) => {
          const field = `participants[${n}]`;
          const roles = participant.roles as unknown[] | undefined;
          if (!Array.isArray(roles) || roles.length === 0) problem(`${field}.roles`, 'must name at least one role');
          for (const role of roles ?? []) if (!PARTICIPANT_ROLES.includes(role as string)) problem(`${field}.roles`, `must each be one of ${PARTICIPANT_ROLES.join(', ')}, got ${JSON.stringify(role)}`);
          checkRefs(`${field}.personId`, 'people', participant.personId);
          checkRefs(`${field}.committeeId`, 'committees', participant.committeeId);
          checkRefs(`${field}.agencyId`, 'agencies', participant.agencyId);
          if (!participant.personId && !participant.title && !participant.committeeId && !participant.agencyId) problem(field, 'names nobody: give a person, a title, a committee or an agency');
        });
        const review = record.reviewPeriod as { from?: PartialDateParts; to?: PartialDateParts } | undefined;
        for (const end of ['from', 'to'] as const) {
          const why = review?.[end] && partialDateProblem(review[end]);
          if (why) problem(`reviewPeriod.${end}`, why);
        }
      }
      ((record.nameForms as Array<Record<string, unknown>> | undefined) ?? []).forEach((nameForm, n) => {
        const field = `nameForms[${n}]`;
        checkRefs(`${field}.source`, 'documents', nameForm.source);
        for (const [part, message] of nameFormProblems(nameForm)) problem(`${field}.${part}`, message);
      });
      if (Array.isArray(record.sources) && record.sources.length === 0 && kind !== 'committees') {
        problem('sources', 'every record says which documents state it (domain.md rule 3)');
      }
    });
  }
  if (problems.length > 0) throw new SeedError(problems);
}
