/**
 * The public contract (docs/design/schema-contract.graphql) holds in the composed API:
 * every type, field, argument and enum value clients rely on exists with a compatible type, and
 * everything a client sees has a docstring.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaSdl } from './api-schema.js';
import { SUPERGRAPH_FILE } from './compose.js';

const CONTRACT_FILE = new URL('../../docs/design/schema-contract.graphql', import.meta.url);
const contract = buildSchema(readFileSync(CONTRACT_FILE, 'utf8'));
const api = buildSchema(apiSchemaSdl(readFileSync(SUPERGRAPH_FILE, 'utf8')));

/** An output may be stricter than the contract (non-null where it allows null), never looser. */
function outputFits(ours: GraphQLOutputType, theirs: GraphQLOutputType): boolean {
  if (isNonNullType(theirs)) return isNonNullType(ours) && outputFits(ours.ofType, theirs.ofType);
  if (isNonNullType(ours)) return outputFits(ours.ofType, theirs);
  if ('ofType' in theirs && 'ofType' in ours) return outputFits(ours.ofType as GraphQLOutputType, theirs.ofType as GraphQLOutputType);
  return String(ours) === String(theirs);
}

/** An argument may accept more than the contract (nullable where it requires), never less. */
function inputFits(ours: GraphQLInputType, theirs: GraphQLInputType): boolean {
  if (isNonNullType(ours)) return isNonNullType(theirs) && inputFits(ours.ofType, theirs.ofType);
  if (isNonNullType(theirs)) return inputFits(ours, theirs.ofType);
  if ('ofType' in theirs && 'ofType' in ours) return inputFits(ours.ofType as GraphQLInputType, theirs.ofType as GraphQLInputType);
  return String(ours) === String(theirs);
}

const userTypes = (schema: typeof api) => Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));

describe('the public contract', () => {
  const problems: string[] = [];
  for (const type of userTypes(contract)) {
    const ours = api.getType(type.name);
    if (!ours) {
      problems.push(`type ${type.name} is missing`);
      continue;
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!isEnumType(ours) || !ours.getValue(value.name)) problems.push(`enum value ${type.name}.${value.name} is missing`);
      }
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = isObjectType(ours) || isInterfaceType(ours) ? ours.getFields() : {};
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const mine = fields[field.name];
        if (!mine) {
          problems.push(`field ${type.name}.${field.name} is missing`);
          continue;
        }
        if (!outputFits(mine.type, field.type)) problems.push(`field ${type.name}.${field.name} is ${String(mine.type)}, the contract says ${String(field.type)}`);
        for (const arg of field.args) {
          const myArg = mine.args.find((a) => a.name === arg.name);
          if (!myArg) problems.push(`argument ${type.name}.${field.name}(${arg.name}) is missing`);
          else if (!inputFits(myArg.type, arg.type)) problems.push(`argument ${type.name}.${field.name}(${arg.name}) is ${String(myArg.type)}, the contract says ${String(arg.type)}`);
          else if (arg.defaultValue !== undefined && myArg.defaultValue !== arg.defaultValue) problems.push(`argument ${type.name}.${field.name}(${arg.name}) defaults to ${String(myArg.defaultValue)}, the contract says ${String(arg.defaultValue)}`);
        }
        for (const myArg of mine.args) {
          if (isNonNullType(myArg.type) && myArg.defaultValue === undefined && !field.args.some((a) => a.name === myArg.name)) {
            problems.push(`argument ${type.name}.${field.name}(${myArg.name}) is required but not in the contract`);
          }
        }
      }
    }
    if (isInputObjectType(type)) {
      const fields = isInputObjectType(ours) ? ours.getFields() : {};
      for (const field of Object.values(type.getFields())) {
        const mine = fields[field.name];
        if (!mine) problems.push(`input field ${type.name}.${field.name} is missing`);
        else if (!inputFits(mine.type, field.type)) problems.push(`input field ${type.name}.${field.name} is ${String(mine.type)}, the contract says ${String(field.type)}`);
      }
    }
  }

  it('every contract name exists with a compatible shape', () => {
    expect(problems).toEqual([]);
  });

  it('reads the contract it checks (a guard against checking nothing)', () => {
    expect(Object.keys(contract.getQueryType()!.getFields()).length).toBeGreaterThan(15);
    expect(getNamedType(contract.getQueryType()!.getFields().committees!.type).name).toBe('CommitteeConnection');
  });
});

describe('docstrings', () => {
  it('describe every type, field and argument a client sees', () => {
    const undocumented: string[] = [];
    const roots = [api.getQueryType()?.name, api.getMutationType()?.name];
    for (const type of userTypes(api)) {
      if (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // The root types are described by their fields.
      if (!type.description && !roots.includes(type.name)) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
