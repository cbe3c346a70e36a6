import { Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What every record of the hub has: a natural-key id, the search tokens derived from its text,
 * and the archive and edit times that writes and the seed respect. Entities extend it and
 * compute their derived fields in `refresh()`, which every write calls. Not a GraphQL type of
 * its own: type-graphql and MikroORM both take the decorated fields into each subclass.
 */
@ObjectType('HubRecord')
export abstract class HubRecord {
  /** The natural key (a slug), so ids are stable across re-seeding and re-imports. */
  @PrimaryKey({ type: 'string' })
  _id!: string;

  @Field(() => ID, { description: 'Stable identifier: a readable ASCII slug that never changes.' })
  get id(): string {
    return this._id;
  }

  @Property({ type: 'array' })
  @Index()
  searchTokens: string[] = [];

  /** Indexed because every list asks for records not archived (`archivedAt: null`). */
  @Property({ type: 'Date', nullable: true })
  @Index()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was archived; archived records leave lists but still resolve by id.' })
  archivedAt?: Date;

  /**
   * The last time the record was created, changed or archived, by the API or by the seed: what
   * a list's `changedSince` compares, so a scheduled pull fetches only what changed.
   */
  @Property({ type: 'Date', nullable: true })
  @Index()
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last created, changed or archived (through the API or by the seed); lists filtered by `changedSince` compare this.' })
  changedAt?: Date;

  /** Set when someone changes the record through the API; the seed then leaves it alone. */
  @Property({ type: 'Date', nullable: true })
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record was last changed through the API; the seed never overwrites such a record.' })
  editedAt?: Date;

  /**
   * Counts the record's writes: 1 when created, one more on each change. MikroORM makes every
   * update conditional on the version it read (optimistic locking), so two writers never
   * silently overwrite each other; a client may pass the version it read to `updateX`.
   */
  @Property({ type: 'integer', version: true })
  @Index() // so the start-up check for records without a version is a lookup, not a scan
  @Field(() => Int, { description: 'How many times the record was written: 1 when created, one more on each change. Pass it to an update as `version` to be told (CONFLICT) when someone else changed the record since you read it.' })
  version: number = 1;

  /** Recomputes the derived fields (search tokens, sort keys) from the stored ones. */
  abstract refresh(): this;
}
