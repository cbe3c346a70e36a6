/**
 * The create / update / archive mutations of one record type, the same for every type: validate
 * the whole input (problems named by field), then write; archive instead of delete. A subgraph
 * says only how a new record gets its key and how an input's fields are checked and copied.
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver, type ClassType } from 'type-graphql';
import type { SubgraphContext } from './context.js';
import type { HubRecord } from './types/record.js';
import { archiveRecord, createRecord, InputCheck, updateRecord } from './writes.js';

export interface WriteResolverOptions<T extends HubRecord, Input extends object, Patch extends object> {
  entity: ClassType<T>;
  /** The type's name in the mutations' names: createX, updateX, archiveX. */
  name: string;
  /** "a committee": used in the mutations' descriptions. */
  noun: string;
  Input: ClassType<Input>;
  Patch: ClassType<Patch>;
  /** A new record with its natural key, after checking the key (format, not taken). */
  create: (check: InputCheck, input: Input) => T;
  /** Checks the fields an input or patch gives and copies them onto the record. */
  take: (check: InputCheck, record: T, input: Partial<Input> | Patch, at: 'input' | 'patch') => void;
}

export function writeResolver<T extends HubRecord, Input extends object, Patch extends object>(options: WriteResolverOptions<T, Input, Patch>) {
  const { entity, name, noun, Input, Patch } = options;

  @Resolver(() => entity)
  class WriteResolver {
    @Authorized('hub:write')
    @Mutation(() => entity, { name: `create${name}`, description: `Adds ${noun}. Needs hub:write.` })
    async create(@Ctx() ctx: SubgraphContext, @Arg('input', () => Input, { description: `The new ${name.toLowerCase()}.` }) input: Input): Promise<T> {
      const check = new InputCheck(ctx);
      const record = options.create(check, input);
      options.take(check, record, input, 'input');
      await check.assertValid();
      return createRecord(ctx, record, check);
    }

    @Authorized('hub:write')
    @Mutation(() => entity, { name: `update${name}`, description: `Changes ${noun}. Needs hub:write.` })
    async update(
      @Ctx() ctx: SubgraphContext,
      @Arg('id', () => ID, { description: `The id of the ${name.toLowerCase()} to change.` }) id: string,
      @Arg('patch', () => Patch, { description: 'The changes: only the fields given change.' }) patch: Patch,
      @Arg('version', () => Int, {
        nullable: true,
        description: 'The version you read. When given and someone else changed the record since, nothing is written and the answer is a CONFLICT error naming the current version.',
      })
      version?: number | null,
    ): Promise<T> {
      return updateRecord(ctx, entity, id, version ?? undefined, (record, check) => {
        check.notCleared(entity, patch, 'patch');
        options.take(check, record, patch, 'patch');
      });
    }

    @Authorized('hub:write')
    @Mutation(() => entity, {
      name: `archive${name}`,
      description: `Archives ${noun}: it leaves lists but still resolves by id and from other subgraphs. Needs hub:write.`,
    })
    archive(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: `The id of the ${name.toLowerCase()} to archive.` }) id: string): Promise<T> {
      return archiveRecord(ctx, entity, id);
    }
  }

  Object.defineProperty(WriteResolver, 'name', { value: `${name}Mutations` });
  return WriteResolver;
}
