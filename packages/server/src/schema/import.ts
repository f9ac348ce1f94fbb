import { IngestValidationError, parseArticle } from '@newsgraph/ingest';
import { builder } from '../builder.js';
import { audited, Issues } from '../mutations.js';
import { importDraft } from '../services/import.js';
import { articleJsonLd, jsonLdSelection } from '../services/jsonld.js';
import { Article } from './article.js';
import { DuplicateError, ValidationError } from './errors.js';
import './quote.js';

const ArticleFormat = builder.enumType('ArticleFormat', {
  description: 'How importArticle reads its content.',
  values: ['TEXT', 'HTML'] as const,
});

const ImportArticleInput = builder.inputType('ImportArticleInput', {
  fields: (t) => ({
    content: t.string({ required: true, description: 'The article as scraped text or a saved HTML page.' }),
    format: t.field({ type: ArticleFormat, required: false, description: 'Detected from the content when absent.' }),
    url: t.string({
      required: false,
      description: 'Canonical url; otherwise taken from the content (Original url line, rel=canonical).',
    }),
    recordRevision: t.boolean({
      required: false,
      description:
        "Different content for a stored url becomes a new revision instead of a DuplicateError. Its quotes, and the parser's attributions and references, then follow the new text: those it no longer has are removed (kept on record, no longer read), new ones are added, the rest keep their ids; an editor's are never touched.",
    }),
  }),
});

const ImportArticleSuccess = builder.objectRef<{ articleId: string; created: boolean; warnings: string[] }>(
  'ImportArticleSuccess',
);

builder.objectType(ImportArticleSuccess, {
  fields: (t) => ({
    article: t.field({ type: Article, resolve: (r) => ({ id: r.articleId }) }),
    created: t.exposeBoolean('created', {
      description: 'False when the url was already stored (unchanged or revised).',
    }),
    warnings: t.exposeStringList('warnings', {
      description: 'What the parser was unsure of; "unchanged: …" when the same content was already stored.',
    }),
  }),
});

builder.mutationField('importArticle', (t) =>
  t.field({
    type: ImportArticleSuccess,
    description:
      'Parses article text or HTML and stores it with its sources, attributions, references, quotes and correction notes, in one transaction. Idempotent per canonical url.',
    authScopes: { editor: true },
    errors: { types: [ValidationError, DuplicateError] },
    args: { input: t.arg({ type: ImportArticleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      issues.url('url', input.url);
      issues.throwIfAny();

      let draft: ReturnType<typeof parseArticle>;
      try {
        draft = parseArticle({ content: input.content, format: input.format ?? undefined, url: input.url ?? null });
      } catch (error) {
        if (error instanceof IngestValidationError) throw ValidationError.field(error.field, error.message);
        throw error;
      }

      // the content itself can be megabytes: the audit row keeps what identifies the import
      const summary = { url: draft.url, format: input.format ?? null, recordRevision: input.recordRevision ?? false };
      // two imports of the same new url (or naming the same new outlet) at once: audited runs the loser
      // again, and then it finds the winner's rows
      const result = await audited(
        ctx,
        'importArticle',
        summary,
        (tx) =>
          importDraft(tx, draft, {
            recordRevision: input.recordRevision ?? false,
            createdBy: ctx.viewer?.label ?? 'anonymous',
          }),
        (r) => ({ articleId: r.articleId, outcome: r.outcome, version: r.version }),
      );
      return { articleId: result.articleId, created: result.created, warnings: result.warnings };
    },
  }),
);

builder.drizzleObjectFields(Article, (t) => ({
  jsonLd: t.field({
    type: 'JSON',
    description:
      'The provenance graph as schema.org NewsArticle JSON-LD: publisher, author, sourceOrganization, isBasedOn, citation, correction.',
    select: jsonLdSelection,
    resolve: (a) => articleJsonLd(a),
  }),
}));
