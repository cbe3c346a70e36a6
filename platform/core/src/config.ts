/**
 * Typed configuration from environment variables.
 *
 * Every process declares the variables it reads as a spec; `loadConfig` reads them once,
 * validates all of them, and either returns a frozen, typed object or throws one
 * `ConfigError` that names every bad variable and what it expected. Specs also carry the
 * documentation the README's variable tables are checked against.
 */

export interface VariableSpec<T> {
  /** What the variable means, for error messages and docs. */
  readonly doc: string;
  /** What a valid value looks like, e.g. "an integer from 1 to 65535". */
  readonly expected: string;
  readonly default?: T | ((env: Env) => T);
  /** Never echo the value back (secrets). */
  readonly secret?: boolean;
  parse(raw: string): T;
}

export type Env = Readonly<Record<string, string | undefined>>;
export type Spec = Readonly<Record<string, VariableSpec<unknown>>>;
export type ConfigOf<S extends Spec> = {
  readonly [K in keyof S]: S[K] extends VariableSpec<infer T> ? T : never;
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

class Invalid extends Error {}

/** The Fetch standard's blocked ports (https://fetch.spec.whatwg.org/#port-blocking). */
const FETCH_BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723,
  2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Reads and validates every variable of `spec` from `env`; throws one ConfigError listing all problems. */
export function loadConfig<S extends Spec>(spec: S, env: Env = process.env): ConfigOf<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (variable.default === undefined) {
        problems.push(`${name} is required: ${variable.doc} (expected ${variable.expected})`);
      } else {
        values[name] =
          typeof variable.default === 'function'
            ? (variable.default as (env: Env) => unknown)(env)
            : variable.default;
      }
      continue;
    }
    try {
      values[name] = variable.parse(raw.trim());
    } catch (error) {
      const shown = variable.secret ? '(hidden)' : JSON.stringify(raw);
      const detail = error instanceof Invalid && error.message ? ` (${error.message})` : '';
      problems.push(`${name} must be ${variable.expected}, got ${shown}${detail}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as ConfigOf<S>;
}

type Options<T> = { doc: string; default?: T | ((env: Env) => T); secret?: boolean };
type Optional<T> = Options<T | undefined>;

function variable<T>(expected: string, parse: (raw: string) => T, options: Options<T>): VariableSpec<T> {
  return { expected, parse, ...options };
}

/** Builders for variable specs, one per kind of value. */
export const v = {
  string(options: Options<string>): VariableSpec<string> {
    return variable('a non-empty string', (raw) => raw, options);
  },
  optionalString(options: Omit<Optional<string>, 'default'>): VariableSpec<string | undefined> {
    return variable('a non-empty string', (raw) => raw, { ...options, default: () => undefined });
  },
  int(options: Options<number> & { min?: number; max?: number }): VariableSpec<number> {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    const range =
      options.min !== undefined && options.max !== undefined
        ? ` from ${min} to ${max}`
        : options.min !== undefined
          ? ` of at least ${min}`
          : '';
    return variable(`an integer${range}`, (raw) => {
      if (!/^-?\d+$/.test(raw)) throw new Invalid();
      const n = Number(raw);
      if (n < min || n > max) throw new Invalid('out of range');
      return n;
    }, options);
  },
  port(options: Options<number>): VariableSpec<number> {
    return v.int({ ...options, min: 0, max: 65535 });
  },
  /**
   * A port that hub processes call each other on over HTTP: Node's fetch (like browsers) refuses
   * the Fetch standard's "bad ports", so a gateway there would never be reached.
   */
  httpPort(options: Options<number>): VariableSpec<number> {
    const port = v.port(options);
    return variable(`${port.expected}, not one the Fetch standard blocks`, (raw) => {
      const value = port.parse(raw);
      if (FETCH_BAD_PORTS.has(value)) throw new Invalid(`Node's fetch refuses to connect to port ${value} (a "bad port" of the Fetch standard); choose another`);
      return value;
    }, options);
  },
  bool(options: Options<boolean>): VariableSpec<boolean> {
    return variable('true or false', (raw) => {
      const value = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(value)) return true;
      if (['false', '0', 'no', 'off'].includes(value)) return false;
      throw new Invalid();
    }, options);
  },
  oneOf<const T extends string>(values: readonly T[], options: Options<T>): VariableSpec<T> {
    return variable(`one of ${values.join(', ')}`, (raw) => {
      if (!(values as readonly string[]).includes(raw)) throw new Invalid();
      return raw as T;
    }, options);
  },
  mongoUri(options: Optional<string>): VariableSpec<string | undefined> {
    return variable('a MongoDB connection string (mongodb:// or mongodb+srv://)', (raw) => {
      if (!/^mongodb(\+srv)?:\/\/[^/]/.test(raw)) throw new Invalid();
      return raw;
    }, options);
  },
  httpUrl(options: Optional<string>): VariableSpec<string | undefined> {
    return variable('an http:// or https:// URL', (raw) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Invalid();
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Invalid();
      return raw;
    }, options);
  },
  /** A secret, never echoed back; required unless `optional`. */
  secret(options: { doc: string; optional?: boolean; minLength?: number }): VariableSpec<string | undefined> {
    const minLength = options.minLength ?? 32;
    return variable(`a secret of at least ${minLength} characters`, (raw) => {
      if (raw.length < minLength) throw new Invalid(`${raw.length} characters`);
      return raw;
    }, { doc: options.doc, secret: true, ...(options.optional ? { default: () => undefined } : {}) });
  },
};

/** The deployment mode every process shares. */
export const environmentSpec = {
  HUB_ENV: v.oneOf(['development', 'production'] as const, {
    default: 'development',
    doc: 'development relaxes security for local work (anonymous reads, introspection); production enforces it',
  }),
} satisfies Spec;
