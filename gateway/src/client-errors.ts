/**
 * Client mistakes answered as client errors, at the gateway, before planning: an operation name
 * the document does not have (400, not 500), and dates or instants that are not dates (the
 * subgraphs' scalars, which the gateway would otherwise pass on blind), named by the argument or
 * variable path so an analyst knows which value to fix.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  TypeInfo,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { GatewayContext } from './context.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a value of each of the hub's own scalars must look like; undefined when it does. */
export const SCALAR_CHECKS: Record<string, (value: unknown) => string | undefined> = {
  Date(value) {
    const match = typeof value === 'string' ? DAY.exec(value) : null;
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return undefined;
    }
    return 'must be a calendar date written YYYY-MM-DD, like "2023-10-12"';
  },
  DateTime(value) {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
    return 'must be an ISO 8601 instant, like "2023-10-12T08:00:00Z"';
  },
};

function badInput(path: string, problem: string, value: unknown): GraphQLError {
  return new GraphQLError(`${path} ${problem}; got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT', argument: path, http: { status: 400 } } });
}

/** Checks a variable's value against its type, wherever a checked scalar appears in it. */
function checkValue(value: unknown, type: GraphQLInputType, path: string, problems: GraphQLError[]): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(item, inner.ofType, `${path}[${i}]`, problems));
    else checkValue(value, inner.ofType, path, problems);
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return;
    const fields = inner.getFields();
    for (const [name, given] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(given, fields[name]!.type, `${path}.${name}`, problems);
    }
    return;
  }
  const check = SCALAR_CHECKS[inner.name];
  const problem = check?.(value);
  if (problem) problems.push(badInput(path, problem, value));
}

/** Checks a literal argument value against its type; `label` turns a path into what the client reads. */
function checkLiteral(node: ValueNode, type: GraphQLInputType, path: string, problems: GraphQLError[], label: (path: string) => string): void {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
  if (isListType(inner)) {
    if (node.kind === Kind.LIST) node.values.forEach((item, i) => checkLiteral(item, inner.ofType, `${path}[${i}]`, problems, label));
    else checkLiteral(node, inner.ofType, path, problems, label);
    return;
  }
  if (isInputObjectType(inner)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = inner.getFields();
    for (const field of node.fields) {
      if (fields[field.name.value]) checkLiteral(field.value, fields[field.name.value]!.type, `${path}.${field.name.value}`, problems, label);
    }
    return;
  }
  const check = SCALAR_CHECKS[getNamedType(inner).name];
  if (!check) return;
  const value = node.kind === Kind.STRING ? node.value : node.kind === Kind.INT || node.kind === Kind.FLOAT ? Number(node.value) : node.kind === Kind.BOOLEAN ? node.value : undefined;
  const problem = check(value);
  if (problem) problems.push(badInput(label(path), problem, value));
}

export function clientErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  /** Operations whose literal arguments were checked and found fine, with the schema they were checked against. */
  const literalsFine = new WeakMap<object, unknown>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) {
            const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
            throw new GraphQLError(
              request.operationName
                ? `The document has no operation named "${request.operationName}"${names.length ? `; it has ${names.map((n) => `"${n}"`).join(', ')}` : ''}.`
                : `The document has several operations (${names.join(', ')}); say which to run with operationName.`,
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          const problems: GraphQLError[] = [];
          for (const definition of operation.variableDefinitions ?? []) {
            const type = typeFromAST(schema as GraphQLSchema, definition.type as never) as GraphQLInputType | undefined;
            if (type) checkValue(request.variables?.[definition.variable.name.value], type, `$${definition.variable.name.value}`, problems);
          }
          // The literals of a document asked again (the same object, from Apollo's document
          // cache) were found fine already against this schema: only its variables change.
          if (literalsFine.get(operation) !== schema) {
            const before = problems.length;
            // The operation and each fragment once: arguments written in fragments count too.
            const typeInfo = new TypeInfo(schema);
            const visitor = visitWithTypeInfo(typeInfo, {
              Argument(node) {
                const argument = typeInfo.getArgument();
                const field = typeInfo.getFieldDef();
                if (argument && field) checkLiteral(node.value, argument.type, node.name.value, problems, (path) => `${field.name}(${path})`);
              },
            });
            for (const definition of document.definitions) {
              if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
            }
            if (problems.length === before) literalsFine.set(operation, schema);
          }
          if (problems.length === 1) throw problems[0]!;
          if (problems.length > 1) {
            throw new GraphQLError(problems.map((p) => p.message).join(' '), {
              extensions: { code: 'BAD_USER_INPUT', argument: problems[0]!.extensions.argument, problems: problems.map((p) => p.message), http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Schema suggestions ("Did you mean …?") tell a stranger what the schema holds; production drops them. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '');
}

/** Headers that mark a request as sent by a program, not a cross-site form (any one, non-empty). */
export const PREFLIGHT_HEADERS = ['x-hub-preflight', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Refusals that the server library words in its own name ("…not allowed by Apollo Server…",
 * its CSRF headers), said in the hub's words: a caller learns what to do, not what runs here.
 */
export function inHubWords(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
    return { ...formatted, message: 'This hub does not answer schema queries (__schema, __type): introspection is off here (HUB_INTROSPECTION).' };
  }
  if (formatted.message.startsWith('This operation has been blocked as a potential Cross-Site Request Forgery')) {
    return {
      ...formatted,
      message: `This request was refused as a possible cross-site request forgery: send it with "Content-Type: application/json", or with a non-empty "${PREFLIGHT_HEADERS[0]}" header.`,
    };
  }
  return formatted;
}
