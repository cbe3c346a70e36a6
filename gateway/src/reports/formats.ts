/**
 * How rows are written: CSV (RFC 4180: commas, CRLF, fields quoted when they hold a quote, a
 * comma or a line break), a JSON array of objects, or NDJSON (one object per line). Each batch of
 * rows becomes one chunk, written as soon as its page arrived.
 */
import type { Row } from './run-report.js';

export const FORMATS = ['csv', 'json', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Excel reads a CSV as UTF-8 only when it starts with this mark. */
const BOM = '\uFEFF';

export function csvCell(value: unknown, separator: string): string {
  const text = Array.isArray(value) ? value.map((v) => csvText(v)).join(separator) : csvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function rowObject(headers: readonly string[], row: Row): Record<string, unknown> {
  return Object.fromEntries(headers.map((header, i) => [header, row[i] ?? null]));
}

/** The body's chunks: the header (CSV) or opening bracket (JSON), then one chunk per batch of rows. */
export async function* encodeRows(format: Format, headers: readonly string[], batches: AsyncIterable<Row[]>, options: { bom: boolean; separator: string; onRows?: (count: number) => void }): AsyncGenerator<string> {
  let first = true;
  if (format === 'csv') yield `${options.bom ? BOM : ''}${headers.map((h) => csvCell(h, options.separator)).join(',')}\r\n`;
  if (format === 'json') yield '[';
  for await (const rows of batches) {
    options.onRows?.(rows.length);
    if (rows.length === 0) continue;
    if (format === 'csv') yield rows.map((row) => `${row.map((value) => csvCell(value, options.separator)).join(',')}\r\n`).join('');
    else if (format === 'ndjson') yield rows.map((row) => `${JSON.stringify(rowObject(headers, row))}\n`).join('');
    else {
      yield `${first ? '\n' : ',\n'}${rows.map((row) => JSON.stringify(rowObject(headers, row))).join(',\n')}`;
      first = false;
    }
  }
  if (format === 'json') yield first ? ']\n' : '\n]\n';
}
