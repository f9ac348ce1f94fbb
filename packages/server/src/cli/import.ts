import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Db } from '@newsgraph/db';
import { IngestValidationError, MAX_CONTENT_BYTES, parseArticle } from '@newsgraph/ingest';
import { SingleBar } from 'cli-progress';
import { DuplicateError, ValidationError } from '../errors.js';
import { audit } from '../services/audit.js';
import { type ImportOutcome, importDraft, retryOnUniqueViolation } from '../services/import.js';

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

/**
 * Imports files one transaction each, so a bad file costs only itself. A progress bar goes to stderr
 * when it is a terminal; stdout keeps the summary alone.
 *
 * `concurrency` transactions run at once (a Postgres pool overlaps their round trips; PGlite has one
 * connection, so 1 there). Two of them creating the same new outlet or url collide on a unique index;
 * the loser runs again and finds the winner's row.
 */
export async function importFiles(
  db: Db,
  files: string[],
  options: { recordRevision: boolean; progress: boolean; concurrency?: number },
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    counts: { created: 0, unchanged: 0, revised: 0, failed: 0 },
    failures: [],
    seconds: 0,
  };
  const bar = options.progress
    ? new SingleBar({
        format: 'importing [{bar}] {value}/{total} {file}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      })
    : null;
  bar?.start(files.length, 0, { file: '' });

  const importOne = async (file: string) => {
    bar?.update({ file });
    try {
      // refuse before reading: the parser would refuse it anyway, after holding it all in memory
      if (statSync(file).size > MAX_CONTENT_BYTES)
        throw new IngestValidationError(`content is larger than ${MAX_CONTENT_BYTES} bytes`, 'content');
      const draft = parseArticle({ content: readFileSync(file, 'utf8'), format: formatOf(file) });
      const store = () =>
        db.transaction(async (tx) => {
          const r = await importDraft(tx, draft, { recordRevision: options.recordRevision, createdBy: 'cli' });
          await audit(tx, {
            actor: 'cli',
            action: 'importArticle',
            input: { file, url: draft.url, recordRevision: options.recordRevision },
            outcome: { articleId: r.articleId, outcome: r.outcome, version: r.version },
          });
          return r;
        });
      const result = await retryOnUniqueViolation(store);
      summary.counts[result.outcome]++;
    } catch (error) {
      summary.counts.failed++;
      summary.failures.push({ file, reason: reasonOf(error) });
    }
    bar?.increment();
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) await importOne(files[next++] as string);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  bar?.stop();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function reasonOf(error: unknown): string {
  if (error instanceof IngestValidationError) return `invalid ${error.field}: ${error.message}`;
  if (error instanceof ValidationError)
    return `invalid ${error.issues.map((i) => i.field).join(', ')}: ${error.message}`;
  if (error instanceof DuplicateError) return `duplicate: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
