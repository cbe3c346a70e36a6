import { Directive, Field, ID, ObjectType } from 'type-graphql';

export interface ReferenceTypeOptions {
  description: string;
  /** The subgraph that owns the entity (asked whether records exist before a write points at them). */
  owner: string;
  /** The key field; "id" (ID!) unless given, e.g. "code" (String!) for provinces. */
  key?: 'id' | 'code';
  /** False when this subgraph only points at the entity and adds no fields to it. */
  resolvable?: boolean;
}

export interface Reference {
  readonly id?: string;
  readonly code?: string;
}

/**
 * A stub for an entity another subgraph owns: just its key. Subgraphs never import each
 * other, so each declares the stubs it points at (and, when resolvable, adds fields to them).
 */
export function referenceType(typeName: string, options: ReferenceTypeOptions & { key: 'code' }): ReferenceClass<'code'>;
export function referenceType(typeName: string, options: ReferenceTypeOptions & { key?: 'id' }): ReferenceClass<'id'>;
export function referenceType(typeName: string, options: ReferenceTypeOptions): ReferenceClass<'id'> | ReferenceClass<'code'> {
  const key = options.key ?? 'id';
  const directive = options.resolvable === false ? `@key(fields: "${key}", resolvable: false)` : `@key(fields: "${key}")`;

  if (key === 'code') {
    @ObjectType(typeName, { description: options.description })
    @Directive(directive)
    class CodeReference {
      @Field(() => String)
      code!: string;

      static readonly meta = { typeName, owner: options.owner, key: 'code' as const };

      static of(code: string): CodeReference {
        return Object.assign(new CodeReference(), { code });
      }
    }
    return CodeReference as unknown as ReferenceClass<'code'>;
  }

  @ObjectType(typeName, { description: options.description })
  @Directive(directive)
  class IdReference {
    @Field(() => ID)
    id!: string;

    static readonly meta = { typeName, owner: options.owner, key: 'id' as const };

    static of(id: string): IdReference {
      return Object.assign(new IdReference(), { id });
    }
  }
  return IdReference as unknown as ReferenceClass<'id'>;
}

export type ReferenceClass<K extends 'id' | 'code'> = {
  new (): { [P in K]: string };
  of(key: string): { [P in K]: string };
  readonly meta: { typeName: string; owner: string; key: K };
};
