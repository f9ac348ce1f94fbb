import { createHash, randomUUID } from 'node:crypto';
import { articles, attributions, corrections, crossReferences } from '@newsgraph/db';
import type {
  ArticleDraft,
  DraftAttribution,
  DraftCorrection,
  DraftQuote,
  DraftReference,
  DraftSource,
} from '@newsgraph/ingest';
import { normalizeTitle, normalizeUrl } from '@newsgraph/ingest';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { DuplicateError, ValidationError } from '../errors.js';
import { joinParagraphs } from './articles.js';
import { applyCorrection } from './corrections.js';
import { jsonParam, resolveSources, type SourceRequest } from './source-batch.js';
import type { SourceInput } from './sources.js';
import type { Tx } from './tx.js';

export interface ImportOptions {
  /** Fingerprint of the imported content. @default contentHash(draft) */
  contentHash?: string;
  /** Different content for a stored url becomes a new revision (an UPDATE correction) instead of a DuplicateError. @default false */
  recordRevision?: boolean;
  /** Label of the key (or "cli") that imports. */
  createdBy: string;
}

export type ImportOutcome = 'created' | 'unchanged' | 'revised';

export interface ImportResult {
  articleId: string;
  outcome: ImportOutcome;
  created: boolean;
  version: number;
  warnings: string[];
}

/** Who a parser-found correction note is recorded as made by; `assertedBy` says PARSER as well. */
export const PARSER_LABEL = 'parser';

/**
 * What "the same content" means for re-imports: the text as the draft reads it (title, date, paragraphs,
 * correction notes), not the raw bytes — a re-scrape whose page chrome changed is still the same article.
 */
export function contentHash(draft: ArticleDraft): string {
  const canonical = JSON.stringify([
    draft.title,
    draft.publishedAt?.toISOString() ?? null,
    draft.paragraphs,
    draft.corrections.map((c) => [c.kind, c.note, c.date?.toISOString() ?? null]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const sourceInput = (s: DraftSource): SourceInput => ({
  name: s.name,
  kind: s.kind,
  aliases: s.aliases,
  domain: s.domain,
  anonymousCount: s.anonymousCount,
});

/**
 * Stores a parsed draft, idempotently per canonical url. Call inside a transaction: one article is
 * stored whole or not at all. A batch of one through importDrafts; throws what the article failed with.
 *
 * - new url → the article, revision 1, attributions, references (resolving those waiting for it),
 *   quotes, and the correction notes the text carries;
 * - same content again → nothing changes (`unchanged`);
 * - different content → DuplicateError, or with `recordRevision` a new revision through applyCorrection,
 *   whose quotes, attributions and references then follow the new text (see reviseArticle).
 *
 * Correction notes found in the text describe the article *as published*: the text we hold already
 * is the corrected one and the version before it was never seen. So they are recorded as corrections
 * with fromVersion = toVersion (no field changes), asserted by PARSER, dated by the note; the article's
 * status becomes CORRECTED (RETRACTED for a retraction) just as an editor's correction would make it.
 */
export async function importDraft(tx: Tx, draft: ArticleDraft, options: ImportOptions): Promise<ImportResult> {
  const [outcome] = await storeDrafts(tx, [{ draft, hash: options.contentHash ?? contentHash(draft) }], options);
  if (!outcome) throw new Error('import stored nothing');
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

/** One article of a batch: stored (or found unchanged, or revised), or refused with a ValidationError / DuplicateError. */
export type DraftOutcome = { ok: true; result: ImportResult } | { ok: false; error: ValidationError | DuplicateError };

/**
 * importDraft for many drafts in one transaction, with the same outcome for each as importing them one
 * after another in this order: an article refused (no url; different content without recordRevision)
 * comes back as `{ ok: false }` and writes nothing, the others are stored. Anything else that goes
 * wrong throws, and the transaction must be given up — then import the drafts one by one to learn
 * which one it was.
 *
 * The new articles of a batch cost a fixed number of statements, however many there are: one to find
 * the stored urls, one to find the sources they name and one to add the new ones, one that inserts
 * articles, revisions, attributions, quotes and correction notes, one lock, and one that resolves
 * references both ways. Re-imports that record a revision take the per-article path (applyCorrection).
 */
export async function importDrafts(
  tx: Tx,
  drafts: readonly ArticleDraft[],
  options: Omit<ImportOptions, 'contentHash'>,
): Promise<DraftOutcome[]> {
  return storeDrafts(
    tx,
    drafts.map((draft) => ({ draft, hash: contentHash(draft) })),
    options,
  );
}

interface Item {
  draft: ArticleDraft;
  hash: string;
}

async function storeDrafts(tx: Tx, items: readonly Item[], options: ImportOptions): Promise<DraftOutcome[]> {
  const outcomes: (DraftOutcome | undefined)[] = new Array(items.length);
  // a url twice in one batch: the later copy is stored after the first, as a re-import of it
  const firsts: { item: Item; url: string; at: number }[] = [];
  const later: number[] = [];
  const seen = new Set<string>();
  items.forEach((item, at) => {
    if (!item.draft.url) {
      outcomes[at] = {
        ok: false,
        error: ValidationError.field('url', 'no canonical url: pass `url`, or include an "Original url:" line'),
      };
      return;
    }
    const url = normalizeUrl(item.draft.url);
    if (seen.has(url)) later.push(at);
    else {
      seen.add(url);
      firsts.push({ item, url, at });
    }
  });

  const stored = firsts.length
    ? await tx
        .select({
          id: articles.id,
          url: articles.url,
          version: articles.version,
          contentHash: articles.contentHash,
          title: articles.title,
          // only compared when there is no hash (stored by hand or by the demo seed)
          body: sql<string | null>`case when ${articles.contentHash} is null then ${articles.body} end`,
        })
        .from(articles)
        .where(inArray(articles.url, [...seen]))
    : [];
  const byUrl = new Map(stored.map((a) => [a.url, a]));

  const fresh: { item: Item; url: string; at: number }[] = [];
  const revisions: { existing: { id: string; url: string; version: number }; item: Item; at: number }[] = [];
  for (const f of firsts) {
    const existing = byUrl.get(f.url);
    if (!existing) {
      fresh.push(f);
      continue;
    }
    const { draft } = f.item;
    const warnings = [...draft.warnings];
    const same =
      existing.contentHash !== null
        ? existing.contentHash === f.item.hash
        : // stored by hand or by the demo seed: the same text counts as the same content
          existing.title === draft.title && existing.body === joinParagraphs(draft.paragraphs);
    if (same) {
      warnings.push(`unchanged: ${f.url} is already stored with this content`);
      outcomes[f.at] = {
        ok: true,
        result: { articleId: existing.id, outcome: 'unchanged', created: false, version: existing.version, warnings },
      };
    } else if (!options.recordRevision) {
      outcomes[f.at] = {
        ok: false,
        error: new DuplicateError(
          `${f.url} is already stored with different content; import with recordRevision to record it as a new revision`,
          existing.id,
        ),
      };
    } else revisions.push({ existing, item: f.item, at: f.at });
  }

  if (fresh.length) {
    const created = await insertDrafts(tx, fresh, options.createdBy);
    fresh.forEach((f, k) => {
      outcomes[f.at] = { ok: true, result: created[k] as ImportResult };
    });
  }
  for (const r of revisions) {
    outcomes[r.at] = {
      ok: true,
      result: await reviseArticle(tx, r.existing, r.item, options.createdBy),
    };
  }
  if (later.length) {
    const again = await storeDrafts(
      tx,
      later.map((at) => items[at] as Item),
      options,
    );
    later.forEach((at, k) => {
      outcomes[at] = again[k];
    });
  }
  return outcomes as DraftOutcome[];
}

/** Advisory lock key that orders the reference-resolving step of concurrent imports ("ngrf"). */
const REFERENCE_LOCK = 0x6e67_7266;

/**
 * Inserts new articles with everything they carry, in a few statements whatever their number.
 *
 * Ids are made here, so parents and children go into one statement: articles with their first
 * revision, attributions, quotes and correction notes, each from one JSON parameter
 * (jsonb_to_recordset), which keeps a batch of hundreds of rows to a handful of parameters. Sources
 * come before, in their own statement (resolveSources).
 *
 * References come last, under a transaction-level advisory lock: two imports running at once, one
 * storing A that names B, the other storing B, would otherwise each miss the other's uncommitted row
 * and leave A's reference unresolved for good. Under the lock, the second one's statement starts after
 * the first one committed and sees its rows, whichever order they came in. The lock covers only the
 * short tail of the transaction (that statement, the caller's audit rows, commit).
 */
async function insertDrafts(
  tx: Tx,
  fresh: readonly { item: Item; url: string }[],
  createdBy: string,
): Promise<ImportResult[]> {
  const requests: SourceRequest[] = [];
  const articleRows = [];
  const attributionRows: { article: string; attribution: RequestedAttribution }[] = [];
  const quoteRows: { article: string; quote: RequestedQuote }[] = [];
  const correctionRows = [];
  const referenceRows: ReferenceRow[] = [];
  const waiting: WaitingArticle[] = [];
  const results: ImportResult[] = [];

  for (const [pos, { item, url }] of fresh.entries()) {
    const { draft } = item;
    const id = orderedId();
    const { publisher, attributions, quotes } = requestSources(draft, requests);
    for (const attribution of attributions) attributionRows.push({ article: id, attribution });
    for (const quote of quotes) quoteRows.push({ article: id, quote });

    const title = draft.title;
    const titleKey = normalizeTitle(title);
    articleRows.push({
      id,
      url,
      title,
      title_key: titleKey,
      published_at: draft.publishedAt,
      language: draft.language ?? null,
      body: joinParagraphs(draft.paragraphs),
      publisher: publisher,
      content_hash: item.hash,
      status: statusAfter(draft.corrections).status ?? 'PUBLISHED',
    });
    for (const n of draft.corrections) {
      correctionRows.push({
        article_id: id,
        kind: n.kind,
        note: n.note,
        created_by: PARSER_LABEL,
        asserted_by: 'PARSER',
        stated_at: n.date,
        from_version: 1,
        to_version: 1,
        changes: [],
      });
    }
    for (const r of draft.references) referenceRows.push(referenceRow(id, pos, r, createdBy));
    waiting.push({ id, url, title_key: titleKey, pos });
    results.push({ articleId: id, outcome: 'created', created: true, version: 1, warnings: [...draft.warnings] });
  }

  // Postgres compiles (JIT) any plan whose estimate passes jit_above_cost, and the estimates of these
  // JSON-fed statements are guesses: compiling took ~100 ms, far more than running them (~5 ms)
  await tx.execute(sql`set local jit = off`);
  await resolveSources(tx, requests);
  // in url order, so two batches that share a url wait for each other rather than deadlock
  articleRows.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  await tx.execute(sql`
    with new_articles as (
      insert into articles (id, url, title, title_key, published_at, language, body, publisher_id, content_hash, status)
      select * from jsonb_to_recordset(${jsonParam(articleRows.map((a) => ({ ...a, publisher: idOf(a.publisher) })))}::jsonb)
        as x(id uuid, url text, title text, title_key text, published_at timestamptz, language text, body text,
             publisher uuid, content_hash text, status article_status)
      returning id, title, body, published_at, created_at
    ),
    new_revisions as (
      insert into article_revisions (article_id, version, title, body, published_at, created_at)
      select id, 1, title, body, published_at, created_at from new_articles
    ),
    new_attributions as (
      ${insertAttributionsSql(attributionRows.map(({ article, attribution }) => attributionRow(article, attribution)))}
    ),
    new_quotes as (
      ${insertQuotesSql(quoteRows.map(({ article, quote }) => quoteRow(article, quote)))}
    ),
    new_corrections as (
      insert into corrections (article_id, kind, note, created_by, asserted_by, stated_at, from_version, to_version, changes)
      select * from jsonb_to_recordset(${jsonParam(correctionRows)}::jsonb)
        as x(article_id uuid, kind correction_kind, note text, created_by text, asserted_by asserted_by,
             stated_at timestamptz, from_version integer, to_version integer, changes jsonb)
    )
    select count(*) from new_articles`);

  await storeReferences(tx, waiting, referenceRows);
  return results;
}

/** A draft's attribution with the requests for its sources. */
interface RequestedAttribution {
  a: DraftAttribution;
  source: SourceRequest;
  via: SourceRequest | null;
}

/** A draft's quote with the request for its source. */
interface RequestedQuote {
  q: DraftQuote;
  source: SourceRequest | null;
}

const idOf = (r: SourceRequest | null): string | null => r?.id ?? null;

/**
 * The sources a draft names, appended to `requests` in the order the single-article path looked them
 * up: publisher, each attribution's via then source, then the quotes' sources. A new article and a
 * revision of it ask for them alike, so resolveSources gives both the same rows.
 */
function requestSources(draft: ArticleDraft, requests: SourceRequest[]) {
  const request = (s: DraftSource, relay: SourceRequest | null = null): SourceRequest => {
    const r: SourceRequest = { input: sourceInput(s), relay };
    requests.push(r);
    return r;
  };
  const publisher = draft.publisher ? request(draft.publisher) : null;
  const attributions = draft.attributions.map((a): RequestedAttribution => {
    const via = a.via ? request(a.via) : null;
    return { a, via, source: request(a.source, a.source.kind === 'ANONYMOUS' ? via : null) };
  });
  const quoteSource = draftSources(draft, request);
  const quotes = draft.quotes.map((q): RequestedQuote => ({ q, source: q.source ? quoteSource(q.source) : null }));
  return { publisher, attributions, quotes };
}

/** An attribution as the parser asserts it, once its sources are resolved: a row for insertAttributionsSql. */
const attributionRow = (articleId: string, { a, source, via }: RequestedAttribution) => ({
  article_id: articleId,
  source_id: idOf(source),
  role: a.role,
  via_id: idOf(via),
  evidence: a.evidence ?? null,
  paragraph_index: a.paragraphIndex ?? null,
  asserted_by: 'PARSER' as const,
});
type AttributionRow = ReturnType<typeof attributionRow>;

/** Inserts attribution rows from one JSON parameter: a statement, or the body of a CTE. */
const insertAttributionsSql = (rows: AttributionRow[]) => sql`
      insert into attributions (article_id, source_id, role, via_id, evidence, paragraph_index, asserted_by)
      select * from jsonb_to_recordset(${jsonParam(rows)}::jsonb)
        as x(article_id uuid, source_id uuid, role attribution_role, via_id uuid, evidence text, paragraph_index integer,
             asserted_by asserted_by)`;

const quoteRow = (articleId: string, { q, source }: RequestedQuote) => ({
  article_id: articleId,
  text: q.text,
  paragraph_index: q.paragraphIndex,
  source_id: idOf(source),
});

/** Inserts quote rows from one JSON parameter: a statement, or the body of a CTE. */
const insertQuotesSql = (rows: ReturnType<typeof quoteRow>[]) => sql`
      insert into quotes (article_id, text, paragraph_index, source_id)
      select * from jsonb_to_recordset(${jsonParam(rows)}::jsonb)
        as x(article_id uuid, text text, paragraph_index integer, source_id uuid)`;

/** A reference of a draft as storeReferences takes it; `pos` is its article's place in the batch. */
const referenceRow = (fromId: string, pos: number, r: DraftReference, createdBy: string) => ({
  from_id: fromId,
  pos,
  kind: r.kind,
  anchor_text: r.anchorText ?? null,
  paragraph_index: r.paragraphIndex ?? null,
  target_url: r.targetUrl ? normalizeUrl(r.targetUrl) : null,
  target_title: r.targetTitle ?? null,
  target_title_key: r.targetTitle ? normalizeTitle(r.targetTitle) : null,
  created_by: createdBy,
});
type ReferenceRow = ReturnType<typeof referenceRow>;

/** An article of the batch that references may be waiting for; `pos` is its place in the batch. */
interface WaitingArticle {
  id: string;
  url: string;
  title_key: string;
  pos: number;
}

/**
 * Stores the parser's references of the articles in `waiting` (the batch, in order) and resolves them,
 * in one statement under the reference lock (see insertDrafts).
 */
async function storeReferences(tx: Tx, waiting: WaitingArticle[], rows: ReferenceRow[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK})`);
  // As if the batch were imported one article after another:
  // - references already stored that wait for one of these articles (by url or title) now point at it,
  //   the first of them in batch order;
  // - a new reference finds its target among stored articles and those before it in the batch: a url
  //   match first, else the earliest article with the title, never its own article; failing that, the
  //   first article after it in the batch that has its url or title.
  // Stored articles count as earlier than this batch's even when their transaction started later (their
  // created_at is later): they committed before this statement, which runs under the lock.
  await tx.execute(sql`
    with batch as (
      select * from jsonb_to_recordset(${jsonParam(waiting)}::jsonb) as x(id uuid, url text, title_key text, pos integer)
    ),
    resolved as (
      update cross_references cr set target_id = m.article_id
      from (
        -- lateral: an index probe per article of the batch, not a scan of every unresolved reference
        select distinct on (w.ref_id) w.ref_id, b.id as article_id
        from batch b cross join lateral (
          select c.id as ref_id from cross_references c
          where c.target_url = b.url and c.target_id is null and c.from_id <> b.id
          union all
          select c.id from cross_references c
          where c.target_title_key = b.title_key and c.target_id is null and c.from_id <> b.id
        ) w
        order by w.ref_id, b.pos
      ) m
      where cr.id = m.ref_id
    )
    insert into cross_references (from_id, target_id, kind, anchor_text, paragraph_index, target_url, target_title,
                                  target_title_key, created_by, asserted_by)
    select x.from_id,
      coalesce(
        nullif(coalesce(
          (select a.id from articles a
           where a.url = x.target_url and not exists (select 1 from batch b where b.id = a.id and b.pos > x.pos)
           order by a.created_at, a.id limit 1),
          (select a.id from articles a
           where a.title_key = x.target_title_key and not exists (select 1 from batch b where b.id = a.id and b.pos > x.pos)
           order by exists (select 1 from batch b where b.id = a.id), a.created_at, a.id limit 1)
        ), x.from_id),
        (select b.id from batch b
         where b.pos > x.pos and b.id <> x.from_id and (b.url = x.target_url or b.title_key = x.target_title_key)
         order by b.pos limit 1)
      ),
      x.kind, x.anchor_text, x.paragraph_index, x.target_url, x.target_title, x.target_title_key, x.created_by, 'PARSER'
    from jsonb_to_recordset(${jsonParam(rows)}::jsonb)
      as x(from_id uuid, pos integer, kind cross_reference_kind, anchor_text text, paragraph_index integer,
           target_url text, target_title text, target_title_key text, created_by text)`);
}

/**
 * Resolves a draft's sources once each, with `make`. An anonymous source is keyed by its relaying
 * outlet, which the draft names only by name: the outlet its `relayedBy` names among the draft's own
 * sources, else the via of the attribution that names it; the relay is resolved first.
 */
function draftSources(
  draft: ArticleDraft,
  make: (s: DraftSource, relay: SourceRequest | null) => SourceRequest,
): (s: DraftSource) => SourceRequest {
  const cache = new Map<string, SourceRequest>();
  const named = new Map<string, DraftSource>();
  for (const a of draft.attributions) {
    for (const s of [a.source, a.via]) if (s && s.kind !== 'ANONYMOUS') named.set(s.name.toLowerCase(), s);
  }
  if (draft.publisher) named.set(draft.publisher.name.toLowerCase(), draft.publisher);
  const resolve = (s: DraftSource): SourceRequest => {
    const key = `${s.kind}\u0000${s.name.toLowerCase()}\u0000${s.relayedBy ?? ''}`;
    let r = cache.get(key);
    if (r === undefined) {
      const relay =
        s.kind !== 'ANONYMOUS'
          ? undefined
          : ((s.relayedBy ? named.get(s.relayedBy.toLowerCase()) : undefined) ??
            draft.attributions.find((a) => a.source.kind === 'ANONYMOUS' && a.source.name === s.name)?.via ??
            undefined);
      r = make(s, relay ? resolve(relay) : null);
      cache.set(key, r);
    }
    return r;
  };
  return resolve;
}

let lastMs = 0;
let sequence = 0;

/**
 * A time-ordered uuid (version 7, with a 12-bit sequence within the millisecond). Articles of one
 * transaction share created_at; "the earliest article with this title" breaks that tie on the id,
 * so ids made in import order keep the earliest imported first.
 */
export function orderedId(): string {
  const ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  // randomUUID draws from a cached pool of entropy: cheaper than randomBytes per id
  const random = randomUUID();
  const time = lastMs.toString(16).padStart(12, '0');
  const seq = (0x7000 | sequence).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-${seq}-${random.slice(19)}`;
}

/**
 * A new revision from re-imported text: the first new correction note explains it, else an UPDATE.
 *
 * What the parser found follows the new text, in the same transaction. Quotes are replaced. Parser
 * attributions and references the new text no longer has are retired (removed_at set, removed_by
 * "parser" for references; the rows stay), those it adds are stored as a first import stores them
 * (same source resolution, same reference resolution), and those it still has are kept as they are,
 * ids included, so whatever points at them still resolves. An editor's attributions and references
 * are never touched, and a parser reference an editor removed does not come back.
 */
async function reviseArticle(
  tx: Tx,
  existing: { id: string; url: string; version: number },
  { draft, hash }: Item,
  createdBy: string,
): Promise<ImportResult> {
  const warnings = [...draft.warnings];
  const stored = await tx
    .select({ note: corrections.note })
    .from(corrections)
    .where(and(eq(corrections.articleId, existing.id), eq(corrections.assertedBy, 'PARSER')));
  const known = new Set(stored.map((c) => c.note));
  const [first, ...rest] = draft.corrections.filter((c) => !known.has(c.note));

  const result = await applyCorrection(tx, {
    articleId: existing.id,
    expectedVersion: existing.version,
    kind: first?.kind ?? 'UPDATE',
    note: first?.note ?? 'Re-imported: the published text changed.',
    statedAt: first?.date ?? null,
    assertedBy: 'PARSER',
    createdBy: PARSER_LABEL,
    title: draft.title,
    paragraphs: draft.paragraphs,
    publishedAt: draft.publishedAt,
  });
  if (!result.ok) {
    // only a concurrent writer in the same instant gets here; nothing was written
    throw new DuplicateError(`${draft.url} changed while it was being imported; import it again`, existing.id);
  }
  await recordNotes(tx, existing.id, result.version, rest);

  // as in insertDrafts: no JIT for the JSON-fed statements
  await tx.execute(sql`set local jit = off`);
  const requests: SourceRequest[] = [];
  const found = requestSources(draft, requests);
  await resolveSources(tx, requests);
  await tx.execute(sql`delete from quotes where article_id = ${existing.id}`);
  if (found.quotes.length) await tx.execute(insertQuotesSql(found.quotes.map((q) => quoteRow(existing.id, q))));
  await reviseAttributions(
    tx,
    existing.id,
    found.attributions.map((a) => attributionRow(existing.id, a)),
  );
  await reviseReferences(
    tx,
    { id: existing.id, url: existing.url, title_key: normalizeTitle(draft.title), pos: 0 },
    draft.references.map((r) => referenceRow(existing.id, 0, r, createdBy)),
  );
  await tx.update(articles).set({ contentHash: hash }).where(eq(articles.id, existing.id));
  warnings.push(`revised: recorded as version ${result.version}`);
  return { articleId: existing.id, outcome: 'revised', created: false, version: result.version, warnings };
}

/** When a revision retires what its text no longer has: the transaction's time, as its revision's created_at. */
const RETIRED_AT = sql`date_trunc('milliseconds', now())`;

/**
 * Pairs what is stored with what a new draft asserts, by key and one for one (a key twice is two
 * rows): `gone` is what is stored and no longer asserted, `added` what is asserted and not stored.
 */
function matchByKey<S, W>(
  stored: readonly S[],
  wanted: readonly W[],
  storedKey: (s: S) => unknown[],
  wantedKey: (w: W) => unknown[],
): { gone: S[]; added: W[] } {
  const unmatched = new Map<string, S[]>();
  for (const s of stored) {
    const key = JSON.stringify(storedKey(s));
    const same = unmatched.get(key);
    if (same) same.push(s);
    else unmatched.set(key, [s]);
  }
  const added = wanted.filter((w) => unmatched.get(JSON.stringify(wantedKey(w)))?.shift() === undefined);
  return { gone: [...unmatched.values()].flat(), added };
}

/** The article's live parser attributions become `wanted`: the missing ones retired, the new ones added. */
async function reviseAttributions(tx: Tx, articleId: string, wanted: AttributionRow[]): Promise<void> {
  const stored = await tx
    .select({
      id: attributions.id,
      sourceId: attributions.sourceId,
      role: attributions.role,
      viaId: attributions.viaId,
      evidence: attributions.evidence,
      paragraphIndex: attributions.paragraphIndex,
    })
    .from(attributions)
    .where(
      and(eq(attributions.articleId, articleId), eq(attributions.assertedBy, 'PARSER'), isNull(attributions.removedAt)),
    )
    .orderBy(attributions.createdAt, attributions.id);
  const { gone, added } = matchByKey(
    stored,
    wanted,
    (s) => [s.sourceId, s.role, s.viaId, s.evidence, s.paragraphIndex],
    (w) => [w.source_id, w.role, w.via_id, w.evidence, w.paragraph_index],
  );
  const retired = gone.map((g) => g.id);
  if (retired.length) {
    await tx.update(attributions).set({ removedAt: RETIRED_AT }).where(inArray(attributions.id, retired));
  }
  if (added.length) await tx.execute(insertAttributionsSql(added));
}

/**
 * The article's parser references become `wanted`: the missing live ones retired, the new ones stored
 * and resolved by storeReferences (the article itself as the batch, as on its first import).
 */
async function reviseReferences(tx: Tx, article: WaitingArticle, wanted: ReferenceRow[]): Promise<void> {
  // live ones, and those an editor removed: the text still naming one does not bring it back
  const stored = await tx
    .select({
      id: crossReferences.id,
      kind: crossReferences.kind,
      anchorText: crossReferences.anchorText,
      paragraphIndex: crossReferences.paragraphIndex,
      targetUrl: crossReferences.targetUrl,
      targetTitle: crossReferences.targetTitle,
      removedAt: crossReferences.removedAt,
    })
    .from(crossReferences)
    .where(
      and(
        eq(crossReferences.fromId, article.id),
        eq(crossReferences.assertedBy, 'PARSER'),
        or(isNull(crossReferences.removedAt), sql`${crossReferences.removedBy} is distinct from ${PARSER_LABEL}`),
      ),
    )
    .orderBy(sql`${crossReferences.removedAt} nulls first`, crossReferences.createdAt, crossReferences.id);
  const { gone, added } = matchByKey(
    stored,
    wanted,
    (s) => [s.kind, s.anchorText, s.paragraphIndex, s.targetUrl, s.targetTitle],
    (w) => [w.kind, w.anchor_text, w.paragraph_index, w.target_url, w.target_title],
  );
  const retired = gone.filter((r) => r.removedAt === null).map((r) => r.id);
  if (retired.length) {
    await tx
      .update(crossReferences)
      .set({ removedAt: RETIRED_AT, removedBy: PARSER_LABEL })
      .where(inArray(crossReferences.id, retired));
  }
  if (added.length) await storeReferences(tx, [article], added);
}

function statusAfter(notes: DraftCorrection[]): { status?: 'CORRECTED' | 'RETRACTED' } {
  if (!notes.length) return {};
  return { status: notes.some((n) => n.kind === 'RETRACTION') ? 'RETRACTED' : 'CORRECTED' };
}

async function recordNotes(tx: Tx, articleId: string, version: number, notes: DraftCorrection[]): Promise<void> {
  if (!notes.length) return;
  await tx.insert(corrections).values(
    notes.map((n) => ({
      articleId,
      kind: n.kind,
      note: n.note,
      createdBy: PARSER_LABEL,
      assertedBy: 'PARSER' as const,
      statedAt: n.date,
      fromVersion: version,
      toVersion: version,
      changes: [],
    })),
  );
}
