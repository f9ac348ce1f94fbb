import type { Context } from './context.js';
import { type FieldIssue, ValidationError } from './errors.js';
import { audit } from './services/audit.js';
import { retryOnConflict, type Tx } from './services/tx.js';

/** Collects every problem with an input before failing, so a client fixes them all at once. */
export class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  text(field: string, value: string | null | undefined, { required = false, max = 10_000 } = {}): void {
    if (value == null) {
      if (required) this.add(field, 'is required');
      return;
    }
    if (required && !value.trim()) this.add(field, 'must not be empty');
    if (value.length > max) this.add(field, `must be at most ${max} characters`);
    if (value.includes('\u0000')) this.add(field, 'must not contain NUL characters');
  }
  url(field: string, value: string | null | undefined): void {
    if (value == null) return;
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') this.add(field, 'must be an http(s) URL');
    } catch {
      this.add(field, 'must be an absolute URL');
    }
  }
  throwIfAny(): void {
    if (this.list.length) {
      throw new ValidationError(this.list.map((i) => `${i.field} ${i.message}`).join('; '), this.list);
    }
  }
}

/**
 * Runs a write in one transaction together with its audit row: either both land or neither does.
 * `outcome` summarises the result for the log.
 */
export async function audited<T>(
  ctx: Context,
  action: string,
  input: unknown,
  work: (tx: Tx) => Promise<T>,
  outcome: (result: T) => unknown = () => null,
): Promise<T> {
  // Two writes storing the same new row at once (an article's url, a source's name): the loser's insert
  // hits the unique index once the winner commits, and its whole transaction rolls back. Run it again:
  // it then finds the winner's row (a DuplicateError for the url, the same source for a name). Only
  // after the commit does a write notify anyone, so a rerun announces nothing twice.
  return retryOnConflict(() =>
    ctx.db.transaction(async (tx) => {
      const result = await work(tx);
      await audit(tx, {
        actor: ctx.viewer?.label ?? 'anonymous',
        keyId: ctx.viewer?.keyId ?? null,
        action,
        input,
        outcome: outcome(result),
        requestId: ctx.requestId,
      });
      return result;
    }),
  );
}
