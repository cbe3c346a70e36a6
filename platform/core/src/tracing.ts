/**
 * OpenTelemetry tracing for every hub process, off unless an OTLP endpoint is configured.
 *
 * The SDK is `@opentelemetry/sdk-node`, with the W3C trace-context propagator and an OTLP/HTTP
 * exporter (protobuf or JSON). The spans themselves are made by the hub around its own hooks —
 * the HTTP handler (server span), each subgraph fetch (client span, `traceparent` injected),
 * Apollo's parse and validate, Apollo Gateway's own plan/execute/fetch spans, each DataLoader
 * batch and each database command (from the driver's command monitoring) — rather than by the
 * monkey-patching instrumentations: those must be loaded before the modules they patch, which
 * ESM's hoisted imports make unreliable unless every process is started with `--import`.
 *
 * Tracing must never stop the hub: a bad OTEL_* value is reported once and left out (its
 * default applies), and a collector that cannot be reached is reported once; spans are dropped
 * while it is away.
 */
import { context, diag, DiagLogLevel, INVALID_SPAN_CONTEXT, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { core, NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import { ConfigError, loadConfig, v, type Env, type VariableSpec } from './config.js';
import type { Logger } from './log.js';

const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

/** `key=value,key=value` (W3C baggage-like), as OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES use it. */
function pairs(options: { doc: string; secret?: boolean }): VariableSpec<Record<string, string>> {
  return {
    doc: options.doc,
    expected: 'comma-separated key=value pairs',
    secret: options.secret,
    default: () => ({}),
    parse(raw) {
      const out: Record<string, string> = {};
      for (const part of raw.split(',')) {
        const at = part.indexOf('=');
        if (at <= 0) throw new Error();
        out[decodeURIComponent(part.slice(0, at).trim())] = decodeURIComponent(part.slice(at + 1).trim());
      }
      return out;
    },
  };
}

/** The standard OTEL_* variables the hub reads (mirrored in the README). */
export const tracingSpec = {
  OTEL_EXPORTER_OTLP_ENDPOINT: v.httpUrl({ default: () => undefined, doc: 'the OTLP/HTTP collector, e.g. http://collector:4318 (traces go to <endpoint>/v1/traces); unset: no tracing' }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: v.httpUrl({ default: () => undefined, doc: 'the full URL traces are posted to, instead of <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces' }),
  OTEL_EXPORTER_OTLP_PROTOCOL: v.oneOf(['http/protobuf', 'http/json'] as const, { default: 'http/protobuf', doc: 'how spans are encoded: http/protobuf or http/json (gRPC is not supported)' }),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: v.oneOf(['http/protobuf', 'http/json'] as const, { default: (env: Env) => (env.OTEL_EXPORTER_OTLP_PROTOCOL as 'http/json') || 'http/protobuf', doc: 'the protocol for traces only' }),
  OTEL_EXPORTER_OTLP_HEADERS: pairs({ secret: true, doc: 'headers sent with every export, e.g. authorization=Bearer%20…' }),
  OTEL_EXPORTER_OTLP_TIMEOUT: v.int({ default: 10_000, min: 1, max: 600_000, doc: 'how long one export may take, in milliseconds' }),
  OTEL_TRACES_EXPORTER: v.oneOf(['otlp', 'none'] as const, { default: 'otlp', doc: 'otlp, or none to turn tracing off' }),
  OTEL_TRACES_SAMPLER: v.oneOf(SAMPLERS, { default: 'parentbased_always_on', doc: 'which traces are kept: always_on, always_off, traceidratio, parentbased_* (follow the caller\'s traceparent)' }),
  OTEL_TRACES_SAMPLER_ARG: {
    doc: 'the ratio of traces kept by the traceidratio samplers, from 0 to 1',
    expected: 'a number from 0 to 1',
    default: 1,
    parse(raw: string) {
      const ratio = Number(raw);
      if (!/^\d*\.?\d+$/.test(raw) || ratio > 1) throw new Error();
      return ratio;
    },
  } as VariableSpec<number>,
  OTEL_BSP_SCHEDULE_DELAY: v.int({ default: 1000, min: 1, max: 600_000, doc: 'how long spans wait to be sent in a batch, in milliseconds' }),
  OTEL_SDK_DISABLED: v.bool({ default: false, doc: 'true turns tracing off whatever else is set' }),
  OTEL_SERVICE_NAME: v.optionalString({ doc: "the deployment's name, recorded as service.namespace (each process names itself: gateway, organization, …)" }),
  OTEL_RESOURCE_ATTRIBUTES: pairs({ doc: 'extra attributes for every span, e.g. deployment.environment=prod' }),
};

export type TracingConfig = ReturnType<typeof readTracingConfig>['config'];

/**
 * The OTEL_* configuration, leniently: unlike the hub's own variables, a bad value does not stop
 * the process (tracing is an aid, not a duty); each problem is returned to be logged, and the
 * variable falls back to its default.
 */
export function readTracingConfig(env: Env = process.env) {
  const problems: string[] = [];
  const usable: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(tracingSpec)) {
    try {
      loadConfig({ [name]: spec }, env);
      usable[name] = env[name];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  return { config: loadConfig(tracingSpec, usable), problems };
}

let enabled = false;

/** Whether this process exports spans (so callers can skip work that only feeds traces). */
export function tracingEnabled(): boolean {
  return enabled;
}

function sampler(config: TracingConfig) {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } = tracing;
  const root = { always_on: new AlwaysOnSampler(), always_off: new AlwaysOffSampler(), traceidratio: new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG) };
  const name = config.OTEL_TRACES_SAMPLER;
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root: root[name.slice('parentbased_'.length) as keyof typeof root] }) : root[name as keyof typeof root];
}

/** Wraps the exporter so that a collector that is away is reported once, not once per batch. */
function reporting(exporter: tracing.SpanExporter, where: string, log: Logger): tracing.SpanExporter {
  let failed = false;
  let failing = false;
  return {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.code !== core.ExportResultCode.SUCCESS) {
          if (!failed) log.warn(`traces cannot be sent to ${where}: ${result.error?.message ?? 'export failed'}; the hub keeps serving and drops spans until the collector answers (said once)`);
          else log.debug('trace export failed again', { error: result.error?.message });
          failed = true;
          failing = true;
        } else if (failing) {
          failing = false;
          log.info(`traces reach ${where} again`);
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/**
 * Starts tracing for this process when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces endpoint) is
 * set; returns the function that flushes and stops it. Call it first in a process's main.
 */
export function startTracing(service: string, log: Logger, env: Env = process.env): () => Promise<void> {
  const { config, problems } = readTracingConfig(env);
  const endpoint = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (config.OTEL_EXPORTER_OTLP_ENDPOINT ? `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (problems.length > 0) log.warn(`tracing: ignoring ${problems.length === 1 ? 'a bad OTEL_* value' : 'bad OTEL_* values'}, the defaults apply: ${problems.join('; ')}`);
  if (!endpoint || config.OTEL_SDK_DISABLED || config.OTEL_TRACES_EXPORTER === 'none') return async () => undefined;

  // OpenTelemetry's own diagnostics go to the hub's log at debug, not to the console.
  if (!env.OTEL_LOG_LEVEL) {
    const debug = (message: string, ...args: unknown[]) => log.debug(`opentelemetry: ${message}`, args.length ? { detail: args.map(String).join(' ') } : undefined);
    diag.setLogger({ error: debug, warn: debug, info: debug, debug, verbose: () => undefined }, DiagLogLevel.WARN);
  }
  const exporterOptions = { url: endpoint, headers: config.OTEL_EXPORTER_OTLP_HEADERS, timeoutMillis: config.OTEL_EXPORTER_OTLP_TIMEOUT };
  const exporter = config.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL === 'http/json' ? new JsonExporter(exporterOptions) : new ProtobufExporter(exporterOptions);
  const sdk = new NodeSDK({
    // One name per process: with one OTEL_SERVICE_NAME for the whole hub, its processes would merge.
    resource: resources.resourceFromAttributes({
      ...config.OTEL_RESOURCE_ATTRIBUTES,
      'service.name': service,
      ...(config.OTEL_SERVICE_NAME ? { 'service.namespace': config.OTEL_SERVICE_NAME } : {}),
    }),
    autoDetectResources: false,
    sampler: sampler(config),
    spanProcessors: [new tracing.BatchSpanProcessor(reporting(exporter as tracing.SpanExporter, new URL(endpoint).origin, log), { scheduledDelayMillis: config.OTEL_BSP_SCHEDULE_DELAY })],
    textMapPropagator: new core.W3CTraceContextPropagator(),
    // Traces only: metrics are Prometheus' (/metrics) and logs pino's.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  enabled = true;
  log.info(`tracing on: spans go to ${new URL(endpoint).origin} (${config.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL})`);
  return async () => {
    enabled = false;
    await sdk.shutdown().catch(() => undefined);
  };
}

export const tracer = trace.getTracer('hub');
const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `work` inside a new active span, ended when it settles; a thrown error marks the span
 * failed. With tracing off it is a plain call.
 */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  // Off, not even the API's no-op span and context switch: requests pay nothing for tracing.
  if (!enabled) return work(NO_SPAN);
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Headers carrying the active trace (W3C `traceparent`) to another process; empty with tracing off. */
export function traceHeaders(active: Context = context.active()): Record<string, string> {
  if (!enabled) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier;
}

export { context as otelContext, propagation, SpanKind, SpanStatusCode, trace };
export type { Span };

/**
 * Spans for the parts of an operation Apollo Server runs before executing it: parsing and
 * validation (Apollo Gateway adds its own plan, execute and fetch spans after these).
 */
export function tracingPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  const phase = (name: string, attributes: Attributes = {}) => {
    const span = tracer.startSpan(name, { attributes });
    return async (error?: Error) => {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    };
  };
  return {
    async requestDidStart() {
      if (!enabled) return {};
      return {
        async parsingDidStart() {
          return phase('graphql.parse');
        },
        async validationDidStart() {
          const end = phase('graphql.validate');
          return async (errors?: readonly Error[]) => end(errors?.[0]);
        },
        async didResolveOperation({ operationName, operation }) {
          trace.getActiveSpan()?.setAttributes({ 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': operation?.operation ?? '' });
        },
      };
    },
  };
}
