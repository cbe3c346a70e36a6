import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, name, message and fields', () => {
    const lines: string[] = [];
    const log = createLogger('gateway', { level: 'info', format: 'json', write: (line) => lines.push(line) });
    log.debug('not written');
    log.child('registry').info('served', { operation: 'Q', ms: 3, missing: undefined });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', name: 'gateway:registry', message: 'served', operation: 'Q', ms: 3 });
    expect(Date.parse(entry.time)).not.toBeNaN();
    expect(entry).not.toHaveProperty('missing');
  });

  it('writes readable single lines with the level between spaces', () => {
    const lines: string[] = [];
    createLogger('store', { level: 'debug', format: 'pretty', write: (line) => lines.push(line) }).warn('disk nearly full', { free: '2 GB' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ WARN .*store.*disk nearly full.*2 GB/);
    expect(lines[0]).not.toContain('\n');
  });

  it('never writes a credential, whatever the field is called or how deep it sits', () => {
    const lines: string[] = [];
    const log = createLogger('gateway', { level: 'debug', format: 'json', write: (line) => lines.push(line) });
    log.info('request', { authorization: 'Bearer abc.def.ghi', headers: { 'x-hub-signature': 'sig-value', accessToken: 'tok-value' }, jwtSecret: 'jwt-value', error: new Error('boom') });
    const text = lines.join('\n');
    for (const secret of ['abc.def.ghi', 'sig-value', 'tok-value', 'jwt-value']) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ authorization: '[redacted]', headers: { 'x-hub-signature': '[redacted]' }, error: 'boom' });
  });
});
