import { GraphQLError } from 'graphql';

/** A client mistake, named by the field it concerns, e.g. `input.date.month`. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}
