import { Embedded, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateBounds, dateSortKey, HubRecord, PartialDate, searchTokens } from '@hub/kit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { EventKind } from '../enums.js';
import { Participant } from './participant.embeddable.js';
import { Period } from './period.embeddable.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A conference, briefing or review meeting. */
@Entity({ collection: 'events' })
@ObjectType({ description: 'A conference, briefing or review meeting, as its sources report it.' })
@Directive('@key(fields: "id")')
export class Event extends HubRecord {
  /** Derived fields added after events were first stored: computed at start for those lacking them. */
  static readonly addedDerivedFields = ['participantCommitteeIds', 'yearGroup'];

  @Property({ type: 'string' })
  @Field(() => String, { description: 'A descriptive Vietnamese title.' })
  title!: string;

  @Property({ type: 'string' })
  @Index()
  @Field(() => EventKind, { description: 'What kind of meeting it was.' })
  kind!: EventKind;

  @Embedded({ entity: () => PartialDate, object: true })
  @Field(() => PartialDate, { description: 'When it took place: only the parts the sources state.' })
  date!: PartialDate;

  @Embedded({ entity: () => DateBounds, object: true, nullable: true })
  @Field(() => DateBounds, { nullable: true, description: 'When the date is not (fully) given: the days the sources allow, and why. Date filters use them.' })
  dateBounds?: DateBounds;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where, as written: "Hà Nội".' })
  location?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  provinceCode?: string;

  /**
   * The provinces of the committees that organized or took part (set by whoever knows them: the
   * seed from its facts); with `provinceCode`, what the province filter matches.
   */
  @Property({ type: 'array' })
  relatedProvinceCodes: string[] = [];

  @Property({ type: 'array' })
  @Index()
  provinceCodes: string[] = [];

  @Property({ type: 'string', nullable: true })
  @Index() // events per organizer are grouped on it
  organizerId?: string;

  @Embedded({ entity: () => Participant, object: true, array: true })
  @Field(() => [Participant], { description: 'Who took part and as what, in the order the sources name them.' })
  participants: Participant[] = [];

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'How many provincial committees attended, when the source gives a number.' })
  attendingCommitteeCount?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Online bridge points, when the event was broadcast to several sites.' })
  bridgePoints?: number;

  /** The bridge points the sources name (điểm cầu), beside their count; as participants' bodies. */
  @Embedded({ entity: () => Participant, object: true, array: true })
  @Field(() => [Participant], { description: 'The bridge points (điểm cầu) the sources name, each as the body that hosted it; `bridgePoints` is how many there were in all.' })
  namedBridgePoints: Participant[] = [];

  @Embedded({ entity: () => Period, object: true, nullable: true })
  @Field(() => Period, { nullable: true, description: 'The period the meeting reviewed, e.g. the first half of 2020.' })
  reviewPeriod?: Period;

  @Property({ type: 'array' })
  @Field(() => [String], { description: "Key tasks the meeting set, one per item, in the source's order: each a short paraphrase of the passage in the source's words where they fit (read the document's text for the wording)." })
  tasks: string[] = [];

  @Property({ type: 'array' })
  @Index()
  conclusionIds: string[] = [];

  @Property({ type: 'array' })
  @Index()
  strategyIds: string[] = [];

  @Property({ type: 'array' })
  @Index()
  sources: string[] = [];

  /** The organizer and every participating committee: what `Committee.events` looks up. */
  @Property({ type: 'array' })
  @Index()
  committeeIds: string[] = [];

  /** The committees among the participants (the organizer only when it also took part): what participations per committee count. */
  @Property({ type: 'array' })
  @Index()
  participantCommitteeIds: string[] = [];

  @Property({ type: 'array' })
  @Index()
  agencyIds: string[] = [];

  @Property({ type: 'array' })
  @Index()
  personIds: string[] = [];

  /** First and last day the partial date may mean (ISO), for from/to filters; absent without a year. */
  @Property({ type: 'string', nullable: true })
  @Index()
  earliestDay?: string;

  @Property({ type: 'string', nullable: true })
  @Index()
  latestDay?: string;

  /** Chronological, unknown years last; unique by the id suffix. */
  @Property({ type: 'string' })
  @Unique()
  ascKey!: string;

  /** Sorted descending: newest first, unknown years still last. */
  @Property({ type: 'string' })
  @Unique()
  descKey!: string;

  /** What is known of the year, as the per-year counts group it (`yearGroupOf`). */
  @Property({ type: 'string' })
  @Index()
  yearGroup!: string;

  /** Recomputes the derived fields after the stored ones changed. */
  refresh(): this {
    const { year, month, day } = this.date;
    this.committeeIds = unique([this.organizerId, ...this.participants.map((p) => p.committeeId)]);
    this.participantCommitteeIds = unique(this.participants.map((p) => p.committeeId));
    this.agencyIds = unique(this.participants.map((p) => p.agencyId));
    this.personIds = unique(this.participants.map((p) => p.personId));
    this.provinceCodes = unique([this.provinceCode, ...this.relatedProvinceCodes]);
    this.searchTokens = searchTokens(this.title, this.location, ...this.participants.map((p) => p.title), ...this.tasks);
    this.ascKey = `${dateSortKey(this.date)} ${this._id}`;
    this.descKey = year == null ? `0-${pad(month ?? 0)}-${pad(day ?? 0)} ${this._id}` : `1-${dateSortKey(this.date).slice(2)} ${this._id}`;
    for (const participant of this.participants) {
      // One entry per person or body: `role` is the first of its roles.
      if (participant.roles?.length) participant.role = participant.roles[0]!;
      else participant.roles = [participant.role];
    }
    if (year == null) {
      // Without a year, the bounds the sources support (if any) are all a filter can use.
      this.earliestDay = this.dateBounds?.earliest;
      this.latestDay = this.dateBounds?.latest;
    } else {
      const lastDay = month == null ? 31 : new Date(Date.UTC(year, month, 0)).getUTCDate();
      this.earliestDay = `${pad(year, 4)}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
      this.latestDay = `${pad(year, 4)}-${pad(month ?? 12)}-${pad(day ?? lastDay)}`;
    }
    this.yearGroup = yearGroupOf(year, this.earliestDay, this.latestDay);
    return this;
  }
}

/**
 * What the per-year counts know of an event's year: `dated 2021` (the sources give the year),
 * `bounds 2021` (no stated year, but the bounds they support lie within one), `uncertain` (some
 * bound, more than one year possible) or `unknown` (nothing).
 */
export function yearGroupOf(stated: number | undefined | null, earliest: string | undefined, latest: string | undefined): string {
  if (stated != null) return `dated ${stated}`;
  if (earliest && latest && earliest.slice(0, 4) === latest.slice(0, 4)) return `bounds ${Number(earliest.slice(0, 4))}`;
  return earliest || latest ? 'uncertain' : 'unknown';
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
