import { describe, expect, it } from 'vitest';
import { readTracingConfig } from './tracing.js';

describe('readTracingConfig', () => {
  it('is off by default: no endpoint, no problems', () => {
    const { config, problems } = readTracingConfig({});
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('reports each bad value and falls back to its default instead of stopping', () => {
    const { config, problems } = readTracingConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'sometimes',
      OTEL_TRACES_SAMPLER_ARG: '1.5',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign-secret-value',
    });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(config.OTEL_TRACES_SAMPLER).toBe('parentbased_always_on');
    expect(config.OTEL_TRACES_SAMPLER_ARG).toBe(1);
    expect(config.OTEL_EXPORTER_OTLP_PROTOCOL).toBe('http/protobuf');
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain('OTEL_TRACES_SAMPLER must be one of always_on');
    expect(problems.join('\n')).toContain('got "grpc"');
    // The headers may hold a collector's credentials: never echoed.
    expect(problems.join('\n')).not.toContain('no-equals-sign-secret-value');
  });

  it('turns an endpoint that is not http(s) into a problem, so tracing stays off', () => {
    const { config, problems } = readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(problems[0]).toContain('OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL');
  });

  it('reads headers and resource attributes as key=value pairs', () => {
    const { config } = readTracingConfig({ OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20x,x-team=ops', OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod' });
    expect(config.OTEL_EXPORTER_OTLP_HEADERS).toEqual({ authorization: 'Bearer x', 'x-team': 'ops' });
    expect(config.OTEL_RESOURCE_ATTRIBUTES).toEqual({ 'deployment.environment': 'prod' });
  });
});
