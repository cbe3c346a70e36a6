/**
 * Logs through pino: one JSON object per line for log collectors (the default when
 * HUB_ENV=production), or pino-pretty's readable lines for people (the default in development).
 * LOG_FORMAT overrides either. Written to stderr so stdout stays free for data (CSV, tokens).
 *
 * Callers see only the small Logger interface below, so pino stays an implementation detail.
 * Fields whose names say they hold a credential are never written, whatever a caller passes.
 */
import { pino, type Logger as Pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { loadConfig, v } from './config.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export const logSpec = {
  LOG_LEVEL: v.oneOf(['debug', 'info', 'warn', 'error'] as const, {
    default: 'info',
    doc: 'the least severe level that is written',
  }),
  LOG_FORMAT: v.oneOf(['pretty', 'json'] as const, {
    default: (env) => (env.HUB_ENV === 'production' ? 'json' : 'pretty'),
    doc: 'pretty: one readable line per event (pino-pretty); json: one JSON object per line (pino); default json when HUB_ENV=production, else pretty',
  }),
};

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  /** A logger for a part of this process; its name is appended to this one's. */
  child(name: string): Logger;
}

export interface LoggerOptions {
  level?: Level;
  format?: 'pretty' | 'json';
  write?: (line: string) => void;
}

/** Field names that hold credentials: their values are replaced before anything is written. */
const SECRET_FIELD = /token|secret|password|authorization|signature|cookie|jwt/i;
const REDACTED = '[redacted]';

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const env = options.level && options.format ? undefined : loadConfig(logSpec);
  const level = options.level ?? env!.LOG_LEVEL;
  const format = options.format ?? env!.LOG_FORMAT;
  return wrap(rootLogger(level, format, options.write), name);
}

function rootLogger(level: Level, format: 'pretty' | 'json', write?: (line: string) => void): Pino {
  const options = {
    level,
    base: null,
    messageKey: 'message',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (format === 'json') {
    // Synchronous writes: a line logged just before a crash or exit is not lost.
    if (!write) return pino(options, pino.destination({ dest: 2, sync: true }));
    return pino(options, { write: (chunk: string) => write(chunk.trimEnd()) });
  }
  const colorize = !write && process.stderr.isTTY === true;
  const prettify = prettyFactory({
    colorize,
    singleLine: true,
    messageKey: 'message',
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  const out = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  return pino(options, { write: (chunk: string) => out(prettify(chunk).trimEnd()) });
}

function wrap(root: Pino, name: string): Logger {
  const logger = root.child({ name });
  const emit = (level: Level) => (message: string, fields?: Fields) => {
    if (!logger.isLevelEnabled(level)) return;
    if (fields) logger[level](serializeFields(fields), message);
    else logger[level](message);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (part) => wrap(root, `${name}:${part}`),
  };
}

/** Errors become their message; credentials become [redacted], at any depth of plain objects. */
export function serializeFields(fields: Fields, depth = 0): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (SECRET_FIELD.test(key)) out[key] = REDACTED;
    else if (value instanceof Error) out[key] = value.message;
    else if (depth < 4 && value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = serializeFields(value as Fields, depth + 1);
    else out[key] = value;
  }
  return out;
}
