import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Db } from '@newsgraph/db';
import { type ArticleDraft, IngestValidationError, MAX_CONTENT_BYTES, parseArticle } from '@newsgraph/ingest';
import { SingleBar } from 'cli-progress';
import { DuplicateError, ValidationError } from '../errors.js';
import { auditAll } from '../services/audit.js';
import { type DraftOutcome, type ImportOutcome, importDrafts } from '../services/import.js';
import { retryOnConflict } from '../services/tx.js';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** Files named on the command line, and every .txt/.html/.htm file under the directories named, sorted. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path);
    else out.push(path);
  }
  return out;
}

export interface ImportSummary {
  counts: Record<ImportOutcome | 'failed', number>;
  failures: { file: string; reason: string }[];
  seconds: number;
}

const formatOf = (file: string): 'TEXT' | 'HTML' | undefined => {
  const ext = extname(file).toLowerCase();
  return ext === '.txt' ? 'TEXT' : ext === '.html' || ext === '.htm' ? 'HTML' : undefined;
};

/** Articles stored per transaction. @default 100 */
export const DEFAULT_BATCH_SIZE = 100;
/** A batch is cut short once its files hold this many characters, so a few huge pages make a small batch. */
const MAX_BATCH_CHARS = 8 * 1024 * 1024;

interface Parsed {
  file: string;
  at: number;
  draft: ArticleDraft;
}

/**
 * Imports files in batches: files are read and parsed here, then stored `batchSize` articles per
 * transaction (importDrafts: a handful of statements per batch, not a dozen per article).
 *
 * A bad file costs only itself. A file that does not parse, has no url, or repeats a stored url with
 * different content is reported and the rest of its batch is stored. Anything else that breaks a
 * batch's transaction (nothing of it is kept then) sends that batch through again one article per
 * transaction, so the others still land and the bad one is reported with its reason.
 *
 * `concurrency` batches are stored at once (a Postgres pool overlaps them; PGlite has one connection,
 * so 1 there), while the next files are parsed. Two of them creating the same new outlet or url collide
 * on a unique index; the loser runs again and finds the winner's row.
 *
 * A progress bar goes to stderr when it is a terminal; stdout keeps the summary alone.
 */
export async function importFiles(
  db: Db,
  files: string[],
  options: { recordRevision: boolean; progress: boolean; concurrency?: number; batchSize?: number },
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    counts: { created: 0, unchanged: 0, revised: 0, failed: 0 },
    failures: [],
    seconds: 0,
  };
  const failures: { at: number; file: string; reason: string }[] = [];
  const bar = options.progress
    ? new SingleBar({
        format: 'importing [{bar}] {value}/{total} {file}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      })
    : null;
  bar?.start(files.length, 0, { file: '' });

  const fail = (at: number, file: string, error: unknown) => {
    summary.counts.failed++;
    failures.push({ at, file, reason: reasonOf(error) });
  };
  const write = (batch: Parsed[]) =>
    db.transaction(async (tx) => {
      const outcomes = await importDrafts(
        tx,
        batch.map((p) => p.draft),
        { recordRevision: options.recordRevision, createdBy: 'cli' },
      );
      await auditAll(
        tx,
        outcomes.flatMap((o, k) => {
          if (!o.ok) return [];
          const { file, draft } = batch[k] as Parsed;
          const r = o.result;
          return [
            {
              actor: 'cli',
              action: 'importArticle',
              input: { file, url: draft.url, recordRevision: options.recordRevision },
              outcome: { articleId: r.articleId, outcome: r.outcome, version: r.version },
            },
          ];
        }),
      );
      return outcomes;
    });
  const tally = (batch: Parsed[], outcomes: DraftOutcome[]) => {
    outcomes.forEach((o, k) => {
      const { at, file } = batch[k] as Parsed;
      if (o.ok) summary.counts[o.result.outcome]++;
      else fail(at, file, o.error);
    });
  };
  const store = async (batch: Parsed[]) => {
    try {
      tally(batch, await retryOnConflict(() => write(batch)));
    } catch (error) {
      if (batch.length === 1) fail(batch[0]?.at ?? 0, batch[0]?.file ?? '', error);
      else {
        // which article broke it: each one alone, in its own transaction
        for (const p of batch) {
          try {
            tally([p], await retryOnConflict(() => write([p])));
          } catch (e) {
            fail(p.at, p.file, e);
          }
        }
      }
    }
    bar?.increment(batch.length);
  };

  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE) || DEFAULT_BATCH_SIZE);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1) || 1);
  const inFlight = new Set<Promise<void>>();
  let batch: Parsed[] = [];
  let chars = 0;
  const flush = async () => {
    const full = batch;
    batch = [];
    chars = 0;
    if (!full.length) return;
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const p = store(full).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  let yielded = performance.now();
  for (const [at, file] of files.entries()) {
    bar?.update({ file });
    try {
      const content = readArticleFile(file);
      batch.push({ file, at, draft: parseArticle({ content, format: formatOf(file) }) });
      chars += content.length;
    } catch (error) {
      fail(at, file, error);
      bar?.increment();
    }
    if (batch.length >= batchSize || chars >= MAX_BATCH_CHARS) await flush();
    // parsing holds the thread: let the answers to the batches in flight through every few milliseconds
    if (performance.now() - yielded > 4) {
      await new Promise(setImmediate);
      yielded = performance.now();
    }
  }
  await flush();
  while (inFlight.size) await Promise.race(inFlight);
  bar?.stop();
  summary.failures = failures.sort((a, b) => a.at - b.at).map(({ file, reason }) => ({ file, reason }));
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * The file's text, refused before reading when it is larger than the parser takes (it would refuse it
 * anyway, after holding it all in memory). One open, fstat, read and close: a stat by path first would
 * cost another lookup per file.
 */
function readArticleFile(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_CONTENT_BYTES)
      throw new IngestValidationError(`content is larger than ${MAX_CONTENT_BYTES} bytes`, 'content');
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof IngestValidationError) return `invalid ${error.field}: ${error.message}`;
  if (error instanceof ValidationError)
    return `invalid ${error.issues.map((i) => i.field).join(', ')}: ${error.message}`;
  if (error instanceof DuplicateError) return `duplicate: ${error.message}`;
  // the database's own words, not the driver's "Failed query: <the whole batch>"
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
