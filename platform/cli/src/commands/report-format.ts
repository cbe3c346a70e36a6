/** A registry check report, as a person reads it. */

export interface CheckReport {
  ok: boolean;
  basedOn: number;
  stage?: string;
  summary: string;
  problems: Array<{ message: string; locations?: Array<{ line: number; column: number; subgraph?: string }>; subgraph?: string }>;
  changes: Array<{ severity: string; type: string; message: string; coordinate: string; verdict: string; usedBy: Array<{ operationName: string | null; operationHash: string; client: string; count: number }> }>;
}

export function formatReport(name: string, report: CheckReport): string {
  const lines = [`${report.ok ? 'PASS' : 'FAIL'} ${name} (against version ${report.basedOn}): ${report.summary}`];
  for (const problem of report.problems) {
    // Only the places in this subgraph's own SDL: line 52 of another subgraph means nothing here (--json has them all).
    const own = (problem.locations ?? []).filter((location) => !location.subgraph || location.subgraph === name);
    const where = own.length > 0 ? ` (${own.map((location) => `line ${location.line}, column ${location.column}`).join('; ')})` : '';
    lines.push(`  error${where}: ${problem.message}`);
  }
  for (const change of report.changes) {
    const label = change.verdict === 'fails' ? 'BREAKING, in use' : change.severity === 'BREAKING' ? 'breaking, unused' : change.severity === 'DANGEROUS' ? 'dangerous' : 'safe';
    lines.push(`  ${label}: ${change.message} [${change.coordinate}]`);
    for (const use of change.usedBy) lines.push(`      used by ${use.operationName ?? '(anonymous)'} ${use.operationHash.slice(0, 12)} from ${use.client}: ${use.count}×`);
  }
  return lines.join('\n');
}

/** Rows as aligned columns under a header line, for `hub usage` and `hub schema history`. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, rightAligned: readonly number[] = []): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
