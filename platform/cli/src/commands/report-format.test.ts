import { describe, expect, it } from 'vitest';
import { formatReport, table } from './report-format.js';

describe('a check report as a person reads it', () => {
  it("prints only the locations in the checked subgraph's own SDL, and safe changes", () => {
    const text = formatReport('media', {
      ok: false,
      basedOn: 3,
      stage: 'composition',
      summary: 'does not compose',
      problems: [{ message: 'Type of field "Event.id" is incompatible', locations: [{ line: 52, column: 3, subgraph: 'events' }, { line: 2, column: 33, subgraph: 'media' }] }],
      changes: [{ severity: 'SAFE', type: 'FIELD_ADDED', message: 'Event.coverage was added.', coordinate: 'Event.coverage', verdict: 'safe', usedBy: [] }],
    });
    expect(text).toContain('error (line 2, column 33): Type of field');
    expect(text).not.toContain('line 52');
    expect(text).toContain('safe: Event.coverage was added. [Event.coverage]');
  });

  it('aligns columns under their headers', () => {
    const lines = table(['COUNT', 'CLIENT', 'OPERATION'], [['7', 'press-review-tool', 'Coverage'], ['1234', 'me', '(anonymous)']], [0]).split('\n');
    expect(lines).toEqual(['COUNT  CLIENT             OPERATION', '    7  press-review-tool  Coverage', ' 1234  me                 (anonymous)']);
  });
});
