/**
 * Calls a running hub's HTTP API (the gateway at HUB_URL, with HUB_TOKEN) and turns every kind
 * of failure into a sentence: not running, refused token, a check that failed.
 */
import { CliError, EXIT } from './cli.js';

export interface HubTarget {
  readonly url: string;
  readonly token?: string;
}

export function hubTarget(env: NodeJS.ProcessEnv = process.env): HubTarget {
  const url = (env.HUB_URL || 'http://localhost:4000').replace(/\/+$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new CliError(`HUB_URL must be the hub's http:// or https:// address (e.g. http://localhost:4000), got "${url}".`);
  }
  return { url, token: env.HUB_TOKEN || undefined };
}

export interface HubAnswer<T> {
  readonly status: number;
  readonly body: T;
}

/** A JSON request to the hub; connection failures and non-JSON answers are CliErrors (exit 2). */
export async function callHub<T = any>(target: HubTarget, method: string, path: string, body?: unknown): Promise<HubAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new CliError(`cannot reach the hub at ${target.url} (${cause}); start it with "npm start", or set HUB_URL to where it runs.`, EXIT.usage);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new CliError(`the hub at ${target.url} answered ${method} ${path} with HTTP ${response.status} and no JSON; is HUB_URL the hub's gateway?`, EXIT.usage);
  }
  return { status: response.status, body: parsed as T };
}

/** The sentence of a refusal (`{ error: { message } }`), with what to do for the usual ones. */
export function refusal(answer: HubAnswer<any>): CliError {
  const message: string = answer.body?.error?.message ?? answer.body?.errors?.[0]?.message ?? `HTTP ${answer.status}`;
  if (answer.status === 401) return new CliError(`${message} (HUB_TOKEN is missing, expired or not accepted)`, EXIT.usage, answer.body);
  return new CliError(message, answer.status === 422 ? EXIT.checkFailed : EXIT.usage, answer.body);
}

/**
 * A request to the hub at HUB_URL that must get `expected` (200 unless said): any other answer
 * becomes its refusal sentence. What nearly every command does.
 */
export async function askHub<T = any>(method: string, path: string, body?: unknown, expected = 200): Promise<HubAnswer<T>> {
  const answer = await callHub<T>(hubTarget(), method, path, body);
  if (answer.status !== expected) throw refusal(answer);
  return answer;
}
