/**
 * Reports and exports over HTTP on the gateway:
 *
 * - `GET /reports` lists them, `GET /reports/<name>` shows one, `PUT /reports/<name>` saves one
 *   (hub:write; checked against the schema first, nothing stored when it does not fit),
 *   `DELETE /reports/<name>` removes one (the built-in ones cannot be removed);
 * - `GET /reports/<name>.csv|.json|.ndjson?<variables>&bom=true` exports a report's rows;
 * - `POST /export.csv|.json|.ndjson` with `{query, variables, columns, rows?, explode?}` exports
 *   an ad hoc query.
 *
 * Every page of an export is run through the gateway's own GraphQL path with the caller's
 * headers, so authentication, scopes, limits, rate limits and signing apply as to any request.
 * The first page is asked for before the answer starts, so most failures still get a status
 * and a sentence; a failure after that cuts the connection (the body is then visibly incomplete).
 */
import { hasScope, jsonReply, type Identity, type Logger, type RawRequest, type Reply, type RouteHandler } from '@hub/core';
import { GraphQLError, print, type GraphQLSchema } from 'graphql';
import type { Authenticate } from '../auth.js';
import type { SchemaRegistry } from '../registry/schema-registry.js';
import { BUILT_IN_NAMES, BUILT_IN_REPORTS } from './built-in.js';
import { CONTENT_TYPES, encodeRows, FORMATS, type Format } from './formats.js';
import { variablesFromParameters } from './query-variables.js';
import { checkReportName, prepareReport, readSpec, ReportProblem, type PreparedReport, type ReportSpec } from './report-definition.js';
import { ReportStore } from './report-store.js';
import { reportPages, type Execute } from './run-report.js';

export interface ReportRoutesOptions {
  authenticate: Authenticate;
  /** The API schema the gateway serves now (undefined until it has loaded one). */
  schema: () => GraphQLSchema | undefined;
  /** Runs a request through the gateway's GraphQL path (guard, context, plugins). */
  execute: (request: RawRequest) => Promise<Reply>;
  /** Saved reports and usage live in the registry; without one only the built-in reports exist. */
  registry?: SchemaRegistry;
  log: Logger;
}

/** The export's own query parameters, beside the report's variables. */
const RESERVED = new Set(['bom']);
/** Headers of the caller's request that each page of an export carries on. */
const FORWARDED = ['authorization', 'apollographql-client-name', 'apollographql-client-version', 'traceparent', 'x-forwarded-for'];
const AD_HOC = '(ad hoc)';

function problemReply(error: ReportProblem): Reply {
  return jsonReply(error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

function bodyObject(request: RawRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || 'null');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ReportProblem('The request body must be a JSON object, e.g. {"query": "…", "columns": ["name"]}.');
}

function splitFormat(file: string): { name: string; format?: Format } {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return { name: file };
  const extension = file.slice(dot + 1);
  if (!(FORMATS as readonly string[]).includes(extension)) throw new ReportProblem(`".${extension}" is not an export format; use .csv, .json or .ndjson.`, 404, 'UNKNOWN_FORMAT');
  return { name: file.slice(0, dot), format: extension as Format };
}

function bomOf(parameters: URLSearchParams, format: Format): boolean {
  const raw = parameters.get('bom');
  if (raw === null || raw === 'false') return false;
  if (raw !== 'true') throw new ReportProblem(`"bom" must be true or false, got ${JSON.stringify(raw)}.`);
  if (format !== 'csv') throw new ReportProblem('"bom=true" is for CSV (Excel); JSON and NDJSON are always UTF-8 without one.');
  return true;
}

/** The variables a report declares, as people read them: `$year: Int`. */
function variablesOf(prepared: PreparedReport): Array<{ name: string; type: string; default?: string }> {
  return (prepared.operation.variableDefinitions ?? [])
    .filter((d) => !d.variable.name.value.startsWith('_hub'))
    .map((d) => ({ name: d.variable.name.value, type: print(d.type), ...(d.defaultValue ? { default: print(d.defaultValue) } : {}) }));
}

export function reportRoutes(options: ReportRoutesOptions): Record<string, RouteHandler> {
  const { log, registry } = options;
  const store = registry ? new ReportStore(registry.db) : undefined;
  // Preparing is pure: the built-in reports are prepared once per schema the gateway serves.
  const builtIns = new WeakMap<GraphQLSchema, Map<string, PreparedReport>>();

  function currentSchema(): GraphQLSchema {
    const schema = options.schema();
    if (!schema) throw new ReportProblem('The gateway has not loaded its schema yet; try again in a moment.', 503, 'NOT_READY');
    return schema;
  }

  function refuseSafelisted(identity: Identity): void {
    if (identity.safelist) throw new ReportProblem("This token may run only published operations (it was created with --safelist), so it cannot save or remove reports; use an operator's or an editor's token.", 403, 'PERSISTED_OPERATIONS_ONLY');
  }

  async function identify(request: RawRequest, scope: 'hub:read' | 'hub:write'): Promise<Identity> {
    let identity: Identity;
    try {
      identity = await options.authenticate(request.headers.authorization);
    } catch (error) {
      const status = (error as GraphQLError).extensions?.http as { status?: number } | undefined;
      throw new ReportProblem((error as Error).message, status?.status ?? 401, 'UNAUTHENTICATED');
    }
    if (!hasScope(identity, scope)) {
      throw new ReportProblem(scope === 'hub:write' ? 'Saving or removing a report needs a token with the hub:write scope.' : 'Reading reports needs a token with the hub:read scope.', 403, 'FORBIDDEN');
    }
    return identity;
  }

  function prepared(spec: ReportSpec, schema: GraphQLSchema): PreparedReport {
    if (BUILT_IN_NAMES.has(spec.name) && spec === BUILT_IN_REPORTS.find((r) => r.name === spec.name)) {
      let cache = builtIns.get(schema);
      if (!cache) builtIns.set(schema, (cache = new Map()));
      let report = cache.get(spec.name);
      if (!report) cache.set(spec.name, (report = prepareReport(spec, schema)));
      return report;
    }
    return prepareReport(spec, schema);
  }

  async function findReport(name: string): Promise<{ spec: ReportSpec; builtIn: boolean; savedAt?: Date; savedBy?: string }> {
    const builtIn = BUILT_IN_REPORTS.find((report) => report.name === name);
    if (builtIn) return { spec: builtIn, builtIn: true };
    const saved = await store?.find(name);
    if (!saved) {
      const names = [...BUILT_IN_NAMES, ...((await store?.list()) ?? []).map((r) => r.name)];
      throw new ReportProblem(`There is no report "${name}"; the reports are ${names.join(', ')} (GET /reports lists them).`, 404, 'UNKNOWN_REPORT');
    }
    const { savedAt, savedBy, ...spec } = saved;
    return { spec, builtIn: false, savedAt, savedBy };
  }

  /**
   * Each page of an export, asked as the caller through the gateway's GraphQL path. A report the
   * hub holds (built in, or saved by someone with hub:write) is trusted like a published
   * operation, so a token limited to those may fetch it; an ad hoc export's query is the caller's.
   */
  function executeAs(request: RawRequest, trustedOperation: boolean): Execute {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return async (query, variables) => {
      const reply = await options.execute({ method: 'POST', url: new URL('http://gateway/graphql'), headers, body: Buffer.from(JSON.stringify({ query, variables })), remoteAddress: request.remoteAddress, trustedOperation, exportPage: true });
      let answer: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      try {
        answer = JSON.parse(String(reply.body));
      } catch {
        throw new ReportProblem(`The gateway answered a page of the export with HTTP ${reply.status} and no JSON.`, 502, 'EXPORT_FAILED');
      }
      const error = answer.errors?.[0];
      if (reply.status !== 200 || error || !answer.data) {
        // The caller's own problem (token, scope, limits, variables) keeps its status; a failure of the hub is a 502.
        const status = reply.status !== 200 ? reply.status : 502;
        const message = error?.message ?? `HTTP ${reply.status}`;
        const retryAfter = reply.headers?.['retry-after'];
        throw new ReportProblem(status === 502 ? `The hub could not answer a page of the export, so it was stopped: ${message}` : message, status, error?.extensions?.code ?? 'EXPORT_FAILED', retryAfter ? { 'retry-after': retryAfter } : {});
      }
      return answer.data;
    };
  }

  async function exportReply(request: RawRequest, report: PreparedReport, variables: Record<string, unknown>, format: Format, bom: boolean, usageName: string, identity: Identity): Promise<Reply> {
    const began = Date.now();
    const pages = reportPages(report, variables, executeAs(request, usageName !== AD_HOC));
    // The first page before the headers: a refusal still gets its status and sentence.
    const first = await pages.next();
    const client = (typeof request.headers['apollographql-client-name'] === 'string' && request.headers['apollographql-client-name'].slice(0, 64)) || identity.subject || 'anonymous';
    let rows = 0;
    async function* all() {
      let failed = false;
      try {
        if (first.done) return;
        yield first.value;
        yield* pages;
      } catch (error) {
        failed = true;
        log.warn('an export stopped part way; the connection was cut', { report: usageName, error: (error as Error).message });
        throw error;
      } finally {
        log.info('export served', { report: usageName, format, client, rows, ms: Date.now() - began, outcome: failed ? 'error' : 'ok' });
        // Counted off the request path: a registry hiccup must not cost the client its export.
        registry?.recordReportFetch({ report: usageName, client, format, rows, failed }).catch((error) => log.warn('a report fetch could not be counted', { error: (error as Error).message }));
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    const filename = `${usageName === AD_HOC ? 'export' : usageName}-${day}.${format}`;
    return {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
      body: encodeRows(format, report.columns.map((c) => c.header), all(), { bom, separator: report.separator, onRows: (count) => (rows += count) }),
    };
  }

  const guarded =
    (handle: (request: RawRequest) => Promise<Reply>): RouteHandler =>
    async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof ReportProblem) return problemReply(error);
        log.error('report request failed', { error, path: request.url.pathname });
        return jsonReply(503, { error: { code: 'REPORTS_UNAVAILABLE', message: `The reports could not be read or written (${(error as Error).message}); nothing was changed. Try again shortly.` } });
      }
    };

  const listReports = async (request: RawRequest): Promise<Reply> => {
    await identify(request, 'hub:read');
    const saved = (await store?.list()) ?? [];
    return jsonReply(200, {
      reports: [
        ...BUILT_IN_REPORTS.map((r) => ({ name: r.name, description: r.description ?? null, builtIn: true, columns: r.columns.length })),
        ...saved.map((r) => ({ name: r.name, description: r.description ?? null, builtIn: false, columns: r.columns.length, savedAt: r.savedAt, savedBy: r.savedBy })),
      ],
    });
  };

  const oneReport = async (request: RawRequest): Promise<Reply> => {
    const file = decodeURIComponent(request.url.pathname.replace(/^\/reports\//, '').replace(/\/$/, ''));
    const { name, format } = splitFormat(file);
    if (format) {
      if (request.method !== 'GET') throw new ReportProblem(`An export is fetched with GET, not ${request.method}.`, 405, 'METHOD_NOT_ALLOWED');
      const identity = await identify(request, 'hub:read');
      const found = await findReport(checkReportName(name));
      const schema = currentSchema();
      let report: PreparedReport;
      try {
        report = prepared(found.spec, schema);
      } catch (error) {
        if (error instanceof ReportProblem) throw new ReportProblem(`The saved report "${name}" no longer fits the schema the hub serves: ${error.message} Save it again, fixed.`, 422, 'REPORT_OUTDATED');
        throw error;
      }
      const bom = bomOf(request.url.searchParams, format);
      const variables = variablesFromParameters(schema, report.operation, request.url.searchParams, RESERVED);
      return exportReply(request, report, variables, format, bom, name, identity);
    }
    checkReportName(name);
    if (request.method === 'GET') {
      await identify(request, 'hub:read');
      const found = await findReport(name);
      let variables: ReturnType<typeof variablesOf> = [];
      let fits: string | true = true;
      try {
        variables = variablesOf(prepared(found.spec, currentSchema()));
      } catch (error) {
        if (!(error instanceof ReportProblem)) throw error;
        fits = error.message;
      }
      return jsonReply(200, { ...found.spec, builtIn: found.builtIn, variables, fitsSchema: fits, ...(found.savedAt ? { savedAt: found.savedAt, savedBy: found.savedBy } : {}), urls: FORMATS.map((f) => `/reports/${name}.${f}`) });
    }
    if (request.method === 'PUT') {
      const identity = await identify(request, 'hub:write');
      // Saving a report publishes a query others' safelisted tokens may run: not for a token that may itself run only published ones.
      refuseSafelisted(identity);
      if (BUILT_IN_NAMES.has(name)) throw new ReportProblem(`"${name}" is a built-in report and cannot be replaced; save yours under another name.`, 409, 'BUILT_IN');
      if (!store) throw new ReportProblem('Reports cannot be saved: this gateway has no registry database (set HUB_REGISTRY_MONGODB_URI).', 503, 'NO_REGISTRY');
      const spec = readSpec(bodyObject(request), name);
      const report = prepareReport(spec, currentSchema());
      const replaced = await store.save(spec, identity.subject ?? 'anonymous');
      log.info(replaced ? 'report replaced' : 'report saved', { report: name, by: identity.subject });
      return jsonReply(replaced ? 200 : 201, { name, replaced, variables: variablesOf(report), columns: report.columns.map((c) => c.header), urls: FORMATS.map((f) => `/reports/${name}.${f}`) });
    }
    if (request.method === 'DELETE') {
      const identity = await identify(request, 'hub:write');
      refuseSafelisted(identity);
      if (BUILT_IN_NAMES.has(name)) throw new ReportProblem(`"${name}" is a built-in report and cannot be removed.`, 409, 'BUILT_IN');
      if (!(await store?.remove(name))) throw new ReportProblem(`There is no saved report "${name}"; nothing was removed.`, 404, 'UNKNOWN_REPORT');
      log.info('report removed', { report: name, by: identity.subject });
      return jsonReply(200, { name, removed: true });
    }
    throw new ReportProblem(`${request.method} is not supported on a report: GET shows it, PUT saves it, DELETE removes it.`, 405, 'METHOD_NOT_ALLOWED');
  };

  const adHoc =
    (format: Format) =>
    async (request: RawRequest): Promise<Reply> => {
      if (request.method !== 'POST') throw new ReportProblem(`An ad hoc export is a POST with {"query", "variables", "columns"}, not a ${request.method}.`, 405, 'METHOD_NOT_ALLOWED');
      const identity = await identify(request, 'hub:read');
      const input = bodyObject(request);
      const variables = input.variables ?? {};
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw new ReportProblem('"variables" must be a JSON object of the operation\'s variables.');
      const report = prepareReport(readSpec(input, 'export'), currentSchema());
      const bom = bomOf(request.url.searchParams, format);
      return exportReply(request, report, variables as Record<string, unknown>, format, bom, AD_HOC, identity);
    };

  return {
    '/reports': guarded(async (request) => {
      if (request.method !== 'GET') throw new ReportProblem('GET /reports lists the reports; a report is saved with PUT /reports/<name>.', 405, 'METHOD_NOT_ALLOWED');
      return listReports(request);
    }),
    '/reports/*': guarded(oneReport),
    ...Object.fromEntries(FORMATS.map((format) => [`/export.${format}`, guarded(adHoc(format))])),
  };
}
