/** Every setting the server reads from the environment, with its default, in one place. */

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
};

export interface Limits {
  /** Deepest selection allowed. Relay connections nest two levels (edges → node) per list, so it sits above graphql-armor's 6. @default 12 */
  maxDepth: number;
  /** @default 15 (graphql-armor's) */
  maxAliases: number;
  /** @default 1000 (graphql-armor's) */
  maxTokens: number;
  /** @default 50 (graphql-armor's) */
  maxDirectives: number;
  /** graphql-armor cost units; its depth factor compounds on every edges → node pair, so this sits above armor's 5000. @default 50000 */
  maxCost: number;
  /** Request body bytes. @default 1_000_000 */
  maxBodyBytes: number;
  /** Whole-request timeout in ms. @default 20000 */
  requestTimeoutMs: number;
  /** Requests per minute per client IP. @default 600 */
  ratePerIp: number;
  /** Requests per minute per API key. @default 1200 */
  ratePerKey: number;
}

export function limitsFromEnv(): Limits {
  return {
    maxDepth: int('NEWSGRAPH_MAX_DEPTH', 12),
    maxAliases: int('NEWSGRAPH_MAX_ALIASES', 15),
    maxTokens: int('NEWSGRAPH_MAX_TOKENS', 1000),
    maxDirectives: int('NEWSGRAPH_MAX_DIRECTIVES', 50),
    maxCost: int('NEWSGRAPH_MAX_COST', 50_000),
    maxBodyBytes: int('NEWSGRAPH_MAX_BODY_BYTES', 1_000_000),
    requestTimeoutMs: int('NEWSGRAPH_REQUEST_TIMEOUT_MS', 20_000),
    ratePerIp: int('NEWSGRAPH_RATE_LIMIT_PER_IP', 600),
    ratePerKey: int('NEWSGRAPH_RATE_LIMIT_PER_KEY', 1200),
  };
}
