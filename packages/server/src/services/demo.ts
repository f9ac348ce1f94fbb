import type { Db } from '@newsgraph/db';
import { articles } from '@newsgraph/db';
import { eq, sql } from 'drizzle-orm';
import { insertArticle } from './articles.js';
import { applyCorrection } from './corrections.js';
import { demoArticles, demoCorrection } from './demo-corpus.js';

/** Whether the store holds no article yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo corpus in one transaction. Articles already present (by url) are left alone, so
 * running it twice adds nothing.
 */
export async function seedDemo(db: Db): Promise<{ created: number }> {
  return db.transaction(async (tx) => {
    let created = 0;
    for (const article of demoArticles) {
      const [exists] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.url, article.url));
      if (exists) continue;
      await insertArticle(tx, { ...article, createdBy: 'demo' });
      created++;
    }
    const [wire] = await tx
      .select({ id: articles.id, version: articles.version, body: articles.body })
      .from(articles)
      .where(eq(articles.url, demoCorrection.url));
    if (wire && wire.version === 1) {
      const paragraphs = wire.body.split(/\n{2,}/);
      const target = paragraphs[demoCorrection.paragraphIndex] ?? '';
      paragraphs[demoCorrection.paragraphIndex] = target.replace(demoCorrection.from, demoCorrection.to);
      await applyCorrection(tx, {
        articleId: wire.id,
        expectedVersion: 1,
        kind: demoCorrection.kind,
        note: demoCorrection.note,
        createdBy: 'demo',
        paragraphs,
      });
    }
    return { created };
  });
}
