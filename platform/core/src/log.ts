/**
 * Logs a person can read: one line per event, time, level, the process that speaks and a
 * sentence, with details as key=value. LOG_FORMAT=json gives one JSON object per line for
 * log collectors instead. Written to stderr so stdout stays free for data (CSV, tokens).
 */
import { loadConfig, v } from './config.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const logSpec = {
  LOG_LEVEL: v.oneOf(['debug', 'info', 'warn', 'error'] as const, {
    default: 'info',
    doc: 'the least severe level that is written',
  }),
  LOG_FORMAT: v.oneOf(['pretty', 'json'] as const, {
    default: 'pretty',
    doc: 'pretty: one readable line per event; json: one JSON object per line',
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

const COLORS: Record<Level, string> = { debug: '\x1b[90m', info: '\x1b[36m', warn: '\x1b[33m', error: '\x1b[31m' };

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  const env = options.level && options.format ? undefined : loadConfig(logSpec);
  const threshold = LEVELS[options.level ?? env!.LOG_LEVEL];
  const format = options.format ?? env!.LOG_FORMAT;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const color = format === 'pretty' && !options.write && process.stderr.isTTY === true;

  const emit = (level: Level, message: string, fields: Fields = {}) => {
    if (LEVELS[level] < threshold) return;
    const time = new Date();
    if (format === 'json') {
      write(JSON.stringify({ time: time.toISOString(), level, name, message, ...serializeFields(fields) }));
      return;
    }
    const clock = time.toISOString().slice(11, 23);
    const label = level.toUpperCase().padEnd(5);
    const details = Object.entries(serializeFields(fields))
      .map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`)
      .join(' ');
    const head = color ? `${COLORS[level]}${label}\x1b[0m` : label;
    write(`${clock} ${head} ${name.padEnd(12)} ${message}${details ? `  ${details}` : ''}`);
  };

  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (part) => createLogger(`${name}:${part}`, { level: options.level ?? env!.LOG_LEVEL, format, write: options.write ?? write }),
  };
}

function serializeFields(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = value instanceof Error ? value.message : value;
  }
  return out;
}
