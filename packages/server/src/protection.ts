import { createHash } from 'node:crypto';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limits } from './config.js';

/** Depth, alias, token, directive and cost limits, checked while validating: before any resolver or SQL runs. */
export function queryLimits(limits: Limits, production: boolean): Plugin[] {
  const armor = new EnvelopArmor({
    // Introspection (a field literally named __schema, which no alias can fake) is exempt: GraphiQL's own
    // query nests ofType 15 deep. It touches no data, and the token limit still bounds it.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost },
    // suggestions ("did you mean …") would map the schema for an attacker; keep them while developing
    blockFieldSuggestion: { enabled: production },
  });
  return armor.protect().plugins as Plugin[];
}

const jsonError = (status: number, message: string, code: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers });

/** Rejects bodies over the limit with 413 before reading them. */
export function bodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(jsonError(413, `Request body is larger than ${maxBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
      }
    },
  };
}

export interface ClientAddress {
  /** The peer address of the HTTP connection, when there is one. */
  ip(request: Request, serverContext: unknown): string;
}

export const peerAddress: ClientAddress = {
  ip: (_request, serverContext) =>
    (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ??
    'local',
};

/**
 * Per-IP and per-key request budgets (a minute each), with IETF RateLimit-* headers on every answer
 * and 429 + Retry-After + a GraphQL error body past the budget. The key budget is keyed on a hash of
 * the presented credential; a credential that turns out bad (401) is charged to the IP as well, so
 * rotating made-up keys cannot escape the IP budget.
 */
export function rateLimits(limits: Limits, address: ClientAddress = peerAddress): Plugin {
  const perIp = new RateLimiterMemory({ points: limits.ratePerIp, duration: 60, keyPrefix: 'ip' });
  const perKey = new RateLimiterMemory({ points: limits.ratePerKey, duration: 60, keyPrefix: 'key' });
  const verdicts = new WeakMap<Request, { limit: number; remaining: number; resetS: number }>();
  const ips = new WeakMap<Request, string>();

  const headersFor = (v: { limit: number; remaining: number; resetS: number }) => ({
    'RateLimit-Limit': String(v.limit),
    'RateLimit-Remaining': String(Math.max(0, v.remaining)),
    'RateLimit-Reset': String(v.resetS),
    'RateLimit-Policy': `${v.limit};w=60`,
  });

  return {
    async onRequest({ request, serverContext, endResponse, url }) {
      if (
        url.pathname !== '/graphql' ||
        (request.method === 'GET' && request.headers.get('accept')?.includes('text/html'))
      ) {
        return;
      }
      const auth = request.headers.get('authorization');
      const ip = address.ip(request, serverContext);
      ips.set(request, ip);
      const [limiter, key, limit] = auth
        ? [perKey, createHash('sha256').update(auth).digest('hex'), limits.ratePerKey]
        : [perIp, ip, limits.ratePerIp];
      try {
        // an IP that spent its budget (on anonymous requests or bad keys) gets no more keyed tries either
        const ipState = auth ? await perIp.get(ip) : null;
        if (ipState && ipState.remainingPoints <= 0) throw ipState;
        const res = await limiter.consume(key);
        verdicts.set(request, { limit, remaining: res.remainingPoints, resetS: Math.ceil(res.msBeforeNext / 1000) });
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retry = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        endResponse(
          jsonError(429, `Too many requests: try again in ${retry} s`, 'RATE_LIMITED', {
            ...headersFor({ limit, remaining: 0, resetS: retry }),
            'Retry-After': String(retry),
          }),
        );
      }
    },
    onResponse({ request, response }) {
      const ip = ips.get(request);
      if (response.status === 401 && request.headers.get('authorization') && ip) {
        perIp.consume(ip).catch(() => {});
      }
      const verdict = verdicts.get(request);
      if (!verdict) return;
      for (const [name, value] of Object.entries(headersFor(verdict))) response.headers.set(name, value);
    },
  };
}

/**
 * PostgreSQL text cannot hold NUL, so a NUL in a read's strings could only end as a database error;
 * refuse it up front with a clear one. Mutations check their own input and answer a typed
 * ValidationError naming the field.
 */
export function noNulCharacters(): Plugin {
  const flagged = new WeakSet<object>();
  return {
    onParams({ params, request }) {
      if (params.query?.includes('\u0000') || JSON.stringify(params.variables ?? null).includes('\\u0000')) {
        flagged.add(request);
      }
    },
    // decided on the operation that runs, not on how the document starts: mutations check each
    // string field themselves and answer with a ValidationError that names it
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: object }).request;
      if (!request || !flagged.has(request)) return;
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Strings must not contain NUL (\\u0000) characters', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      });
    },
  };
}

/**
 * Answers an operation that runs longer than `ms` with a TIMEOUT error instead of holding the client.
 * The database side is bounded separately by statement_timeout, which cancels the query itself.
 * Only queries are timed: subscriptions are long-lived, and a mutation must not be reported as failed
 * while its transaction may still commit.
 */
export function requestTimeout(ms: number): Plugin {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      // only reads are cut short: a write answered "timed out" would still commit behind the client's back
      // (its database work is bounded by statement_timeout instead)
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      setExecuteFn(async (executeArgs) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  new GraphQLError(`The request took longer than ${ms} ms`, { extensions: { code: 'TIMEOUT' } }),
                ],
              }),
            ms,
          );
        });
        try {
          return await Promise.race([executeFn(executeArgs), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
