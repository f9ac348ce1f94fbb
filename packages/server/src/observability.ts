import type { DbHandle } from '@newsgraph/db';
import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import { pino } from 'pino';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Structured JSON logs; `NEWSGRAPH_LOG_LEVEL` (default info, `silent` in tests). */
export const logger = pino({
  level: process.env.NEWSGRAPH_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'newsgraph' },
});

export interface Metrics {
  registry: Registry;
  plugin: Plugin;
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as metric labels; later ones count as "other". */
const MAX_OPERATION_NAMES = 200;

/**
 * Prometheus metrics at /metrics (requests and latency by operation, errors, DB pool) and one log line
 * per request with its id, operation and duration.
 */
export function observability(handle: DbHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'newsgraph_' });
  const requests = new Counter({
    name: 'newsgraph_graphql_requests_total',
    help: 'GraphQL requests by operation and outcome',
    labelNames: ['operation', 'type', 'status'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'newsgraph_graphql_errors_total',
    help: 'GraphQL responses that carried errors, by operation',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'newsgraph_graphql_request_duration_seconds',
    help: 'Request latency by operation',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'newsgraph_db_pool_connections',
    help: 'Database connections by state (postgres.js pool; PGlite has one)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const sql = handle.sql as unknown as { options?: { max?: number } } | undefined;
      this.set({ state: 'max' }, handle.engine === 'pglite' ? 1 : (sql?.options?.max ?? 0));
    },
  });

  // One span per request through the OpenTelemetry API: a no-op until a tracer provider is registered
  // (see docs/operations.md, "Tracing"), then exported with the HTTP and Postgres spans around it.
  const tracer = trace.getTracer('newsgraph');
  // Metric labels come from what clients send: a bounded set of well-formed names, so a client
  // cannot grow the registry (and the scrape) without limit by inventing operation names.
  const names = new Set<string>();
  const metricName = (name: string) => {
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  const metricsToken = process.env.NEWSGRAPH_METRICS_TOKEN;
  const started = new WeakMap<Request, { t: number; operation: string; type: string; span: Span }>();
  const plugin: Plugin = {
    onRequest({ request, url, endResponse }) {
      if (url.pathname === '/metrics') {
        // open on a private network by default; with a token set, only a scraper that sends it
        if (metricsToken && request.headers.get('authorization') !== `Bearer ${metricsToken}`) {
          endResponse(
            new Response('metrics need "Authorization: Bearer <NEWSGRAPH_METRICS_TOKEN>"\n', { status: 401 }),
          );
          return undefined;
        }
        return registry
          .metrics()
          .then((text) => endResponse(new Response(text, { headers: { 'content-type': registry.contentType } })));
      }
      const span = tracer.startSpan('graphql', { kind: SpanKind.SERVER, attributes: { 'http.route': url.pathname } });
      started.set(request, { t: performance.now(), operation: 'unknown', type: 'unknown', span });
      return undefined;
    },
    onParams({ request, params }) {
      const entry = started.get(request);
      if (entry) {
        entry.operation = params.operationName ?? (params.query ? 'anonymous' : 'persisted');
        const match = /^\s*(query|mutation|subscription)\b/.exec(params.query ?? '');
        entry.type = match?.[1] ?? 'query';
        entry.span.updateName(`graphql ${entry.type} ${entry.operation}`);
        entry.span.setAttributes({ 'graphql.operation.name': entry.operation, 'graphql.operation.type': entry.type });
      }
    },
    onResponse({ request, response, serverContext }) {
      const entry = started.get(request);
      if (!entry) return;
      const seconds = (performance.now() - entry.t) / 1000;
      const operation = metricName(entry.operation);
      requests.inc({ operation, type: entry.type, status: String(response.status) });
      duration.observe({ operation, type: entry.type }, seconds);
      if (response.status >= 400) errors.inc({ operation });
      const requestId = response.headers.get('x-request-id');
      entry.span.setAttributes({
        'http.response.status_code': response.status,
        'newsgraph.request_id': requestId ?? '',
      });
      if (response.status >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.end();
      logger.info(
        {
          requestId,
          operation: entry.operation,
          type: entry.type,
          status: response.status,
          durationMs: Math.round(seconds * 1000),
          ip: (serverContext as { req?: { socket?: { remoteAddress?: string } } })?.req?.socket?.remoteAddress,
        },
        'request',
      );
    },
  };
  return { registry, plugin };
}
