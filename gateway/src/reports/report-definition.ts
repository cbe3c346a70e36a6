/**
 * A report: a GraphQL query, where its rows come from, and its columns. Preparing one checks it
 * against the schema the gateway serves — the operation must be a valid query, every column and
 * exploded list must name something the operation selects — and rewrites the operation so it
 * can be paged through: the rows' connection takes `after: $_hubAfter` (and `first: $_hubFirst`,
 * the export's own page size, when the report gives none), every connection whose edges are selected also selects its
 * `pageInfo`, and the object holding a nested connection selects its `id`, so its remaining
 * pages can be asked for through the type's lookup by id (`committee(id:)`, `person(id:)`, …).
 *
 * Paths are response keys joined by dots (`province.region`). A connection is walked through
 * its `edges.node` without writing them (`events.title`), unless the next name is one of the
 * connection's own fields (`events.totalCount`).
 */
import {
  getNamedType,
  GraphQLError,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * The page size an export falls back to when the report does not say: the largest page a
 * subgraph serves a client. (An export first asks the hub's own subgraphs for their larger
 * export pages, `EXPORT_PAGE_SIZE` of @hub/core; see run-report.ts.)
 */
export const EXPORT_PAGE_SIZE = 100;
/** What joins the values of a list that is not exploded into one CSV cell. */
export const DEFAULT_SEPARATOR = '; ';
export const AFTER_VARIABLE = '_hubAfter';
export const ID_VARIABLE = '_hubId';
export const FIRST_VARIABLE = '_hubFirst';

export interface ReportColumn {
  /** A path of response keys from a row, e.g. `province.region`. */
  readonly path: string;
  /** The column's name in the header row and the JSON keys; defaults to the path. */
  readonly header: string;
}

/** What a report is, as saved and shown. */
export interface ReportSpec {
  readonly name: string;
  readonly description?: string;
  /** One GraphQL query operation (fragments allowed). */
  readonly query: string;
  /** The path of the list whose items are the rows; defaults to the operation's one root field. */
  readonly rows?: string;
  readonly columns: readonly ReportColumn[];
  /** Lists (paths from a row) that give one row per item instead of one joined cell. */
  readonly explode?: readonly string[];
  /** What joins a list's values in one CSV cell (default "; "). */
  readonly separator?: string;
}

export class ReportProblem extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code = 'BAD_REPORT',
    /** Headers the refusal carries on (a rate limit's retry-after). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What the selection holds under one response key. */
export interface Shape {
  readonly key: string;
  /** The field's name in the schema (the key may be an alias). */
  readonly name: string;
  readonly type: GraphQLNamedType;
  /** The field returns a list (of objects or values). */
  readonly list: boolean;
  readonly children: Map<string, Shape>;
  /** Set on a connection field: the keys of its edges and their node, and the node's shape. */
  connection?: { edgesKey?: string; nodeKey?: string; node?: Shape; paged: boolean };
  /** The (rewritten) field itself, to ask a nested connection's next pages with. */
  field?: FieldNode;
  /** For an object holding a nested paged connection: the Query field that finds it by id. */
  lookup?: string;
}

export type Step = { kind: 'field'; key: string } | { kind: 'nodes'; edgesKey: string; nodeKey: string };

export interface CompiledPath {
  /** Index of the exploded list this path starts from (-1: the row itself). */
  readonly base: number;
  readonly steps: readonly Step[];
}

export interface PreparedReport {
  readonly spec: ReportSpec;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The root field's shape (`data[root.key]`). */
  readonly root: Shape;
  readonly rootPaged: boolean;
  readonly rows: CompiledPath;
  readonly explode: readonly CompiledPath[];
  readonly columns: ReadonlyArray<CompiledPath & { header: string; many: boolean }>;
  readonly separator: string;
  /**
   * The variable that sets the rows' page size when the caller leaves it to the export (the
   * root's `first` is absent, or a variable with a default used only there), and the size to
   * fall back to; undefined when the report fixes it.
   */
  readonly pageSize?: { readonly variable: string; readonly fallback: number };
  readonly usedVariables: (field: FieldNode) => VariableDefinitionNode[];
}

const NAME = /^[a-z][a-z0-9-]{1,59}$/;

export function checkReportName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ReportProblem(`${JSON.stringify(name)} is not a valid report name: use 2 to 60 lower-case letters, digits and dashes, starting with a letter (e.g. "committee-roster").`);
  }
  return name;
}

function unwrap(type: GraphQLType): { named: GraphQLNamedType; list: boolean } {
  let list = false;
  let current = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) list = true;
    current = current.ofType;
  }
  return { named: current, list };
}

/** A connection is an object with `edges { node }` and `pageInfo`, taking `first` and `after`. */
function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  const edge = fields.edges && getNamedType(fields.edges.type);
  return Boolean(fields.pageInfo && edge && isObjectType(edge) && edge.getFields().node && field.args.some((a) => a.name === 'after') && field.args.some((a) => a.name === 'first'));
}

/** The Query field that returns one `type` by `id` (e.g. `committee(id:)`). */
function lookupById(schema: GraphQLSchema, type: GraphQLNamedType): string | undefined {
  const query = schema.getQueryType();
  if (!query) return undefined;
  return Object.values(query.getFields()).find((field) => {
    const { named, list } = unwrap(field.type);
    return named === type && !list && field.args.some((arg) => arg.name === 'id' && getNamedType(arg.type).name === 'ID');
  })?.name;
}

const field = (name: string, selections?: SelectionNode[], args: FieldNode['arguments'] = []): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  arguments: args,
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});
const argument = (name: string, value: FieldNode['arguments'] extends ReadonlyArray<infer A> | undefined ? A extends { value: infer V } ? V : never : never) => ({ kind: Kind.ARGUMENT as const, name: { kind: Kind.NAME as const, value: name }, value });
const variable = (name: string) => ({ kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: name } });

/**
 * Rewrites a selection set (fragments spread inline, paging fields added) and records what it
 * selects in `shape`.
 */
class Rewriter {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  selectionSet(set: SelectionSetNode, type: GraphQLNamedType, shape: Shape, depth = 0): SelectionSetNode {
    if (depth > 50) throw new ReportProblem('The operation nests its fragments too deeply.');
    const selections: SelectionNode[] = [];
    let holdsPagedConnection = false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value)!;
        const on = this.schema.getType(fragment.typeCondition.name.value)!;
        selections.push({ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: this.selectionSet(fragment.selectionSet, on, shape, depth + 1) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value)! : type;
        selections.push({ ...selection, selectionSet: this.selectionSet(selection.selectionSet, on, shape, depth + 1) });
      } else {
        const rewritten = this.field(selection, type, shape, depth);
        if (shape.children.get(rewritten.alias?.value ?? rewritten.name.value)?.connection?.paged) holdsPagedConnection = true;
        selections.push(rewritten);
      }
    }
    // The next pages of a nested connection are asked for by its holder's id.
    if (holdsPagedConnection && isObjectType(type) && type !== this.schema.getQueryType() && type.getFields().id) {
      selections.push(field('id'));
      shape.lookup = lookupById(this.schema, type);
    }
    return { ...set, selections };
  }

  private field(node: FieldNode, parent: GraphQLNamedType, parentShape: Shape, depth: number): FieldNode {
    const name = node.name.value;
    if (name.startsWith('__') || !isObjectType(parent) && !('getFields' in parent)) return node;
    const definition = (parent as GraphQLObjectType).getFields()[name];
    if (!definition) return node;
    const key = node.alias?.value ?? name;
    const { named, list } = unwrap(definition.type);
    let shape = parentShape.children.get(key);
    if (!shape) {
      shape = { key, name, type: named, list, children: new Map() };
      parentShape.children.set(key, shape);
    }
    if (!node.selectionSet) return node;
    let selectionSet = this.selectionSet(node.selectionSet, named, shape, depth + 1);
    let args = node.arguments ?? [];
    if (isConnectionField(definition)) {
      const edges = [...shape.children.values()].find((child) => child.name === 'edges');
      const nodeShape = edges ? [...edges.children.values()].find((child) => child.name === 'node') : undefined;
      const paged = Boolean(edges);
      shape.connection = { edgesKey: edges?.key, nodeKey: nodeShape?.key, node: nodeShape, paged };
      if (paged) {
        selectionSet = { ...selectionSet, selections: [...selectionSet.selections, field('pageInfo', [field('hasNextPage'), field('endCursor')])] };
      } else if (!args.some((a) => a.name.value === 'first')) {
        // Only the count is wanted: no rows need fetching.
        args = [...args, argument('first', { kind: Kind.INT, value: '0' })];
      }
    }
    const rewritten: FieldNode = { ...node, arguments: args, selectionSet };
    shape.field = rewritten;
    return rewritten;
  }
}

function compilePath(path: string, from: Shape, what: string): { steps: Step[]; end: Shape; many: boolean } {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new ReportProblem(`The ${what} "${path}" is not a path: write response keys joined by dots, e.g. "province.region".`);
  const steps: Step[] = [];
  let current = from;
  let many = false;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    let next = current.children.get(segment);
    const connection = current.connection;
    if (!next && connection?.node && connection.edgesKey && connection.nodeKey) {
      // Through the connection's edges to its nodes, unless the path spells them out.
      steps.push({ kind: 'nodes', edgesKey: connection.edgesKey, nodeKey: connection.nodeKey });
      many = true;
      current = connection.node;
      next = current.children.get(segment);
    } else if (next && connection && segment === connection.edgesKey && segments[i + 1] === connection.nodeKey && connection.node) {
      steps.push({ kind: 'nodes', edgesKey: connection.edgesKey, nodeKey: connection.nodeKey! });
      many = true;
      current = connection.node;
      i += 1;
      continue;
    }
    if (!next) {
      const known = [...current.children.keys(), ...(current.connection?.node ? current.connection.node.children.keys() : [])].filter((k) => k !== 'pageInfo' || current.connection === undefined);
      const at = segments.slice(0, i).join('.');
      throw new ReportProblem(`The ${what} "${path}" is not in the operation's selection: ${at ? `"${at}"` : 'a row'} selects no "${segment}" (it selects ${known.map((k) => `"${k}"`).join(', ') || 'nothing'}). Select the field in the query, or fix the path.`);
    }
    steps.push({ kind: 'field', key: segment });
    if (next.list) many = true;
    current = next;
  }
  return { steps, end: current, many };
}

/** Ends on the list's items: a connection's nodes. */
function toItems(compiled: { steps: Step[]; end: Shape; many: boolean }): { steps: Step[]; end: Shape; many: boolean } {
  const connection = compiled.end.connection;
  if (connection?.node && connection.edgesKey && connection.nodeKey) {
    return { steps: [...compiled.steps, { kind: 'nodes', edgesKey: connection.edgesKey, nodeKey: connection.nodeKey }], end: connection.node, many: true };
  }
  return compiled;
}

function parseOperation(query: unknown): DocumentNode {
  if (typeof query !== 'string' || query.trim() === '') throw new ReportProblem('"query" is required: one GraphQL query operation, as text.');
  try {
    return parse(query);
  } catch (error) {
    throw new ReportProblem(`The query is not valid GraphQL: ${(error as GraphQLError).message}`);
  }
}

/** Checks a report against the schema and rewrites it for paging; refuses with a sentence. */
export function prepareReport(spec: ReportSpec, schema: GraphQLSchema): PreparedReport {
  const parsed = parseOperation(spec.query);
  const operations = parsed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new ReportProblem(`The query must hold exactly one operation, not ${operations.length}.`);
  const operation = operations[0]!;
  if (operation.operation !== 'query') throw new ReportProblem(`A report or export only reads: this is a ${operation.operation}, which is refused here. Send mutations to /graphql.`);
  const invalid = validate(schema, parsed);
  if (invalid.length > 0) throw new ReportProblem(`The query does not fit the hub's schema: ${invalid.map((e) => e.message).join(' ')}`);
  if (operation.variableDefinitions?.some((v) => v.variable.name.value.startsWith('_hub'))) throw new ReportProblem('Variable names starting with "_hub" are kept for paging; rename the variable.');

  const fragments = new Map(parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const queryType = schema.getQueryType()!;
  const top: Shape = { key: '', name: '', type: queryType, list: false, children: new Map() };
  const rewriter = new Rewriter(schema, fragments);
  const selectionSet = rewriter.selectionSet(operation.selectionSet, queryType, top);
  const roots = [...top.children.values()];
  if (roots.length !== 1) throw new ReportProblem(`A report's query selects exactly one field at its root (the list its rows come from), not ${roots.length} (${roots.map((r) => r.key).join(', ')}).`);
  const root = roots[0]!;
  if (isLeafType(root.type)) throw new ReportProblem(`The root field "${root.key}" is a value, not a list of records to make rows of.`);

  // The rows' connection is paged by asking the whole operation again after each page.
  const rootPaged = Boolean(root.connection?.paged);
  let variableDefinitions = operation.variableDefinitions ?? [];
  let selections = selectionSet.selections;
  let pageSize: PreparedReport['pageSize'];
  if (rootPaged) {
    selections = selections.map((selection) => {
      if (selection.kind !== Kind.FIELD || (selection.alias?.value ?? selection.name.value) !== root.key) return selection;
      const args = (selection.arguments ?? []).filter((a) => a.name.value !== 'after');
      const first = args.find((a) => a.name.value === 'first');
      if (!first) {
        // No page size given: the export chooses it, through a variable of its own.
        args.push(argument('first', variable(FIRST_VARIABLE)));
        pageSize = { variable: FIRST_VARIABLE, fallback: EXPORT_PAGE_SIZE };
      } else if (first.value.kind === Kind.VARIABLE) {
        // `first: $first` with a default, that variable used nowhere else: the default is the
        // page size to fall back to, and a caller who gives the variable gets the pages asked for.
        const name = first.value.name.value;
        const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
        const fallback = definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : undefined;
        if (fallback !== undefined && countVariable(operation, name) === 1) pageSize = { variable: name, fallback };
      }
      args.push(argument('after', variable(AFTER_VARIABLE)));
      const rewritten = { ...selection, arguments: args };
      root.field = rewritten;
      return rewritten;
    });
    const named = (name: string) => ({ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } }) as const;
    variableDefinitions = [
      ...variableDefinitions,
      { kind: Kind.VARIABLE_DEFINITION, variable: variable(AFTER_VARIABLE), type: named('String') },
      ...(pageSize?.variable === FIRST_VARIABLE ? [{ kind: Kind.VARIABLE_DEFINITION as const, variable: variable(FIRST_VARIABLE), type: named('Int') }] : []),
    ];
  }
  const rewrittenOperation: OperationDefinitionNode = { ...operation, variableDefinitions, selectionSet: { ...selectionSet, selections } };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [rewrittenOperation] };
  const problems = validate(schema, document);
  if (problems.length > 0) throw new ReportProblem(`The query cannot be paged through as written: ${problems.map((e) => e.message).join(' ')} (an alias named "id" or "pageInfo" clashes with what paging adds).`);
  checkNestedPaging(root, root.key);

  const rowsCompiled = toItems(compilePath(spec.rows ?? root.key, top, 'rows path'));
  if (isLeafType(rowsCompiled.end.type)) throw new ReportProblem(`The rows path "${spec.rows}" ends on a value; it must name the list of records the rows come from.`);
  const rowShape = rowsCompiled.end;

  const explodePaths = [...(spec.explode ?? [])].sort((a, b) => a.split('.').length - b.split('.').length);
  const explodeShapes: Shape[] = [];
  const baseOf = (path: string) => {
    let best = -1;
    explodePaths.forEach((candidate, index) => {
      if (index < explodeShapes.length && path.startsWith(`${candidate}.`) && (best < 0 || candidate.length > explodePaths[best]!.length)) best = index;
    });
    return best;
  };
  const explode: CompiledPath[] = [];
  for (const path of explodePaths) {
    const base = baseOf(path);
    const relative = base < 0 ? path : path.slice(explodePaths[base]!.length + 1);
    const compiled = toItems(compilePath(relative, base < 0 ? rowShape : explodeShapes[base]!, 'exploded list'));
    if (!compiled.many) throw new ReportProblem(`The exploded list "${path}" is not a list: only a list or connection can give one row per item.`);
    explodeShapes.push(compiled.end);
    explode.push({ base, steps: compiled.steps });
  }

  if (!Array.isArray(spec.columns) || spec.columns.length === 0) throw new ReportProblem('A report needs at least one column (a path such as "name" or "province.region").');
  const headers = new Set<string>();
  const columns = spec.columns.map((column) => {
    const base = baseOf(column.path);
    const relative = base < 0 ? column.path : column.path.slice(explodePaths[base]!.length + 1);
    const compiled = compilePath(relative, base < 0 ? rowShape : explodeShapes[base]!, 'column path');
    if (!isLeafType(compiled.end.type)) {
      const inside = [...compiled.end.children.keys()].map((k) => `"${column.path}.${k}"`).join(', ');
      throw new ReportProblem(`The column path "${column.path}" ends on an object (${compiled.end.type.name}), not a value; name one of its fields${inside ? `, e.g. ${inside}` : ''}.`);
    }
    if (headers.has(column.header)) throw new ReportProblem(`Two columns are named "${column.header}"; give each its own header.`);
    headers.add(column.header);
    return { base, steps: compiled.steps, header: column.header, many: compiled.many };
  });

  const separator = spec.separator ?? DEFAULT_SEPARATOR;
  return {
    spec,
    document,
    operation: rewrittenOperation,
    root,
    rootPaged,
    rows: { base: -1, steps: rowsCompiled.steps },
    explode,
    columns,
    separator,
    pageSize,
    usedVariables: (node) => usedVariables(node, operation.variableDefinitions ?? []),
  };
}

/** How many times the operation uses a variable (its definition aside). */
function countVariable(operation: OperationDefinitionNode, name: string): number {
  let count = 0;
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown>;
    if (record.kind === Kind.VARIABLE && (record.name as { value: string }).value === name) count += 1;
    for (const [key, child] of Object.entries(record)) if (key !== 'loc') walk(child);
  };
  walk(operation.selectionSet);
  return count;
}

/** Every nested connection whose edges are wanted must be reachable again by its holder's id. */
function checkNestedPaging(shape: Shape, path: string): void {
  for (const child of shape.children.values()) {
    const here = path ? `${path}.${child.key}` : child.key;
    if (child.connection?.paged && !shape.lookup) {
      throw new ReportProblem(`The connection "${here}" cannot be paged through: ${shape.type.name} has no lookup by id at the root. Select only its totalCount, or query it from its own root field.`);
    }
    checkNestedPaging(child, here);
  }
}

function usedVariables(node: FieldNode, definitions: readonly VariableDefinitionNode[]): VariableDefinitionNode[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown>;
    if (record.kind === Kind.VARIABLE) names.add((record.name as { value: string }).value);
    for (const [key, child] of Object.entries(record)) if (key !== 'loc') walk(child);
  };
  walk(node);
  return definitions.filter((d) => names.has(d.variable.name.value));
}

/** Turns `"province.region"` or `"province.region=Region"` into a column. */
export function columnFromText(text: string): ReportColumn {
  const at = text.indexOf('=');
  const path = (at < 0 ? text : text.slice(0, at)).trim();
  const header = (at < 0 ? path : text.slice(at + 1)).trim();
  return { path, header: header || path };
}

/** Columns as given in a request or a spec file: strings ("path" or "path=Header") or {path, header}. */
export function readColumns(value: unknown): ReportColumn[] {
  if (!Array.isArray(value)) throw new ReportProblem('"columns" must be a list of paths, e.g. ["name", "province.region=Region"].');
  return value.map((item) => {
    if (typeof item === 'string') return columnFromText(item);
    if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') {
      const { path, header } = item as { path: string; header?: unknown };
      if (header !== undefined && typeof header !== 'string') throw new ReportProblem(`The header of column "${path}" must be text.`);
      return { path, header: header || path };
    }
    throw new ReportProblem(`Each column is a path ("province.region") or { "path": …, "header": … }; got ${JSON.stringify(item)}.`);
  });
}

/** A report spec from untrusted JSON (the save API, an ad hoc export). */
export function readSpec(input: Record<string, unknown>, name: string): ReportSpec {
  const optionalText = (field: string) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new ReportProblem(`"${field}" must be text.`);
    return value;
  };
  const explode = input.explode;
  if (explode !== undefined && explode !== null && !(Array.isArray(explode) && explode.every((e) => typeof e === 'string'))) throw new ReportProblem('"explode" must be a list of paths, e.g. ["participants"].');
  if (typeof input.query !== 'string') throw new ReportProblem('"query" is required: one GraphQL query operation, as text.');
  const separator = optionalText('separator');
  return {
    name,
    ...(optionalText('description') ? { description: optionalText('description') } : {}),
    query: input.query,
    ...(optionalText('rows') ? { rows: optionalText('rows') } : {}),
    columns: readColumns(input.columns),
    ...(Array.isArray(explode) && explode.length > 0 ? { explode: explode as string[] } : {}),
    ...(separator !== undefined ? { separator } : {}),
  };
}
