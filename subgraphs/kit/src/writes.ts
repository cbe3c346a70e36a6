/**
 * The mechanics every subgraph's mutations share: validate the whole input first (every
 * problem named by its field, as BAD_USER_INPUT), then write. Nothing is written when any
 * check fails. Records are archived, never deleted, so references from elsewhere still resolve.
 */
import type { EntityClass } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from './context.js';
import type { HubRecord } from './types/record.js';
import { byId } from './loaders.js';
import { slugify } from './search.js';
import type { ReferenceClass } from './types/reference.js';
import { partialDateProblem, toPartialDate, type PartialDate, type PartialDateParts } from './types/partial-date.js';

export interface Problem {
  field: string;
  message: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collects what is wrong with an input; `assertValid` throws them all as one BAD_USER_INPUT error. */
export class InputCheck {
  private readonly problems: Problem[] = [];
  private readonly pending: Array<Promise<void>> = [];

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

/** Loads a record for an update or an archive; an unknown id is the caller's mistake. */
export async function loadForWrite<T extends HubRecord>(ctx: SubgraphContext, entity: EntityClass<T>, id: string, field = 'id'): Promise<T> {
  const record = await ctx.em.findOne(entity, { _id: id } as never);
  if (!record) throw new GraphQLError(`${field}: no ${entity.name} "${id}" exists`, { extensions: { code: 'BAD_USER_INPUT', field } });
  return record;
}

/** Writes a new or changed record with its derived fields, marked as edited so the seed keeps it. */
export async function saveRecord<T extends HubRecord>(ctx: SubgraphContext, record: T): Promise<T> {
  record.refresh();
  record.editedAt = new Date();
  ctx.em.persist(record);
  await ctx.em.flush();
  return record;
}

/** Copies the fields a patch gives (null clears an optional field) onto a record. */
export function applyPatch<T extends object>(record: T, patch: Partial<Record<keyof T, unknown>>): T {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    (record as Record<string, unknown>)[key] = value === null ? undefined : value;
  }
  return record;
}

export async function archiveRecord<T extends HubRecord>(ctx: SubgraphContext, entity: EntityClass<T>, id: string): Promise<T> {
  const record = await loadForWrite(ctx, entity, id);
  record.archivedAt ??= new Date();
  return saveRecord(ctx, record);
}
