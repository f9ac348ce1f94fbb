import { builder } from '../builder.js';
import { AssertedBy, AttributionRole } from './enums.js';

export const Attribution = builder.drizzleObject('attributions', {
  name: 'Attribution',
  description: 'That an article rests on a source, in a role (after PROV-O qualifiedAttribution), with the evidence.',
  select: { columns: { id: true } },
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: AttributionRole }),
    source: t.relation('source'),
    via: t.relation('via', {
      nullable: true,
      description: 'The source that relayed this one (anonymous sources via a wire).',
    }),
    evidence: t.exposeString('evidence', {
      nullable: true,
      description: 'The sentence or phrase the attribution rests on.',
    }),
    paragraphIndex: t.exposeInt('paragraphIndex', { nullable: true }),
    assertedBy: t.expose('assertedBy', { type: AssertedBy }),
    article: t.relation('article'),
  }),
});
