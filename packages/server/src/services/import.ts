import { createHash } from 'node:crypto';
import { articles, corrections, quotes } from '@newsgraph/db';
import type { ArticleDraft, DraftCorrection, DraftSource } from '@newsgraph/ingest';
import { normalizeUrl } from '@newsgraph/ingest';
import { and, eq, sql } from 'drizzle-orm';
import { DuplicateError, ValidationError } from '../errors.js';
import { type AttributionInput, insertArticle, joinParagraphs, type ReferenceInput } from './articles.js';
import { applyCorrection } from './corrections.js';
import { findOrCreateSource, type SourceInput } from './sources.js';
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
 * stored whole or not at all.
 *
 * - new url → the article, revision 1, attributions, references (resolving those waiting for it),
 *   quotes, and the correction notes the text carries;
 * - same content again → nothing changes (`unchanged`);
 * - different content → DuplicateError, or with `recordRevision` a new revision through applyCorrection.
 *
 * Correction notes found in the text describe the article *as published*: the text we hold already
 * is the corrected one and the version before it was never seen. So they are recorded as corrections
 * with fromVersion = toVersion (no field changes), asserted by PARSER, dated by the note; the article's
 * status becomes CORRECTED (RETRACTED for a retraction) just as an editor's correction would make it.
 */
export async function importDraft(tx: Tx, draft: ArticleDraft, options: ImportOptions): Promise<ImportResult> {
  if (!draft.url) {
    throw ValidationError.field('url', 'no canonical url: pass `url`, or include an "Original url:" line');
  }
  const url = normalizeUrl(draft.url);
  const hash = options.contentHash ?? contentHash(draft);
  const warnings = [...draft.warnings];

  const [existing] = await tx
    .select({
      id: articles.id,
      version: articles.version,
      contentHash: articles.contentHash,
      title: articles.title,
      body: articles.body,
    })
    .from(articles)
    .where(eq(articles.url, url));

  if (existing) {
    const same =
      existing.contentHash !== null
        ? existing.contentHash === hash
        : // stored by hand or by the demo seed: the same text counts as the same content
          existing.title === draft.title && existing.body === joinParagraphs(draft.paragraphs);
    if (same) {
      warnings.push(`unchanged: ${url} is already stored with this content`);
      return { articleId: existing.id, outcome: 'unchanged', created: false, version: existing.version, warnings };
    }
    if (!options.recordRevision) {
      throw new DuplicateError(
        `${url} is already stored with different content; import with recordRevision to record it as a new revision`,
        existing.id,
      );
    }
    return reviseArticle(tx, existing, draft, hash, warnings);
  }

  const sources = sourceResolver(tx, draft);
  const attributions: AttributionInput[] = draft.attributions.map((a) => ({
    role: a.role,
    source: sourceInput(a.source),
    via: a.via ? sourceInput(a.via) : null,
    evidence: a.evidence,
    paragraphIndex: a.paragraphIndex,
    assertedBy: 'PARSER',
  }));
  const references: ReferenceInput[] = draft.references.map((r) => ({
    kind: r.kind,
    anchorText: r.anchorText,
    paragraphIndex: r.paragraphIndex,
    targetUrl: r.targetUrl,
    targetTitle: r.targetTitle,
  }));
  const { id } = await insertArticle(tx, {
    url,
    title: draft.title,
    publishedAt: draft.publishedAt,
    language: draft.language,
    paragraphs: draft.paragraphs,
    publisher: draft.publisher ? sourceInput(draft.publisher) : null,
    attributions,
    references,
    createdBy: options.createdBy,
    contentHash: hash,
    ...statusAfter(draft.corrections),
  });

  await insertQuotes(tx, id, draft, sources);
  await recordNotes(tx, id, 1, draft.corrections);
  return { articleId: id, outcome: 'created', created: true, version: 1, warnings };
}

/** A new revision from re-imported text: the first new correction note explains it, else an UPDATE. */
async function reviseArticle(
  tx: Tx,
  existing: { id: string; version: number },
  draft: ArticleDraft,
  hash: string,
  warnings: string[],
): Promise<ImportResult> {
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
  // quotes follow the current text
  await tx.execute(sql`delete from quotes where article_id = ${existing.id}`);
  await insertQuotes(tx, existing.id, draft, sourceResolver(tx, draft));
  await tx.update(articles).set({ contentHash: hash }).where(eq(articles.id, existing.id));
  warnings.push(`revised: recorded as version ${result.version}`);
  return { articleId: existing.id, outcome: 'revised', created: false, version: result.version, warnings };
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

async function insertQuotes(
  tx: Tx,
  articleId: string,
  draft: ArticleDraft,
  sources: (s: DraftSource) => Promise<string>,
): Promise<void> {
  if (!draft.quotes.length) return;
  const rows = [];
  for (const q of draft.quotes) {
    rows.push({
      articleId,
      text: q.text,
      paragraphIndex: q.paragraphIndex,
      sourceId: q.source ? await sources(q.source) : null,
    });
  }
  await tx.insert(quotes).values(rows);
}

/**
 * Resolves a draft's sources to ids, once each. An anonymous source is keyed by its relaying outlet,
 * which the draft names only by name: it is found among the draft's own sources.
 */
function sourceResolver(tx: Tx, draft: ArticleDraft): (s: DraftSource) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  const named = new Map<string, DraftSource>();
  for (const a of draft.attributions) {
    for (const s of [a.source, a.via]) if (s && s.kind !== 'ANONYMOUS') named.set(s.name.toLowerCase(), s);
  }
  if (draft.publisher) named.set(draft.publisher.name.toLowerCase(), draft.publisher);

  const resolve = (s: DraftSource): Promise<string> => {
    const key = `${s.kind}\u0000${s.name.toLowerCase()}\u0000${s.relayedBy ?? ''}`;
    let id = cache.get(key);
    if (!id) {
      id = (async () => {
        const relay =
          s.kind !== 'ANONYMOUS'
            ? undefined
            : ((s.relayedBy ? named.get(s.relayedBy.toLowerCase()) : undefined) ??
              draft.attributions.find((a) => a.source.kind === 'ANONYMOUS' && a.source.name === s.name)?.via ??
              undefined);
        const relayedById = relay ? await resolve(relay) : null;
        return findOrCreateSource(tx, { ...sourceInput(s), relayedById });
      })();
      cache.set(key, id);
    }
    return id;
  };
  return resolve;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error || (e && typeof e === 'object'); e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Runs a whole import transaction again when it lost a race on a unique index (the same new url or
 * outlet stored by a concurrent import): the next run finds the winner's row.
 */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}
