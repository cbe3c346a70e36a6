import { Embedded, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { HubRecord, PartialDate, type PartialDateParts, slugify } from '@hub/kit';
import { Field, ObjectType } from 'type-graphql';
import { PositionRole } from '../enums.js';

@Entity({ collection: 'positions' })
@ObjectType({ description: 'A title held by a person in a committee or an agency, as a source states it.' })
export class Position extends HubRecord {
  @Property({ type: 'string' })
  @Index()
  personId!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The title as written: "Phó Trưởng ban Thường trực".' })
  title!: string;

  @Property({ type: 'string' })
  @Field(() => PositionRole, { description: 'The kind of title, comparable across bodies; `title` keeps the wording.' })
  role!: PositionRole;

  @Property({ type: 'string', nullable: true })
  @Index()
  committeeId?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  agencyId?: string;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'Since when, if a source says.' })
  since?: PartialDate;

  @Embedded({ entity: () => PartialDate, object: true, nullable: true })
  @Field(() => PartialDate, { nullable: true, description: 'Until when, if a source says.' })
  until?: PartialDate;

  @Embedded({ entity: () => PartialDate, object: true, array: true })
  @Field(() => [PartialDate], { description: 'Dates on which a source shows the title held (e.g. the date of a meeting), when since/until are unknown.' })
  attestedOn: PartialDate[] = [];

  @Property({ type: 'array' })
  sources: string[] = [];

  /** The natural key of a position: who, where, and the title as written. */
  static idFor(personId: string, organizationId: string, title: string): string {
    return `${personId}--${organizationId}--${slugify(title)}`;
  }

  refresh(): this {
    return this;
  }

  /**
   * Whether the title was held on `day` (ISO). Known bounds decide; with neither bound known,
   * a source showing it held in that year counts, and nothing else is assumed.
   */
  activeOn(day: string): boolean {
    const year = Number(day.slice(0, 4));
    const bound = (date: PartialDateParts | undefined, edge: 'start' | 'end') => {
      if (date?.year == null) return undefined;
      const month = String(date.month ?? (edge === 'start' ? 1 : 12)).padStart(2, '0');
      const dayOfMonth = String(date.day ?? (edge === 'start' ? 1 : 31)).padStart(2, '0');
      return `${date.year}-${month}-${dayOfMonth}`;
    };
    const since = bound(this.since, 'start');
    const until = bound(this.until, 'end');
    if (since === undefined && until === undefined) return this.attestedOn.some((date) => date.year === year);
    return (since === undefined || since <= day) && (until === undefined || day <= until);
  }
}
