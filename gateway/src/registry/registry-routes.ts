/**
 * The registry's HTTP API on the gateway (`/registry/…`), which the `hub` command and a
 * partner's CI call with a bearer token. JSON in, JSON out; every refusal is a status and a
 * sentence saying what to do. Operators use a token with hub:admin; a partner uses the publish
 * token it received, which is good for its own subgraph only.
 */
import { hasScope, jsonReply, signRequest, type Identity, type Logger, type RawRequest, type Reply, type RouteHandler } from '@hub/core';
import { HUB_SUBGRAPHS, ownCoordinates, unservedDifferences } from '@hub/schema';
import type { Authenticate } from '../auth.js';
import { verifyChain, type AuditEntry, type AuditLog } from '../audit/audit-log.js';
import { checkWrites } from '../audit/write-check.js';
import { isPublishToken, type Partner, type SubgraphEntry } from './schema-registry.js';
import { RegistryRefusal, type RegistryService } from './registry-service.js';
import { body, HttpRefusal, refuse, text } from './http-input.js';

const NAME = /^[a-z][a-z0-9-]{1,39}$/;
const BUILT_IN = new Set(HUB_SUBGRAPHS.map((subgraph) => subgraph.name));
/** Names that would read as the hub itself in logs, metrics and errors (`serviceName`). */
const RESERVED = new Set(['gateway', 'registry', 'hub', 'admin', 'api', 'graphql', 'health', 'metrics', 'ide', 'store', 'launcher', 'schema', 'supergraph', 'subgraph', 'subgraphs', 'partner', 'partners', 'usage']);
/**
 * Who the registry's own calls to a subgraph (asking `_service` for its SDL) say they come
 * from, in the signed identity header: not a caller of the graph, so no hub:read.
 */
const REGISTRY_IDENTITY = Buffer.from(JSON.stringify({ sub: 'hub:registry', scopes: ['hub:registry'] })).toString('base64url');

type Caller = { kind: 'operator'; identity: Identity } | { kind: 'partner'; partner: Partner };

export interface RegistryRoutesOptions {
  service: RegistryService;
  /** The audit log, read by `hub audit verify|show|writes` (hub:admin). */
  audit: AuditLog;
  /** The hub's own subgraphs, whose write logs `hub audit writes` checks against the audit log. */
  writeLogs: () => ReadonlyArray<{ name: string; url: string; secret: string }>;
  authenticate: Authenticate;
  log: Logger;
  /** How long a rotated-out secret is still sent beside the new one. */
  rotationGraceMs: number;
  /** How long to wait for a partner's subgraph when asking it for its SDL. */
  timeoutMs: number;
  /** More endpoints under /registry (tokens, persisted operations), given the same access checks. */
  more?: (access: RegistryAccess) => Record<string, RegistryHandler>;
}

/** An endpoint, keyed like `"GET tokens"`; called with the parts of the path that `*` matched. */
export type RegistryHandler = (request: RawRequest, parts: string[]) => Promise<Reply>;

/** Who may call an endpoint: each returns the caller or throws the refusal (401/403). */
export interface RegistryAccess {
  admin(request: RawRequest): Promise<Identity>;
  reader(request: RawRequest): Promise<unknown>;
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw refuse(400, 'BAD_NAME', `"${name}" is not a valid subgraph name: use 2 to 40 lower-case letters, digits and dashes, starting with a letter (e.g. "media").`);
  if (RESERVED.has(name)) throw refuse(400, 'RESERVED_NAME', `"${name}" is reserved for the hub itself (it would read as the hub in logs, metrics and errors); choose another name, e.g. the ministry's.`);
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(400, 'BAD_URL', `"${raw}" is not a URL; give the subgraph's GraphQL endpoint, e.g. http://media.example:4010/graphql.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse(400, 'BAD_URL', `"${raw}" is not an http:// or https:// URL; the gateway calls subgraphs over HTTP.`);
  return url.toString();
}

function daysOf(request: RawRequest): number {
  const days = Number(request.url.searchParams.get('days') ?? '30');
  if (!(Number.isInteger(days) && days > 0 && days <= 3650)) throw refuse(400, 'BAD_REQUEST', '"days" must be a whole number of days from 1 to 3650.');
  return days;
}

/** `--since`: a date or date-time (ISO 8601), or how far back from now (30m, 12h, 7d). */
export function parseSince(raw: string, now = Date.now()): Date {
  const relative = /^(\d+)(m|h|d)$/.exec(raw);
  if (relative) return new Date(now - Number(relative[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 'm' | 'h' | 'd']);
  const at = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(raw) ? new Date(raw) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw refuse(400, 'BAD_REQUEST', `"since" must be a date (2026-11-30, 2026-11-30T08:00Z) or a time back from now (30m, 12h, 7d), got "${raw}".`);
  return at;
}

export function registryRoutes(options: RegistryRoutesOptions): Record<string, RouteHandler> {
  const { service, log } = options;
  const registry = service.registry;

  async function caller(request: RawRequest): Promise<Caller> {
    const header = request.headers.authorization;
    const token = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
    if (token && isPublishToken(token)) {
      const partner = await registry.partnerByToken(token);
      if (!partner) throw refuse(401, 'UNAUTHENTICATED', 'This publish token is not known to the registry (revoked, or the partner was removed); ask the hub operator for a new one.');
      return { kind: 'partner', partner };
    }
    if (!header) throw refuse(401, 'UNAUTHENTICATED', 'The registry needs a bearer token: set HUB_TOKEN to an operator token with hub:admin, or to your publish token.');
    try {
      return { kind: 'operator', identity: await options.authenticate(header) };
    } catch (error) {
      throw refuse(401, 'UNAUTHENTICATED', (error as Error).message);
    }
  }

  async function admin(request: RawRequest): Promise<Identity> {
    const who = await caller(request);
    if (who.kind === 'operator' && hasScope(who.identity, 'hub:admin')) return who.identity;
    throw refuse(403, 'FORBIDDEN', 'This needs an operator token with the hub:admin scope.');
  }

  /** A reader: the partner behind a publish token, or an operator token with hub:read. */
  async function reader(request: RawRequest): Promise<Caller> {
    const who = await caller(request);
    if (who.kind === 'partner' || hasScope(who.identity, 'hub:read')) return who;
    throw refuse(403, 'FORBIDDEN', 'This needs a token with the hub:read scope.');
  }

  /** An operator with hub:admin, or the partner that owns `name`. */
  async function publisher(request: RawRequest, name: string): Promise<string> {
    const who = await caller(request);
    if (who.kind === 'partner') {
      if (who.partner._id !== name) throw refuse(403, 'FORBIDDEN', `This publish token is for the "${who.partner._id}" subgraph, not "${name}".`);
      return `partner:${name}`;
    }
    if (hasScope(who.identity, 'hub:admin')) return who.identity.subject ?? 'operator';
    throw refuse(403, 'FORBIDDEN', `Publishing "${name}" needs its publish token or an operator token with hub:admin.`);
  }

  /**
   * The SDL a running subgraph serves, asked for as the gateway would ask (signed with its
   * secret). Every way it can go wrong gets its own sentence: not reached at all, reached but
   * refusing the signature, the wrong path, or an answer without the SDL.
   */
  async function introspect(partner: Partner, url: string): Promise<string> {
    const request = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = { 'content-type': 'application/json', ...signRequest(partner.secrets.filter((s) => !s.retiresAt || s.retiresAt > new Date()).map((s) => s.secret), REGISTRY_IDENTITY, request) };
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: 'POST', headers, body: request, signal: AbortSignal.timeout(options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      throw refuse(424, 'SUBGRAPH_UNREACHABLE', `Cannot reach the subgraph at ${url} (${cause}); start it, or give the URL where it answers in the request's "url" field. Nothing was stored.`);
    }
    const answered = `The subgraph at ${url} answered HTTP ${response.status}`;
    if (response.status === 401 || response.status === 403) {
      throw refuse(424, 'SUBGRAPH_REFUSED_SIGNATURE', `${answered}: your subgraph refused the gateway's signature: check the signing secret from \`hub partner add\` (or the latest \`hub partner rotate\`) is the one it verifies with. Nothing was stored.`);
    }
    if (response.status === 404) throw refuse(424, 'SUBGRAPH_NOT_FOUND', `${answered}: nothing serves GraphQL at that path; the URL's path is wrong (give the GraphQL endpoint, e.g. …/graphql, in the "url" field). Nothing was stored.`);
    let answer: { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw refuse(424, 'SUBGRAPH_BAD_ANSWER', `${answered} with something other than JSON (${JSON.stringify(text.slice(0, 80))}); is the URL its GraphQL endpoint? Nothing was stored.`);
    }
    const sdl = answer?.data?._service?.sdl;
    if (!sdl) throw refuse(424, 'SUBGRAPH_BAD_ANSWER', `${answered} without its SDL from _service (${answer?.errors?.[0]?.message ?? 'no data'}); it must serve Federation's _service field to the registry's identity (sub "hub:registry"). Nothing was stored.`);
    return sdl;
  }

  /** The candidate a check or publish is about, from the body: SDL given, or introspected. */
  async function candidate(name: string, input: Record<string, unknown>): Promise<{ entry: SubgraphEntry; partner: Partner }> {
    if (BUILT_IN.has(name)) throw refuse(409, 'BUILT_IN', `"${name}" is one of the hub's own subgraphs; they are published from the hub's checkout by npm start.`);
    const partner = await registry.partner(name);
    if (!partner) throw refuse(404, 'UNKNOWN_SUBGRAPH', `No partner "${name}" is registered; an operator adds it first with \`hub partner add ${name} --url <url>\`.`);
    const url = checkUrl(text(input.url, 'url', false) ?? partner.url);
    if (input.introspect === true && input.sdl !== undefined && input.sdl !== null) throw refuse(400, 'BAD_REQUEST', 'Give either "sdl" or "introspect": true, not both: one schema is checked.');
    const sdl = input.introspect === true ? await introspect(partner, url) : text(input.sdl, 'sdl', true);
    return { entry: { name, url, sdl, builtIn: false }, partner };
  }

  const handlers: Record<string, RegistryHandler> = {
    // Other registry records (tokens, operations…) are not a partner's: a publish token reads only what PARTNERS.md lists.
    ...options.more?.({
      admin,
      reader: async (request) => {
        const who = await reader(request);
        if (who.kind === 'partner') throw refuse(403, 'FORBIDDEN', "A publish token reads only its own subgraph's schema and usage; this needs a token with hub:read.");
        return who;
      },
    }),
    'POST partners': async (request) => {
      await admin(request);
      const input = body(request);
      const name = text(input.name, 'name', true);
      if (BUILT_IN.has(name)) throw refuse(409, 'BUILT_IN', `"${name}" clashes with one of the hub's own subgraphs; choose another name.`);
      checkName(name);
      const url = checkUrl(text(input.url, 'url', true));
      if (await registry.partner(name)) throw refuse(409, 'EXISTS', `A partner named "${name}" is already registered; \`hub partner rotate ${name}\` gives it a new secret.`);
      const { partner, secret, publishToken } = await registry.addPartner(name, url, text(input.contact, 'contact', false));
      log.info('partner registered', { partner: name, url });
      return jsonReply(201, { name, url: partner.url, contact: partner.contact ?? null, secret, publishToken });
    },
    'GET partners': async (request) => {
      await admin(request);
      const { subgraphs } = await service.current();
      const partners = await registry.listPartners();
      return jsonReply(200, {
        partners: partners.map((p) => ({
          name: p._id,
          url: p.url,
          contact: p.contact ?? null,
          createdAt: p.createdAt,
          published: subgraphs.some((s) => s.name === p._id),
          secrets: p.secrets.map((s) => ({ createdAt: s.createdAt, retiresAt: s.retiresAt ?? null })),
        })),
      });
    },
    'POST partners/*/rotate': async (request, [name]) => {
      await admin(request);
      const input = body(request);
      if (input.revokeOld !== undefined && typeof input.revokeOld !== 'boolean') throw refuse(400, 'BAD_REQUEST', '"revokeOld" must be true or false.');
      // A leaked secret must stop working now, not at the end of the grace period.
      const rotated = await registry.rotatePartner(name!, input.revokeOld === true ? 0 : options.rotationGraceMs);
      if (!rotated) throw refuse(404, 'UNKNOWN_SUBGRAPH', `No partner "${name}" is registered.`);
      log.info('partner secret rotated', { partner: name, oldRetiresAt: rotated.oldRetiresAt, revokedOld: input.revokeOld === true });
      return jsonReply(200, { name, secret: rotated.secret, oldSecretRetiresAt: rotated.oldRetiresAt, revokedOld: input.revokeOld === true });
    },
    'POST partners/*/publish-token': async (request, [name]) => {
      await admin(request);
      const publishToken = await registry.rotatePublishToken(name!);
      if (!publishToken) throw refuse(404, 'UNKNOWN_SUBGRAPH', `No partner "${name}" is registered.`);
      log.info('partner publish token replaced', { partner: name });
      return jsonReply(200, { name, publishToken });
    },
    'DELETE partners/*': async (request, [name]) => {
      await admin(request);
      const { subgraphs } = await service.current();
      if (subgraphs.some((s) => s.name === name)) throw refuse(409, 'STILL_PUBLISHED', `"${name}" is still part of the graph; remove it first with \`hub subgraph remove ${name}\`.`);
      if (!(await registry.removePartner(name!))) throw refuse(404, 'UNKNOWN_SUBGRAPH', `No partner "${name}" is registered.`);
      log.info('partner removed', { partner: name });
      return jsonReply(200, { name, removed: true });
    },
    'GET subgraphs': async (request) => {
      await reader(request);
      const { version, subgraphs } = await service.current();
      return jsonReply(200, { version: version?._id ?? null, subgraphs: subgraphs.map(({ name, url, builtIn }) => ({ name, url, builtIn })) });
    },
    'POST subgraphs/*/check': async (request, [name]) => {
      await publisher(request, name!);
      const { entry } = await candidate(name!, body(request));
      const report = await service.check({ candidate: entry });
      return jsonReply(200, report);
    },
    'POST subgraphs/*/publish': async (request, [name]) => {
      const author = await publisher(request, name!);
      const input = body(request);
      const { entry, partner } = await candidate(name!, input);
      // The gateway must be able to reach what it is about to route to, with the partner's
      // secret; and what it would route to must serve the schema being published.
      if (input.introspect !== true) {
        const differing = unservedDifferences(entry.sdl, await introspect(partner, entry.url));
        if (differing.length > 0) {
          throw refuse(422, 'SDL_MISMATCH', `The subgraph at ${entry.url} serves a different schema from the one given: it does not serve ${differing.slice(0, 8).join(', ')}${differing.length > 8 ? ', …' : ''} as given; deploy it first, or publish what it serves with "introspect": true. Nothing was stored.`);
        }
      }
      const { version, report, unchanged } = await service.publish({ candidate: entry, author, action: `publish ${name}` });
      // One source of truth for where the partner answers: the registered URL follows the published one.
      if (entry.url !== partner.url) await registry.setPartnerUrl(name!, entry.url);
      if (unchanged) return jsonReply(200, { version: version._id, hash: version.hash, unchanged: true, message: `Already serving this schema (version ${version._id}); nothing was stored.`, report });
      log.info('subgraph published', { subgraph: name, version: version._id, author });
      return jsonReply(201, { version: version._id, hash: version.hash, unchanged: false, report });
    },
    'DELETE subgraphs/*': async (request, [name]) => {
      const identity = await admin(request);
      if (BUILT_IN.has(name!)) throw refuse(409, 'BUILT_IN', `"${name}" is one of the hub's own subgraphs and cannot be removed.`);
      const { subgraphs } = await service.current();
      if (!subgraphs.some((s) => s.name === name)) throw refuse(404, 'UNKNOWN_SUBGRAPH', `"${name}" is not part of the graph.`);
      const force = request.url.searchParams.get('force') === 'true';
      const { version, report } = await service.publish({ remove: name!, force, author: identity.subject ?? 'operator', action: `remove ${name}` });
      log.info('subgraph removed', { subgraph: name, version: version._id });
      return jsonReply(200, { version: version._id, report });
    },
    'GET schema/history': async (request) => {
      await reader(request);
      return jsonReply(200, { versions: (await registry.history()).map(({ _id, ...rest }) => ({ version: _id, ...rest })) });
    },
    'GET schema': async (request) => {
      await reader(request);
      const raw = request.url.searchParams.get('version');
      const number = raw === null ? undefined : Number(raw);
      if (number !== undefined && !(Number.isInteger(number) && number > 0)) throw refuse(400, 'BAD_REQUEST', `"version" must be a version number (1, 2, …), got "${raw}".`);
      const version = number === undefined ? await registry.latest() : await registry.version(number);
      if (!version) throw refuse(404, 'UNKNOWN_VERSION', number === undefined ? 'The registry has no version yet.' : `There is no version ${number}; \`hub schema history\` lists them.`);
      const { _id, ...rest } = version;
      return jsonReply(200, { version: _id, ...rest });
    },
    'POST schema/rollback': async (request) => {
      const identity = await admin(request);
      const input = body(request);
      const to = input.to;
      if (!(typeof to === 'number' && Number.isInteger(to) && to > 0)) throw refuse(400, 'BAD_REQUEST', '"to" must be a version number (1, 2, …).');
      if (input.force !== undefined && typeof input.force !== 'boolean') throw refuse(400, 'BAD_REQUEST', '"force" must be true or false.');
      const { version, report, unchanged } = await service.rollback(to, identity.subject ?? 'operator', input.force === true);
      if (unchanged) return jsonReply(200, { version: version._id, hash: version.hash, restored: to, unchanged: true, message: `Already serving what version ${to} served (version ${version._id}); nothing was stored.`, report });
      log.info('schema rolled back', { to, version: version._id });
      return jsonReply(201, { version: version._id, hash: version.hash, restored: to, unchanged: false, report });
    },
    'GET usage': async (request) => {
      const who = await reader(request);
      const coordinate = request.url.searchParams.get('coordinate');
      const days = daysOf(request);
      if (coordinate !== null && !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*(\([A-Za-z_]\w*:\))?)?$/.test(coordinate)) {
        throw refuse(400, 'BAD_REQUEST', `"${coordinate}" is not a schema coordinate; use Type, Type.field or Type.field(arg:).`);
      }
      const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
      if (who.kind === 'operator') return jsonReply(200, { since, coordinate, operations: await registry.usageOf(coordinate ? [coordinate] : undefined, since) });
      // A publish token reads the usage of its own subgraph's fields only: what it needs to
      // plan a change, and nothing about how clients use the rest of the graph.
      const { subgraphs } = await service.current();
      const mine = subgraphs.find((subgraph) => subgraph.name === who.partner._id);
      const own = mine ? ownCoordinates(mine.sdl, subgraphs.filter((subgraph) => subgraph !== mine).map((subgraph) => subgraph.sdl)) : new Set<string>();
      if (coordinate !== null && ![...own].some((field) => field === coordinate || field.startsWith(`${coordinate}.`) || coordinate.startsWith(`${field}(`))) {
        throw refuse(403, 'FORBIDDEN', `A publish token reads the usage of its own subgraph's fields only, and "${coordinate}" is not one of "${who.partner._id}"'s${mine ? '' : ' (it is not published)'}; an operator token with hub:read reads the rest.`);
      }
      const rows = await registry.usageOf(coordinate ? [coordinate] : [...own], since);
      const operations = rows.map((row) => ({ ...row, coordinates: row.coordinates.filter((used) => own.has(used.replace(/\(.*$/, ''))) })).filter((row) => row.coordinates.length > 0);
      return jsonReply(200, { since, coordinate, scope: `the fields of the ${who.partner._id} subgraph`, operations });
    },
    'GET usage/reports': async (request) => {
      await reader(request);
      const report = request.url.searchParams.get('report') ?? undefined;
      const since = new Date(Date.now() - daysOf(request) * 86_400_000).toISOString().slice(0, 10);
      return jsonReply(200, { since, report: report ?? null, reports: await registry.reportUsageSince(since, report) });
    },
  };

  const auditHandlers: Record<string, (request: RawRequest) => Promise<Reply>> = {
    'GET audit/verify': async (request) => {
      await admin(request);
      // Waiting entries first, so a verify right after a request sees it.
      await options.audit.flush();
      return jsonReply(200, await verifyChain(options.audit.entries));
    },
    'GET audit/entries': async (request) => {
      await admin(request);
      const query = request.url.searchParams;
      const filter: Record<string, unknown> = {};
      const subject = query.get('subject');
      const record = query.get('record');
      const since = query.get('since');
      const limitText = query.get('limit') ?? '50';
      if (subject !== null) filter.subject = subject;
      if (record !== null) filter['records.id'] = record;
      if (since !== null) filter.at = { $gte: parseSince(since) };
      const limit = Number(limitText);
      if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) throw refuse(400, 'BAD_REQUEST', `"limit" must be a whole number from 1 to 1000, got "${limitText}".`);
      await options.audit.flush();
      const rows: AuditEntry[] = await options.audit.entries.find(filter).sort({ _id: -1 }).limit(limit).toArray();
      return jsonReply(200, { entries: rows.map(({ _id, ...entry }) => ({ seq: _id, ...entry })) });
    },
    'GET audit/writes': async (request) => {
      const identity = await admin(request);
      const since = request.url.searchParams.get('since');
      const report = await checkWrites({ audit: options.audit, subgraphs: options.writeLogs(), identity, since: parseSince(since ?? '1d'), timeoutMs: options.timeoutMs });
      return jsonReply(200, report);
    },
  };
  for (const [pattern, handle] of Object.entries(auditHandlers)) handlers[pattern] = (request) => handle(request);

  const route: RouteHandler = async (request) => {
    const path = request.url.pathname.replace(/^\/registry\/?/, '').replace(/\/$/, '');
    const segments = path.split('/').map(decodeURIComponent);
    for (const [pattern, handle] of Object.entries(handlers)) {
      const [method, shape] = pattern.split(' ') as [string, string];
      const parts = shape.split('/');
      if (method !== request.method || parts.length !== segments.length) continue;
      const captured: string[] = [];
      if (!parts.every((part, i) => (part === '*' ? captured.push(segments[i]!) > 0 : part === segments[i]))) continue;
      try {
        return await handle(request, captured);
      } catch (error) {
        if (error instanceof HttpRefusal) return jsonReply(error.status, { error: { code: error.code, message: error.message } });
        if (error instanceof RegistryRefusal) return jsonReply(error.status, { error: { code: error.status === 409 ? 'CONFLICT' : 'CHECK_FAILED', message: error.message }, ...(error.report ? { report: error.report } : {}) });
        log.error('registry request failed', { error, path });
        return jsonReply(503, { error: { code: 'REGISTRY_UNAVAILABLE', message: `The registry could not complete this (${(error as Error).message}); nothing was changed. Try again shortly.` } });
      }
    }
    return jsonReply(404, { error: { code: 'NOT_FOUND', message: `No registry endpoint ${request.method} /registry/${path}; see PARTNERS.md.` } });
  };
  return { '/registry': route, '/registry/*': route };
}
