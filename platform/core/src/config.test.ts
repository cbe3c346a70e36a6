import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, v } from './config.js';

const spec = {
  PORT: v.port({ default: 4000, doc: 'the port' }),
  MODE: v.oneOf(['a', 'b'] as const, { default: 'a', doc: 'the mode' }),
  FLAG: v.bool({ default: false, doc: 'a flag' }),
  SECRET: v.secret({ doc: 'a secret' }),
  URI: v.mongoUri({ default: () => undefined, doc: 'a server' }),
};

describe('loadConfig', () => {
  it('applies defaults and parses values into their types', () => {
    const config = loadConfig(spec, { SECRET: 's'.repeat(32), PORT: '5000', FLAG: 'yes' });
    expect(config).toEqual({ PORT: 5000, MODE: 'a', FLAG: true, SECRET: 's'.repeat(32), URI: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable and what it expected, in one error', () => {
    let error: unknown;
    try {
      loadConfig(spec, { PORT: '70000', MODE: 'c', FLAG: 'maybe', URI: 'postgres://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be an integer from 0 to 65535, got "70000" (out of range)',
      'MODE must be one of a, b, got "c"',
      'FLAG must be true or false, got "maybe"',
      'SECRET is required: a secret (expected a secret of at least 32 characters)',
      'URI must be a MongoDB connection string (mongodb:// or mongodb+srv://), got "postgres://x"',
    ]);
  });

  it('never echoes a secret back', () => {
    expect(() => loadConfig(spec, { SECRET: 'short-but-private' })).toThrow('SECRET must be a secret of at least 32 characters, got (hidden)');
    expect(() => loadConfig(spec, { SECRET: 'short-but-private' })).not.toThrow('short-but-private');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig(spec, { SECRET: 's'.repeat(40), PORT: '' }).PORT).toBe(4000);
  });
});

describe('HTTP ports', () => {
  it("refuses a port Node's fetch will not connect to, naming the variable and why", () => {
    const spec = { GATEWAY_PORT: v.httpPort({ default: 4000, doc: 'the gateway' }) };
    expect(() => loadConfig(spec, { GATEWAY_PORT: '6000' })).toThrow(/GATEWAY_PORT must be .* got "6000" \(Node's fetch refuses to connect to port 6000/);
    expect(loadConfig(spec, { GATEWAY_PORT: '6001' }).GATEWAY_PORT).toBe(6001);
  });
});
