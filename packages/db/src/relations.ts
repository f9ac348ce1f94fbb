import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  sources: {
    published: r.many.articles({ from: r.sources.id, to: r.articles.publisherId }),
    // live ones only, as articles.attributions
    attributions: r.many.attributions({
      from: r.sources.id,
      to: r.attributions.sourceId,
      alias: 'source',
      where: { removedAt: { isNull: true } },
    }),
    relayedBy: r.one.sources({ from: r.sources.relayedById, to: r.sources.id, alias: 'relayed' }),
    mergedInto: r.one.sources({ from: r.sources.mergedIntoId, to: r.sources.id, alias: 'merged' }),
  },
  articles: {
    publisher: r.one.sources({ from: r.articles.publisherId, to: r.sources.id }),
    // Retired attributions (removedAt set) stay in the table but are no longer part of the article, so
    // every relational read leaves them out here rather than in each query. No many-through relation
    // to sources: drizzle filters only its target, and that would bring back retired ones' sources.
    attributions: r.many.attributions({
      from: r.articles.id,
      to: r.attributions.articleId,
      where: { removedAt: { isNull: true } },
    }),
    references: r.many.crossReferences({ from: r.articles.id, to: r.crossReferences.fromId, alias: 'from' }),
    citedBy: r.many.crossReferences({ from: r.articles.id, to: r.crossReferences.targetId, alias: 'target' }),
    corrections: r.many.corrections({ from: r.articles.id, to: r.corrections.articleId }),
    revisions: r.many.articleRevisions({ from: r.articles.id, to: r.articleRevisions.articleId }),
    quotes: r.many.quotes({ from: r.articles.id, to: r.quotes.articleId }),
  },
  attributions: {
    article: r.one.articles({ from: r.attributions.articleId, to: r.articles.id, optional: false }),
    source: r.one.sources({ from: r.attributions.sourceId, to: r.sources.id, optional: false, alias: 'source' }),
    via: r.one.sources({ from: r.attributions.viaId, to: r.sources.id, alias: 'via' }),
  },
  crossReferences: {
    from: r.one.articles({ from: r.crossReferences.fromId, to: r.articles.id, optional: false, alias: 'from' }),
    target: r.one.articles({ from: r.crossReferences.targetId, to: r.articles.id, alias: 'target' }),
  },
  corrections: {
    article: r.one.articles({ from: r.corrections.articleId, to: r.articles.id, optional: false }),
  },
  quotes: {
    article: r.one.articles({ from: r.quotes.articleId, to: r.articles.id, optional: false }),
    source: r.one.sources({ from: r.quotes.sourceId, to: r.sources.id }),
  },
  articleRevisions: {
    article: r.one.articles({ from: r.articleRevisions.articleId, to: r.articles.id, optional: false }),
    correction: r.one.corrections({ from: r.articleRevisions.correctionId, to: r.corrections.id }),
  },
}));
