import { Embeddable, Property } from '@mikro-orm/decorators/legacy';
import { DateResolver } from 'graphql-scalars';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';

/**
 * A date whose parts may be unknown (domain.md rule 5). Stored as an embedded object with only
 * the parts a source gives; `iso` exists only when all three are known.
 */
@Embeddable()
@ObjectType({ description: "A date whose parts may be unknown: 'on 10 November, year not stated' is { month: 11, day: 10 }." })
@Directive('@shareable')
export class PartialDate {
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The year, when the source states it.' })
  year?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The month (1–12), when the source states it.' })
  month?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The day of the month, when the source states it.' })
  day?: number;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: "The date as the source wrote it, e.g. 'Chiều 11/10/2023'." })
  text?: string;

  @Field(() => DateResolver, { nullable: true, description: 'ISO date, only when year, month and day are all known.' })
  get iso(): string | undefined {
    return isoDate(this);
  }
}

@InputType({ description: 'A date with optional parts; a day needs its month.' })
export class PartialDateInput {
  @Field(() => Int, { nullable: true, description: 'The four-digit year, when the source states it.' })
  year?: number;

  @Field(() => Int, { nullable: true, description: 'The month (1–12), when the source states it.' })
  month?: number;

  @Field(() => Int, { nullable: true, description: 'The day of the month (1–31, checked against the month and, if given, the year); needs the month.' })
  day?: number;

  @Field(() => String, { nullable: true, description: 'The date as the source wrote it.' })
  text?: string;
}

export interface PartialDateParts {
  year?: number | null;
  month?: number | null;
  day?: number | null;
  text?: string | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(date: PartialDateParts): string | undefined {
  if (date.year == null || date.month == null || date.day == null) return undefined;
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function daysInMonth(month: number, year?: number | null): number {
  if (month === 2) {
    // Without a year, 29 February may still be real.
    if (year == null) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a partial date is impossible, or null when it is fine. */
export function partialDateProblem(date: PartialDateParts): string | null {
  const { year, month, day } = date;
  if (year != null && (!Number.isInteger(year) || year < 1000 || year > 2999)) return `year ${year} is not a four-digit year`;
  if (month != null && (!Number.isInteger(month) || month < 1 || month > 12)) return `month ${month} is not from 1 to 12`;
  if (day != null) {
    if (month == null) return 'a day needs its month';
    const last = daysInMonth(month, year);
    if (!Number.isInteger(day) || day < 1 || day > last) {
      return `day ${day} does not exist in month ${month}${year != null ? ` of ${year}` : ''}`;
    }
  }
  return null;
}

/** Builds the stored value, dropping unknown parts. */
export function toPartialDate(parts: PartialDateParts | null | undefined): PartialDate | undefined {
  if (!parts) return undefined;
  const date = new PartialDate();
  if (parts.year != null) date.year = parts.year;
  if (parts.month != null) date.month = parts.month;
  if (parts.day != null) date.day = parts.day;
  if (parts.text != null && parts.text !== '') date.text = parts.text;
  return date;
}

/**
 * A string that sorts dates chronologically with unknown parts first within what is known,
 * prefixed so that dates without a year sort after all dated ones in ascending order.
 */
export function dateSortKey(date: PartialDateParts | null | undefined): string {
  if (date?.year == null) return `9-${pad(date?.month ?? 0)}-${pad(date?.day ?? 0)}`;
  return `0-${pad(date.year, 4)}-${pad(date.month ?? 0)}-${pad(date.day ?? 0)}`;
}

/**
 * Whether `end` certainly comes before `start`, comparing only the parts both dates give
 * (2020-05 and 2020 are not out of order; 2021 and 2020-12 are).
 */
export function endsBeforeStart(start: PartialDateParts | null | undefined, end: PartialDateParts | null | undefined): boolean {
  if (start?.year == null || end?.year == null) return false;
  for (const part of ['year', 'month', 'day'] as const) {
    const a = start[part];
    const b = end[part];
    if (a == null || b == null) return false;
    if (a !== b) return b < a;
  }
  return false;
}
