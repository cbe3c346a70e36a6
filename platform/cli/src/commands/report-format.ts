/** A registry check report, as a person reads it. */

export interface CheckReport {
  ok: boolean;
  basedOn: number;
  stage?: string;
  summary: string;
  problems: Array<{ message: string; locations?: Array<{ line: number; column: number }>; subgraph?: string }>;
  changes: Array<{ severity: string; type: string; message: string; coordinate: string; verdict: string; usedBy: Array<{ operationName: string | null; operationHash: string; client: string; count: number }> }>;
}

export function formatReport(name: string, report: CheckReport): string {
  const lines = [`${report.ok ? 'PASS' : 'FAIL'} ${name} (against version ${report.basedOn}): ${report.summary}`];
  for (const problem of report.problems) {
    const where = problem.locations?.length ? ` (line ${problem.locations[0]!.line}, column ${problem.locations[0]!.column})` : '';
    lines.push(`  error${where}: ${problem.message}`);
  }
  for (const change of report.changes) {
    lines.push(`  ${change.verdict === 'fails' ? 'BREAKING, in use' : change.severity === 'BREAKING' ? 'breaking, unused' : 'dangerous'}: ${change.message} [${change.coordinate}]`);
    for (const use of change.usedBy) lines.push(`      used by ${use.operationName ?? '(anonymous)'} ${use.operationHash.slice(0, 12)} from ${use.client}: ${use.count}×`);
  }
  return lines.join('\n');
}
