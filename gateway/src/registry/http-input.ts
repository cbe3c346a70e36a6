/**
 * What the registry's HTTP routes share for reading a request and refusing it: a refusal is a
 * status, a code and a sentence saying what to do, turned into a JSON answer by the router.
 */
import type { RawRequest } from '@hub/core';

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const refuse = (status: number, code: string, message: string) => new HttpRefusal(status, code, message);

/** The request's JSON object body ({} when empty); anything else is refused. */
export function body(request: RawRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw refuse(400, 'BAD_REQUEST', 'The request body must be a JSON object.');
}

export function text(value: unknown, field: string, required: true): string;
export function text(value: unknown, field: string, required: false): string | undefined;
export function text(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw refuse(400, 'BAD_REQUEST', `"${field}" is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw refuse(400, 'BAD_REQUEST', `"${field}" must be a string.`);
  return value;
}
