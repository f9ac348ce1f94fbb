import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  sources: {
    published: r.many.articles({ from: r.sources.id, to: r.articles.publisherId }),
    attributions: r.many.attributions({ from: r.sources.id, to: r.attributions.sourceId, alias: 'source' }),
    relayedBy: r.one.sources({ from: r.sources.relayedById, to: r.sources.id, alias: 'relayed' }),
    mergedInto: r.one.sources({ from: r.sources.mergedIntoId, to: r.sources.id, alias: 'merged' }),
  },
  articles: {
    publisher: r.one.sources({ from: r.articles.publisherId, to: r.sources.id }),
    attributions: r.many.attributions({ from: r.articles.id, to: r.attributions.articleId }),
    sources: r.many.sources({
      from: r.articles.id.through(r.attributions.articleId),
      to: r.sources.id.through(r.attributions.sourceId),
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
