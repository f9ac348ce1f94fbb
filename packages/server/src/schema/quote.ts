import { builder } from '../builder.js';
import { LIST_CAP } from '../pagination.js';
import { Article } from './article.js';
import { Source } from './source.js';

export const Quote = builder.drizzleObject('quotes', {
  name: 'Quote',
  description: 'A phrase the article quotes, with its paragraph and, where the sentence says, its source.',
  select: { columns: { id: true } },
  fields: (t) => ({
    text: t.exposeString('text'),
    paragraphIndex: t.exposeInt('paragraphIndex', { description: 'Index into Article.paragraphs.' }),
    source: t.relation('source', { type: Source, nullable: true }),
  }),
});

builder.drizzleObjectFields(Article, (t) => ({
  quotes: t.relation('quotes', {
    type: Quote,
    description: `The quoted phrases, in text order (the first ${LIST_CAP}).`,
    query: { orderBy: { paragraphIndex: 'asc', id: 'asc' }, limit: LIST_CAP },
  }),
}));
