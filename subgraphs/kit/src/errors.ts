import { GraphQLError } from 'graphql';

/** A client mistake, named by the field it concerns, e.g. `input.date.month`. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/**
 * A year given as an argument: four digits, or the client made a typo (20200 for 2020) that would
 * otherwise quietly match open-ended date bounds or nothing at all.
 */
export function checkYear(field: string, year: number | null | undefined): void {
  if (year != null && (year < 1000 || year > 9999)) throw badUserInput(field, `must be a four-digit year, got ${year}`);
}
