/**
 * A saved report's variables come as query parameters (`?year=2023&level=PROVINCIAL`): each is
 * read as its declared type (numbers, booleans, enums; a list from repeated parameters; an input
 * object from JSON) and checked as GraphQL would check it, so a wrong type or a missing
 * required variable is a 400 naming the variable before anything is asked of the subgraphs.
 */
import { getNamedType, getVariableValues, isInputObjectType, isListType, isNonNullType, typeFromAST, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ReportProblem } from './report-definition.js';

function scalarFrom(raw: string, typeName: string): unknown {
  if ((typeName === 'Int' || typeName === 'Float') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim())) return Number(raw);
  if (typeName === 'Boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  // Anything else stays text, so the check below says what is wrong with it.
  return raw;
}

function valueFrom(name: string, raws: string[], type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  const named = getNamedType(type);
  const json = (raw: string) => {
    try {
      return JSON.parse(raw);
    } catch {
      throw new ReportProblem(`The variable "${name}" must be JSON here (its type is ${String(type)}), got ${JSON.stringify(raw)}.`);
    }
  };
  if (isListType(inner)) {
    if (raws.length === 1 && raws[0]!.trim().startsWith('[')) return json(raws[0]!);
    return raws.map((raw) => (isInputObjectType(named) ? json(raw) : scalarFrom(raw, named.name)));
  }
  if (raws.length > 1) throw new ReportProblem(`The variable "${name}" was given ${raws.length} times; it takes one value (${String(type)}).`);
  return isInputObjectType(named) ? json(raws[0]!) : scalarFrom(raws[0]!, named.name);
}

/** The variables for GraphQL from the URL's parameters; `reserved` are the export's own (bom). */
export function variablesFromParameters(schema: GraphQLSchema, operation: OperationDefinitionNode, parameters: URLSearchParams, reserved: ReadonlySet<string>): Record<string, unknown> {
  const definitions = (operation.variableDefinitions ?? []).filter((d) => !d.variable.name.value.startsWith('_hub'));
  const declared = new Map(definitions.map((d) => [d.variable.name.value, d]));
  const names = definitions.map((d) => d.variable.name.value);
  for (const key of new Set(parameters.keys())) {
    if (!declared.has(key) && !reserved.has(key)) {
      throw new ReportProblem(`"${key}" is not a variable of this report; it takes ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'no variables'}${reserved.size ? ` (and ${[...reserved].map((r) => `"${r}"`).join(', ')})` : ''}.`);
    }
  }
  const inputs: Record<string, unknown> = {};
  for (const [name, definition] of declared) {
    const raws = parameters.getAll(name);
    if (raws.length === 0) continue;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) continue;
    inputs[name] = valueFrom(name, raws, type);
  }
  const checked = getVariableValues(schema, definitions, inputs);
  if (checked.errors) throw new ReportProblem(checked.errors.map((e) => e.message).join(' '));
  return inputs;
}
