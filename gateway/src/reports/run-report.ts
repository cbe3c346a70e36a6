/**
 * Runs a prepared report page by page and turns each page into rows, so an export is written as
 * its pages arrive and never held whole. The rows' connection is asked for again with each
 * page's `endCursor`; a nested connection with more pages (a committee's events) is completed
 * for that one holder through the type's lookup by id, before the page's rows are made.
 */
import { EXPORT_PAGE_SIZE } from '@hub/core';
import { Kind, print, type ArgumentNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { AFTER_VARIABLE, ID_VARIABLE, ReportProblem, type CompiledPath, type PreparedReport, type Shape, type Step } from './report-definition.js';

/** Refusals that a smaller page would meet again: the caller's token, scopes and rate. */
const KEEPS = new Set([401, 403, 429]);

/** Runs one GraphQL operation as the caller; throws a ReportProblem when the answer has errors. */
export type Execute = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

/** A row: one value per column; a list that is not exploded stays an array. */
export type Row = unknown[];

type Json = Record<string, any>;

/** Follows the steps from a value; `many` when a list or connection was crossed. */
function walk(start: unknown, steps: readonly Step[]): unknown[] {
  let current: unknown[] = [start];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (step.kind === 'field') {
        const child = (value as Json)[step.key];
        if (Array.isArray(child)) next.push(...child);
        else next.push(child);
      } else {
        for (const edge of ((value as Json)[step.edgesKey] as Json[] | null) ?? []) next.push(edge?.[step.nodeKey]);
      }
    }
    current = next;
  }
  return current;
}

/** The rows one page of data gives: one per row item, times every exploded list's items. */
export function rowsOf(report: PreparedReport, data: Json): Row[] {
  const rows: Row[] = [];
  const items = walk(data, report.rows.steps).filter((item) => item !== null && item !== undefined);
  for (const item of items) {
    let bindings: unknown[][] = [[]];
    report.explode.forEach((path: CompiledPath) => {
      const expanded: unknown[][] = [];
      for (const bound of bindings) {
        const from = path.base < 0 ? item : bound[path.base];
        for (const value of walk(from, path.steps)) if (value !== null && value !== undefined) expanded.push([...bound, value]);
      }
      bindings = expanded;
    });
    for (const bound of bindings) {
      rows.push(
        report.columns.map((column) => {
          const values = walk(column.base < 0 ? item : bound[column.base], column.steps);
          return column.many ? values.filter((v) => v !== null && v !== undefined) : (values[0] ?? null);
        }),
      );
    }
  }
  return rows;
}

/** The operation that asks one holder (by id) for the next page of its nested connection. */
function nestedPageQuery(report: PreparedReport, holder: Shape, connection: Shape): string {
  const withAfter = {
    ...connection.field!,
    arguments: [
      ...(connection.field!.arguments ?? []).filter((a) => a.name.value !== 'after'),
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } } } as ArgumentNode,
    ],
  };
  const variableType = (name: string, nonNull: boolean) => {
    const named = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } } as const;
    return nonNull ? ({ kind: Kind.NON_NULL_TYPE, type: named } as const) : named;
  };
  const variable = (name: string, type: string, nonNull: boolean) => ({ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }, type: variableType(type, nonNull) });
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: `${report.operation.name?.value ?? 'Export'}NextPage` },
    variableDefinitions: [...report.usedVariables(connection.field!), variable(ID_VARIABLE, 'ID', true), variable(AFTER_VARIABLE, 'String', false)] as never,
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          kind: Kind.FIELD,
          name: { kind: Kind.NAME, value: holder.lookup! },
          arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ID_VARIABLE } } }],
          selectionSet: { kind: Kind.SELECTION_SET, selections: [withAfter] },
        },
      ],
    },
  };
  return print({ kind: Kind.DOCUMENT, definitions: [operation] } as DocumentNode);
}

/**
 * Fetches the remaining pages of every nested connection under `value` (whose selection is
 * `shape`), appending their edges in place; then goes on into what those edges hold.
 */
async function completeNested(report: PreparedReport, value: unknown, shape: Shape, variables: Record<string, unknown>, execute: Execute, nested: boolean): Promise<void> {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) await completeNested(report, item, shape, variables, execute, nested);
    return;
  }
  const object = value as Json;
  for (const child of shape.children.values()) {
    const childValue = object[child.key];
    if (childValue === null || childValue === undefined) continue;
    const connection = child.connection;
    if (connection?.paged && connection.edgesKey) {
      // The rows' own connection is paged by the caller; nested ones are completed here.
      if (nested) {
        const query = nestedPageQuery(report, shape, child);
        let pageInfo = childValue.pageInfo as { hasNextPage: boolean; endCursor: string | null };
        while (pageInfo?.hasNextPage && pageInfo.endCursor) {
          const data = await execute(query, { ...variables, [ID_VARIABLE]: object.id, [AFTER_VARIABLE]: pageInfo.endCursor });
          const next = data[shape.lookup!]?.[child.key];
          if (!next) break;
          childValue[connection.edgesKey].push(...(next[connection.edgesKey] ?? []));
          pageInfo = next.pageInfo;
          childValue.pageInfo = pageInfo;
        }
      }
      const edges = childValue[connection.edgesKey] as Json[];
      const edgeShape = child.children.get(connection.edgesKey)!;
      await completeNested(report, edges, edgeShape, variables, execute, true);
      continue;
    }
    if (child.children.size > 0) await completeNested(report, childValue, child, variables, execute, true);
  }
}

/**
 * The report's rows, a page at a time. Everything is asked for as the caller (`execute`), so
 * the gateway's scopes, limits and signing apply to every page.
 */
export async function* reportPages(report: PreparedReport, variables: Record<string, unknown>, execute: Execute): AsyncGenerator<Row[]> {
  const query = print(report.document);
  const seen = new Set<string>();
  // A page size the caller left to the export: the larger export pages of the hub's own
  // subgraphs, since every page costs the store a scan. If that first page is refused (a
  // partner's list that serves no more than 100, a report whose larger page costs more than
  // HUB_MAX_COST), the export runs on the report's own page size, as it always did.
  const sized = report.rootPaged && report.pageSize && variables[report.pageSize.variable] === undefined ? report.pageSize : undefined;
  let pageVariables = sized ? { ...variables, [sized.variable]: Math.max(EXPORT_PAGE_SIZE, sized.fallback) } : variables;
  const page = (after: string | null) => execute(query, report.rootPaged ? { ...pageVariables, [AFTER_VARIABLE]: after } : pageVariables);
  const firstPage = async () => {
    try {
      return await page(null);
    } catch (error) {
      if (!sized || pageVariables[sized.variable] === sized.fallback || !(error instanceof ReportProblem) || KEEPS.has(error.status)) throw error;
      pageVariables = { ...variables, [sized.variable]: sized.fallback };
      return page(null);
    }
  };
  let next: Promise<Record<string, any>> | undefined = firstPage();
  while (next) {
    const data = await next;
    next = undefined;
    if (report.rootPaged) {
      const pageInfo = data[report.root.key]?.pageInfo as { hasNextPage: boolean; endCursor: string | null } | undefined;
      if (pageInfo?.hasNextPage && pageInfo.endCursor) {
        // A cursor seen before would page forever; the subgraphs' cursors never repeat, but be sure.
        if (seen.has(pageInfo.endCursor)) throw new ReportProblem('The list returned the same page twice; the export was stopped.', 502, 'PAGING_FAILED');
        seen.add(pageInfo.endCursor);
        // The next page is asked for now, while this one's rows are made and written: the
        // subgraphs and the store work on it meanwhile. At most one page waits beside the one
        // being written, so memory stays flat; a failure of it surfaces when its turn comes.
        next = page(pageInfo.endCursor);
        next.catch(() => undefined);
      }
    }
    const top: Shape = { key: '', name: '', type: report.root.type, list: false, children: new Map([[report.root.key, report.root]]) };
    await completeNested(report, data, top, variables, execute, false);
    yield rowsOf(report, data);
  }
}
