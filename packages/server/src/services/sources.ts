import { type SourceKind, sources } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { jsonParam } from './source-batch.js';
import type { Tx } from './tx.js';

export interface SourceInput {
  /** A stored source the caller named by id: it is used as given (or what it was merged into). */
  id?: string | null;
  name: string;
  kind: SourceKind;
  aliases?: string[];
  domain?: string | null;
  anonymousCount?: number | null;
  relayedById?: string | null;
}

/**
 * Finds a source by domain, name or alias (case-insensitively), or creates it. Anonymous sources are
 * keyed by descriptor and relaying outlet, so "sources familiar with the matter" via two wires stay two.
 * New aliases and a missing domain are merged into an existing row.
 */
export async function findOrCreateSource(tx: Tx, input: SourceInput): Promise<string> {
  if (input.id) return input.id;
  const name = input.name.trim();
  const key = name.toLowerCase();
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a.toLowerCase() !== key))];
  const keys = [key, ...aliases.map((a) => a.toLowerCase())];
  const domain = input.domain?.toLowerCase() ?? null;

  const anonymous = input.kind === 'ANONYMOUS';
  const [existing] = await tx
    .select({ id: sources.id, aliases: sources.aliases, domain: sources.domain, mergedIntoId: sources.mergedIntoId })
    .from(sources)
    .where(
      anonymous
        ? sql`${sources.kind} = 'ANONYMOUS' and lower(${sources.name}) = ${key} and ${sources.relayedById} is not distinct from ${input.relayedById ?? null}`
        : sql`${sources.kind} <> 'ANONYMOUS' and (${domain !== null ? sql`${sources.domain} = ${domain} or ` : sql``}lower(${sources.name}) in ${keys} or exists (select 1 from unnest(${sources.aliases}) a where lower(a) in ${keys}))`,
    )
    .orderBy(sql`${sources.mergedIntoId} nulls first`, sql`(${sources.domain} is not distinct from ${domain}) desc`)
    .limit(1);

  if (existing) {
    const id = existing.mergedIntoId ?? existing.id;
    const missing = aliases.filter((a) => !existing.aliases.some((b) => b.toLowerCase() === a.toLowerCase()));
    if (missing.length || (domain && !existing.domain)) {
      // in one statement on the row as it is now, not as it was read: a concurrent write's aliases or
      // domain are kept, never overwritten (the same merge as the import's)
      await tx.execute(sql`update sources s
        set aliases = s.aliases || array(
              select a from jsonb_array_elements_text(${jsonParam(missing)}::jsonb) a
              where lower(a) <> all (select lower(b) from unnest(s.aliases) b)
            ),
            domain = coalesce(s.domain, ${domain})
        where s.id = ${existing.id}`);
    }
    return id;
  }

  const [created] = await tx
    .insert(sources)
    .values({
      name,
      kind: input.kind,
      aliases,
      domain,
      anonymousCount: input.anonymousCount ?? null,
      relayedById: input.relayedById ?? null,
    })
    .returning({ id: sources.id });
  if (!created) throw new Error('source insert returned nothing');
  return created.id;
}
