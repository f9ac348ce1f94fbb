import { builder } from '../builder.js';
import { CrossReferenceKind } from './enums.js';

export const CrossReference = builder.drizzleNode('crossReferences', {
  name: 'CrossReference',
  description:
    'A reference from one article to another, or to a URL/title not yet in the store (targetUrl/targetTitle, target null).',
  id: { column: (r) => r.id },
  fields: (t) => ({
    kind: t.expose('kind', { type: CrossReferenceKind }),
    from: t.relation('from'),
    target: t.relation('target', { nullable: true, description: 'Null while the target is not in the store.' }),
    anchorText: t.exposeString('anchorText', { nullable: true }),
    paragraphIndex: t.exposeInt('paragraphIndex', { nullable: true }),
    targetUrl: t.exposeString('targetUrl', { nullable: true }),
    targetTitle: t.exposeString('targetTitle', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
