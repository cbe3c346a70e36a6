/**
 * The mechanics every subgraph's mutations share: validate the whole input first (every
 * problem named by its field, as BAD_USER_INPUT), then write. Nothing is written when any
 * check fails. Records are archived, never deleted, so references from elsewhere still resolve.
 */
import { OptimisticLockError, UniqueConstraintViolationException, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/mongodb';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from './context.js';
import type { HubRecord } from './types/record.js';
import { byId } from './loaders.js';
import { slugify } from './search.js';
import type { ReferenceClass } from './types/reference.js';
import { endsBeforeStart, partialDateProblem, toPartialDate, type PartialDate, type PartialDateParts } from './types/partial-date.js';

export interface Problem {
  field: string;
  message: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collects what is wrong with an input; `assertValid` throws them all as one BAD_USER_INPUT error. */
export class InputCheck {
  private readonly problems: Problem[] = [];
  private readonly pending: Array<Promise<void>> = [];
  /** The input field a new record's key comes from, named when the key turns out to be taken. */
  keyField?: string;

  constructor(private readonly ctx: SubgraphContext) {}

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  /** A trimmed, NFC-normalized text; empty is a problem when required. */
  text<R extends boolean>(field: string, value: string | null | undefined, required: R): R extends true ? string : string | undefined {
    if (value == null) {
      if (required) this.add(field, 'is required');
      return undefined as never;
    }
    const text = value.normalize('NFC').trim();
    if (text === '') this.add(field, 'must not be empty');
    return text as never;
  }

  slug(field: string, value: string | null | undefined): void {
    if (value != null && !SLUG.test(value)) this.add(field, `must be a lower-case ASCII slug like "ha-noi", got ${JSON.stringify(value)}`);
  }

  date(field: string, value: PartialDateParts | null | undefined): PartialDate | undefined {
    if (value == null) return undefined;
    const problem = partialDateProblem(value);
    if (problem) this.add(field, problem);
    return toPartialDate(value);
  }

  /** A period's end must not come before its start, as far as both dates tell. */
  period(field: string, start: PartialDateParts | null | undefined, end: PartialDateParts | null | undefined, startName = 'since'): void {
    if (endsBeforeStart(start, end)) this.add(field, `is ${describeDate(end!)}, before ${startName} (${describeDate(start!)})`);
  }

  /** A patch may clear (null) only what a record may lack. */
  notCleared(entity: EntityClass<unknown>, patch: object, at: string): void {
    const meta = this.ctx.em.getMetadata().find(entity);
    for (const [key, value] of Object.entries(patch)) {
      const property = meta?.properties[key as never] as { nullable?: boolean } | undefined;
      if (value === null && property && !property.nullable) this.add(`${at}.${key}`, 'is required and cannot be cleared (null); leave it out to keep it');
    }
  }

  integer(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value != null && (!Number.isInteger(value) || value < min || value > max)) this.add(field, `must be an integer from ${min} to ${max}`);
  }

  /** Every id must be a record of this subgraph. */
  exists<T extends { _id: string }>(field: string, entity: EntityClass<T>, ids: ReadonlyArray<string | null | undefined> | string | null | undefined): void {
    const wanted = (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => typeof id === 'string');
    this.pending.push(
      (async () => {
        const found = await byId(this.ctx, entity).loadMany(wanted);
        wanted.forEach((id, index) => {
          if (!(found[index] instanceof entity)) this.add(field, `no ${entity.name} "${id}" exists`);
        });
      })(),
    );
  }

  /** Every id must be a record of the subgraph that owns `reference`. */
  existsElsewhere(field: string, reference: ReferenceClass<'id'> | ReferenceClass<'code'>, ids: ReadonlyArray<string | null | undefined> | string | null | undefined): void {
    const wanted = (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => typeof id === 'string');
    const { typeName, owner, key } = reference.meta;
    this.pending.push(
      (async () => {
        for (const id of await this.ctx.peers.missing(owner, typeName, key, wanted, this.ctx.identity)) {
          this.add(field, `no ${typeName} "${id}" exists in the ${owner} subgraph`);
        }
      })(),
    );
  }

  /**
   * The natural key of a new record: the one given (checked to be a slug), or one made from
   * `text` (a name or title); either way it must not be taken.
   */
  newKey<T extends { _id: string }>(entity: EntityClass<T>, given: string | null | undefined, text: string | null | undefined, textField: string): string {
    const key = given ?? slugify(text ?? '');
    if (!key) {
      this.add(given != null ? 'input.code' : textField, 'gives no key: use letters or digits');
      return key;
    }
    if (given != null) this.slug('input.code', given);
    this.unused(given != null ? 'input.code' : textField, entity, key);
    return key;
  }

  /**
   * A record's sources (domain.md rule 3): at least one, each an existing source document, kept
   * here (`documents` is the entity) or in the knowledge subgraph (`documents` is a reference).
   */
  sources<T extends { _id: string }>(field: string, ids: readonly string[], documents: EntityClass<T> | ReferenceClass<'id'>): string[] {
    if (ids.length === 0) this.add(field, 'name at least one source document (domain.md rule 3)');
    if ('meta' in documents) this.existsElsewhere(field, documents, ids);
    else this.exists(field, documents, ids);
    return [...new Set(ids)];
  }

  /** The natural key must be free. */
  unused<T extends { _id: string }>(field: string, entity: EntityClass<T>, id: string): void {
    this.keyField ??= field;
    this.pending.push(
      (async () => {
        if (await byId(this.ctx, entity).load(id)) this.add(field, `"${id}" is already taken by another ${entity.name}`);
      })(),
    );
  }

  async assertValid(): Promise<void> {
    await Promise.all(this.pending);
    if (this.problems.length === 0) return;
    throw new GraphQLError(this.problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', field: this.problems[0]!.field, problems: this.problems },
    });
  }
}

/** 2019, 2019-06 or 2019-06-30: as much of a date as is known. */
function describeDate(date: PartialDateParts): string {
  return [date.year, date.month, date.day].filter((part) => part != null).map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** How often an update without a version is tried again when another writer got in between. */
const MAX_UPDATE_ATTEMPTS = 5;

function notFound(entity: EntityClass<unknown>, id: string, field = 'id'): GraphQLError {
  return new GraphQLError(`${field}: no ${entity.name} "${id}" exists`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Someone else changed the record since the caller read it; the caller decides what to do. */
export function conflict(entity: EntityClass<unknown>, id: string, currentVersion: number | undefined, expectedVersion: number): GraphQLError {
  return new GraphQLError(
    `version: ${entity.name} "${id}" is at version ${currentVersion ?? 'unknown'}, not ${expectedVersion}: someone else changed it since you read it. Read it again and reapply your change.`,
    { extensions: { code: 'CONFLICT', field: 'version', currentVersion, expectedVersion } },
  );
}

/** What a record would store, to tell whether a change changes anything. */
function stored(em: EntityManager, record: object): string {
  return JSON.stringify(em.getComparator().prepareEntity(record as never));
}

/**
 * Turns a unique-index clash (two writers creating the same key at once: the check before the
 * insert passed for both) into the same "already taken" a sequential create gets.
 */
function clashError(error: unknown, entity: EntityClass<unknown>, id: string, keyField: string): unknown {
  if (!(error instanceof UniqueConstraintViolationException)) return error;
  const index = /index: (\S+)/.exec(error.message)?.[1] ?? '_id_';
  // The id and the sort keys derived from it clash together; any other unique field is named.
  const field = index === '_id_' || /^(sort|desc)Key/.test(index) ? keyField : `input.${index.replace(/_-?1$/, '')}`;
  const value = field === keyField ? `"${id}"` : 'this value';
  return new GraphQLError(`${field}: ${value} is already taken by another ${entity.name}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Stores a new record with its derived fields, marked as edited so the seed keeps it. */
export async function createRecord<T extends HubRecord>(ctx: SubgraphContext, record: T, check: InputCheck): Promise<T> {
  record.refresh();
  record.editedAt = new Date();
  record.version = 1;
  ctx.em.persist(record);
  try {
    await ctx.em.flush();
  } catch (error) {
    throw clashError(error, record.constructor as EntityClass<T>, record._id, check.keyField ?? 'input');
  }
  return record;
}

/**
 * Changes one record: read it, apply `change` (which validates through `check`), write only the
 * fields that changed, conditional on the version read. When another writer got in between,
 * a caller who passed `expectedVersion` gets CONFLICT; otherwise the change is applied again
 * to the fresh record, so neither writer's edit is lost and derived fields (search tokens)
 * always match the stored record. A change that changes nothing writes nothing and leaves
 * `editedAt` alone, so the seed may still refresh the record.
 */
export async function updateRecord<T extends HubRecord>(
  ctx: SubgraphContext,
  entity: EntityClass<T>,
  id: string,
  expectedVersion: number | undefined,
  change: (record: T, check: InputCheck) => void,
  /**
   * `marksEdited: false` for data that arrives beside the curated record (an article's text):
   * the seed may still refresh the curated fields, and keeps that data (`importedFields`).
   */
  options: { marksEdited?: boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    // A fresh EntityManager per attempt: a retry must see what the other writer stored.
    const em = ctx.em.fork();
    const record = await em.findOne(entity, { _id: id } as never);
    if (!record) throw notFound(entity, id);
    if (expectedVersion !== undefined && record.version !== expectedVersion) throw conflict(entity, id, record.version, expectedVersion);
    const before = stored(em, record);
    const check = new InputCheck(ctx);
    change(record, check);
    await check.assertValid();
    record.refresh();
    if (stored(em, record) === before) return record;
    if (options.marksEdited !== false) record.editedAt = new Date();
    try {
      await em.flush();
      return record;
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error;
      if (expectedVersion !== undefined) {
        const current = await ctx.em.fork().findOne(entity, { _id: id } as never);
        throw conflict(entity, id, current?.version, expectedVersion);
      }
      if (attempt === MAX_UPDATE_ATTEMPTS) {
        throw new GraphQLError(`${entity.name} "${id}" is being changed by others right now; try again.`, { extensions: { code: 'CONFLICT' } });
      }
    }
  }
}

/** Copies the fields a patch gives (null clears an optional field) onto a record. */
export function applyPatch<T extends object>(record: T, patch: Partial<Record<keyof T, unknown>>): T {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    (record as Record<string, unknown>)[key] = value === null ? undefined : value;
  }
  return record;
}

/** Archives a record (once: archiving it again changes nothing). */
export function archiveRecord<T extends HubRecord>(ctx: SubgraphContext, entity: EntityClass<T>, id: string): Promise<T> {
  return updateRecord(ctx, entity, id, undefined, (record) => {
    record.archivedAt ??= new Date();
  });
}
