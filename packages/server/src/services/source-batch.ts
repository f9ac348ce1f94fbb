import { randomUUID } from 'node:crypto';
import type { SourceKind } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import type { SourceInput } from './sources.js';
import type { Tx } from './tx.js';

/** Rows of a raw `execute`: postgres.js hands back an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];

/**
 * A JSON parameter that Postgres accepts: JSON.stringify escapes a lone surrogate (`\ud800`), which
 * jsonb refuses, where a text parameter would have been stored with U+FFFD. Rare, so only then re-encoded.
 */
export function jsonParam(value: unknown): string {
  const json = JSON.stringify(value);
  // JSON.stringify writes escapes in lower case; includes() is a fast first look over a large batch
  if (!json.includes('\\ud') || !/\\ud[89a-f]/.test(json)) return json;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v));
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A source one import needs an id for, in the order the single-article path would look it up. */
export interface SourceRequest {
  input: SourceInput;
  /** For ANONYMOUS sources: the request for the outlet that relayed them. */
  relay?: SourceRequest | null;
  /** Set by resolve(): the live source id (the merge target when the row was merged). */
  id?: string;
}

interface Row {
  id: string;
  kind: SourceKind;
  name: string;
  nameKey: string;
  aliases: string[];
  aliasKeys: string[];
  domain: string | null;
  mergedIntoId: string | null;
  relayedById: string | null;
  anonymousCount: number | null;
  /** Made by this batch: inserted with its final aliases and domain. */
  planned: boolean;
  /** For a stored row: aliases this batch adds to it. */
  added: string[];
  /** For a stored row: this batch gives it its domain. */
  domainAdded: boolean;
}

/**
 * findOrCreateSource for a whole batch: sets `id` on every request. One SELECT fetches every stored
 * source any request could match (by domain, name or alias; anonymous ones by descriptor and relaying
 * outlet), then the requests are matched in order in memory — a source created for an earlier request
 * is found by a later one, and aliases and domains merge just as one lookup after another would merge
 * them. One statement then inserts the new sources and adds the new aliases to stored ones.
 *
 * A concurrent import may have created one of the new sources meanwhile: its insert is skipped
 * (`on conflict do nothing`, after waiting for that import to commit) and the requests are matched
 * again against what is stored now, instead of the whole batch failing and running again. New rows go
 * in name order and updates in id order, so two batches that share sources wait for each other rather
 * than deadlock.
 *
 * Why: a lookup (and often an insert) per source per article was most of an import's statements.
 */
export async function resolveSources(tx: Tx, requests: readonly SourceRequest[]): Promise<void> {
  if (!requests.length) return;
  let conflicts = 0;
  for (let round = 1; ; round++) {
    for (const r of requests) delete r.id;
    const rows = await fetchCandidates(tx, requests);
    for (const request of requests) match(request, rows);
    const planned = new Set(rows.filter((r) => r.planned).map((r) => r.id));
    // an anonymous source relayed by a new outlet waits for the next round: that outlet's insert may be
    // skipped for a concurrent one's, and its relay must then be the row that won
    const waiting = rows.filter((r) => r.planned && r.relayedById !== null && planned.has(r.relayedById));
    const inserts = rows
      .filter((r) => r.planned && !waiting.includes(r))
      .sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
    const updates = rows.filter((r) => r.added.length || r.domainAdded).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!inserts.length && !updates.length && !waiting.length) return;
    const written = await writeSources(tx, inserts, updates);
    const skipped = written < inserts.length;
    if (!skipped && !waiting.length) return;
    if (skipped) conflicts++;
    if (conflicts >= 3 || round >= 6) throw new Error('sources kept being created by concurrent imports; import again');
  }
}

/** Inserts new sources (skipping any a concurrent import made first) and merges aliases and domains; how many were inserted. */
async function writeSources(tx: Tx, inserts: Row[], updates: Row[]): Promise<number> {
  if (!inserts.length && !updates.length) return 0;
  const result = await tx.execute(sql`
      with merged as (
        update sources s
        set aliases = s.aliases || array(
              select a from unnest(x.added) a where lower(a) <> all (select lower(b) from unnest(s.aliases) b)
            ),
            domain = coalesce(s.domain, x.domain)
        from jsonb_to_recordset(${jsonParam(updates.map((r) => ({ id: r.id, added: r.added, domain: r.domainAdded ? r.domain : null })))}::jsonb)
          as x(id uuid, added text[], domain text)
        where s.id = x.id
      )
      insert into sources (id, kind, name, aliases, domain, anonymous_count, relayed_by_id)
      select * from jsonb_to_recordset(${jsonParam(
        inserts.map((r) => ({
          id: r.id,
          kind: r.kind,
          name: r.name,
          aliases: r.aliases,
          domain: r.domain,
          anonymous_count: r.anonymousCount,
          relayed_by_id: r.relayedById,
        })),
      )}::jsonb)
        as x(id uuid, kind source_kind, name text, aliases text[], domain text, anonymous_count integer, relayed_by_id uuid)
      on conflict do nothing
      returning id`);
  return rowsOf(result).length;
}

/** Matches one request (its relay first) against the rows, or plans a new row for it. */
function match(request: SourceRequest, rows: Row[]): string {
  if (request.id) return request.id;
  const { input } = request;
  const anonymous = input.kind === 'ANONYMOUS';
  const relayedById = anonymous && request.relay ? match(request.relay, rows) : (input.relayedById ?? null);
  const { name, key, aliases, domain } = normalized(input);
  const keyList = [key, ...aliases.map((a) => a.toLowerCase())];
  let best: Row | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const matches = anonymous
      ? row.kind === 'ANONYMOUS' && row.nameKey === key && row.relayedById === relayedById
      : row.kind !== 'ANONYMOUS' &&
        ((domain !== null && row.domain === domain) ||
          keyList.includes(row.nameKey) ||
          row.aliasKeys.some((k) => keyList.includes(k)));
    if (!matches) continue;
    // findOrCreateSource's order: merged_into_id nulls first, (domain is not distinct from $domain) desc
    const rank = (row.mergedIntoId === null ? 0 : 2) + (row.domain === domain ? 0 : 1);
    if (rank < bestRank) {
      best = row;
      bestRank = rank;
    }
  }
  if (best) {
    const row = best;
    const missing = aliases.filter((a) => !row.aliases.some((b) => b.toLowerCase() === a.toLowerCase()));
    row.aliases = [...row.aliases, ...missing];
    row.aliasKeys = [...row.aliasKeys, ...missing.map((a) => a.toLowerCase())];
    if (!row.planned) row.added.push(...missing);
    if (domain && !row.domain) {
      row.domain = domain;
      if (!row.planned) row.domainAdded = true;
    }
    request.id = row.mergedIntoId ?? row.id;
    return request.id;
  }
  const id = randomUUID();
  rows.push({
    id,
    kind: input.kind,
    name,
    nameKey: key,
    aliases,
    aliasKeys: aliases.map((a) => a.toLowerCase()),
    domain,
    mergedIntoId: null,
    relayedById,
    anonymousCount: input.anonymousCount ?? null,
    planned: true,
    added: [],
    domainAdded: false,
  });
  request.id = id;
  return id;
}

/** The same normalisation findOrCreateSource applies to its input. */
function normalized(input: SourceInput) {
  const name = input.name.trim();
  const key = name.toLowerCase();
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a.toLowerCase() !== key))];
  return { name, key, aliases, domain: input.domain?.toLowerCase() ?? null };
}

/**
 * Every stored source a request could match: named ones by domain, name or alias; anonymous ones by
 * descriptor, relayed by nothing or by one of those named ones (or the source they were merged into).
 * Lowercasing happens in SQL, as findOrCreateSource's comparison does.
 */
async function fetchCandidates(tx: Tx, requests: readonly SourceRequest[]): Promise<Row[]> {
  const keys = new Set<string>();
  const domains = new Set<string>();
  const anonymousKeys = new Set<string>();
  for (const { input } of requests) {
    const { key, aliases, domain } = normalized(input);
    if (input.kind === 'ANONYMOUS') anonymousKeys.add(key);
    else {
      keys.add(key);
      for (const a of aliases) keys.add(a.toLowerCase());
      if (domain) domains.add(domain);
    }
  }
  const params = jsonParam({ keys: [...keys], domains: [...domains], anonymousKeys: [...anonymousKeys] });
  const result = await tx.execute(sql`
    with p as (select ${params}::jsonb as p),
    named as (
      select s.* from sources s, p
      where s.kind <> 'ANONYMOUS' and (
        s.domain in (select jsonb_array_elements_text(p->'domains'))
        or lower(s.name) in (select jsonb_array_elements_text(p->'keys'))
        or exists (select 1 from unnest(s.aliases) a where lower(a) in (select jsonb_array_elements_text(p->'keys')))
      )
    ),
    candidates as (
      select * from named
      union all
      select s.* from sources s, p
      where s.kind = 'ANONYMOUS'
        and lower(s.name) in (select jsonb_array_elements_text(p->'anonymousKeys'))
        and (s.relayed_by_id is null
          or s.relayed_by_id in (select id from named)
          or s.relayed_by_id in (select merged_into_id from named))
    )
    select id, kind, name, lower(name) as name_key, aliases, array(select lower(a) from unnest(aliases) a) as alias_keys,
      domain, merged_into_id, relayed_by_id, anonymous_count
    from candidates
    order by created_at, id`);
  return rowsOf<{
    id: string;
    kind: SourceKind;
    name: string;
    name_key: string;
    aliases: string[];
    alias_keys: string[];
    domain: string | null;
    merged_into_id: string | null;
    relayed_by_id: string | null;
    anonymous_count: number | null;
  }>(result).map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    nameKey: r.name_key,
    aliases: r.aliases,
    aliasKeys: r.alias_keys,
    domain: r.domain,
    mergedIntoId: r.merged_into_id,
    relayedById: r.relayed_by_id,
    anonymousCount: r.anonymous_count,
    planned: false,
    added: [],
    domainAdded: false,
  }));
}
