import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError, type BreakerState } from './circuit-breaker.js';

function breaker() {
  let now = 0;
  const changes: BreakerState[] = [];
  const b = new CircuitBreaker({ failureThreshold: 3, openMs: 1000, now: () => now, onChange: (state) => changes.push(state) });
  return { b, changes, advance: (ms: number) => (now += ms) };
}
const fail = () => Promise.reject(new Error('down'));
const succeed = () => Promise.resolve('ok');

describe('the circuit breaker', () => {
  it('opens after consecutive failures and then refuses at once, without calling', async () => {
    const { b, changes } = breaker();
    for (let i = 0; i < 3; i += 1) await expect(b.run(fail)).rejects.toThrow('down');
    expect(b.state).toBe('open');
    let called = false;
    await expect(b.run(async () => ((called = true), 'x'))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(changes).toEqual(['open']);
  });

  it('lets one probe through after the pause; success closes it', async () => {
    const { b, changes, advance } = breaker();
    for (let i = 0; i < 3; i += 1) await b.run(fail).catch(() => undefined);
    advance(1000);
    expect(b.state).toBe('half-open');
    await expect(b.run(succeed)).resolves.toBe('ok');
    expect(b.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again when the probe fails, and a success in between resets the count', async () => {
    const { b, advance } = breaker();
    await b.run(fail).catch(() => undefined);
    await b.run(fail).catch(() => undefined);
    await b.run(succeed);
    await b.run(fail).catch(() => undefined);
    expect(b.state).toBe('closed');
    for (let i = 0; i < 3; i += 1) await b.run(fail).catch(() => undefined);
    advance(1000);
    await expect(b.run(fail)).rejects.toThrow('down');
    expect(b.state).toBe('open');
  });
});
