/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/**
 * What went wrong, coarsely:
 * - `network`: no response at all (refused, reset, aborted, DNS);
 * - `http`: a response that is not a GraphQL result (a proxy's 502, an HTML page);
 * - `auth`: missing, unknown or too weak credentials (`UNAUTHENTICATED` / `FORBIDDEN`, 401 / 403);
 * - `graphql`: the server answered with GraphQL errors (`BAD_USER_INPUT`, validation, masked errors).
 */
export type NewsgraphErrorKind = 'network' | 'http' | 'graphql' | 'auth';

export interface NewsgraphErrorOptions {
  kind: NewsgraphErrorKind;
  status?: number | undefined;
  errors?: GraphQLErrorEntry[] | undefined;
  body?: unknown;
  data?: unknown;
  cause?: unknown;
}

/**
 * The one error the client throws. Expected failures of a mutation (a version conflict, a
 * validation error) are not errors: they come back as the mutation's result, narrowed by `__typename`.
 */
export class NewsgraphError extends Error {
  override readonly name = 'NewsgraphError';
  readonly kind: NewsgraphErrorKind;
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** The GraphQL errors, as the server sent them. */
  readonly errors: GraphQLErrorEntry[];
  /** `extensions.code` of each GraphQL error that has one (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…). */
  readonly codes: string[];
  /** The response body: parsed JSON when it was JSON, else the text. */
  readonly body: unknown;
  /** Partial `data` that came with the errors, if any. */
  readonly data: unknown;

  constructor(message: string, options: NewsgraphErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.errors = options.errors ?? [];
    this.codes = this.errors.map((e) => e.extensions?.code).filter((code): code is string => typeof code === 'string');
    this.body = options.body;
    this.data = options.data;
  }

  /** Whether any GraphQL error carries this `extensions.code`. */
  hasCode(code: string): boolean {
    return this.codes.includes(code);
  }
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** Builds the error for a response that carried GraphQL errors. */
export function graphqlError(status: number, body: unknown, errors: GraphQLErrorEntry[], data?: unknown) {
  const auth = errors.some((e) => AUTH_CODES.has(String(e.extensions?.code))) || status === 401 || status === 403;
  const first = errors[0]?.message ?? `HTTP ${status}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new NewsgraphError(`${first}${more}`, { kind: auth ? 'auth' : 'graphql', status, errors, body, data });
}
