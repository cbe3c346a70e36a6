import { Embedded, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { DateBounds, HubRecord, PartialDate, type PartialDateParts, slugify } from '@hub/kit';
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
  @Field(() => [PartialDate], { description: 'Dates on which a source shows the title held (e.g. the date of a meeting), with only the parts the source gives, when since/until are unknown.' })
  attestedOn: PartialDate[] = [];

  @Embedded({ entity: () => DateBounds, object: true, array: true })
  @Field(() => [DateBounds], { description: 'When a source shows the title held at a meeting whose date it does not give: the days that meeting may have taken place on, and why.' })
  attestedBetween: DateBounds[] = [];

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
   * Whether the sources allow that the title was held on `day` (ISO). Known since/until decide.
   * Without them, only what a source shows counts: a meeting on that very day, a meeting dated
   * only to a month or a year that contains the day, or a meeting whose possible days (its
   * bounds) include it. Nothing is assumed about the days before or after a meeting.
   */
  activeOn(day: string): boolean {
    const since = dayOf(this.since, 'start');
    const until = dayOf(this.until, 'end');
    if (since !== undefined || until !== undefined) return (since === undefined || since <= day) && (until === undefined || day <= until);
    const attested = this.attestedOn.some((date) => {
      const first = dayOf(date, 'start');
      const last = dayOf(date, 'end');
      return first !== undefined && last !== undefined && first <= day && day <= last;
    });
    return attested || this.attestedBetween.some((bounds) => bounds.earliest !== undefined && bounds.latest !== undefined && bounds.earliest <= day && day <= bounds.latest);
  }
}

/** The first or last day a partial date can mean (undefined without a year). */
function dayOf(date: PartialDateParts | undefined, edge: 'start' | 'end'): string | undefined {
  if (date?.year == null) return undefined;
  const month = date.month ?? (edge === 'start' ? 1 : 12);
  const lastDay = new Date(Date.UTC(date.year, month, 0)).getUTCDate();
  const dayOfMonth = date.day ?? (edge === 'start' ? 1 : lastDay);
  return `${String(date.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}
