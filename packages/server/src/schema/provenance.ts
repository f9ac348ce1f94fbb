import type { articles } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import { badInput } from '../pagination.js';
import {
  idsFromJson,
  MAX_DEPTH,
  type ProvenanceStepRow,
  provenanceJsonSql,
  stepsFromJson,
  upstreamCorrectionIdsJsonSql,
} from '../services/provenance.js';
import { Article } from './article.js';
import { Attribution } from './attribution.js';
import { Correction } from './correction.js';
import { CrossReference } from './cross-reference.js';
import { AttributionRole, CrossReferenceKind } from './enums.js';
import { Source } from './source.js';

/**
 * The row a `via` resolves to before the plugin loads it: its id, and which type it is under a key
 * that is no column of either (a row's own keys are read as loaded columns).
 */
type Via = { viaType: 'CrossReference' | 'Attribution'; id: string };

const ProvenanceVia = builder.unionType('ProvenanceVia', {
  description: 'What a provenance step walked: a cross-reference between articles, or an attribution to a source.',
  types: [CrossReference, Attribution],
  resolveType: (via) => (via as unknown as Via).viaType,
});

const ProvenanceStep = builder.objectRef<ProvenanceStepRow>('ProvenanceStep').implement({
  description:
    'One link of a provenance chain: an article reached through a reference, or a source through an attribution.',
  fields: (t) => ({
    depth: t.exposeInt('depth', { description: 'Hops from the article asked about (1 = directly).' }),
    kind: t.field({
      type: CrossReferenceKind,
      nullable: true,
      description: 'For an article step: how it was reached (RE_REPORTS, SYNDICATES, …).',
      resolve: (step) => step.kind as never,
    }),
    role: t.field({
      type: AttributionRole,
      nullable: true,
      description: 'For a source step: the role the source plays (WIRE_ORIGIN, ANONYMOUS_SOURCE, …).',
      resolve: (step) => step.role as never,
    }),
    evidence: t.exposeString('evidence', {
      nullable: true,
      description: 'The anchor text of the reference, or the sentence the attribution rests on.',
    }),
    article: t.field({
      type: Article,
      nullable: true,
      // the walk read the article's light columns; anything else (its body, relations) loads in one batch
      resolve: (step) => step.article ?? (step.articleId ? { id: step.articleId } : null),
    }),
    source: t.field({
      type: Source,
      nullable: true,
      resolve: (step) => (step.source ?? (step.sourceId ? { id: step.sourceId } : null)) as never,
    }),
    via: t.field({
      type: ProvenanceVia,
      nullable: true,
      description:
        'The cross-reference or attribution itself (loaded on demand; kind, role and evidence need no extra query).',
      resolve: (step) =>
        (step.crossReferenceId
          ? { viaType: 'CrossReference', id: step.crossReferenceId }
          : step.attributionId
            ? { viaType: 'Attribution', id: step.attributionId }
            : null) as never,
    }),
  }),
});

const DEPTH_HELP = `How many hops to follow (0–${MAX_DEPTH}).`;

function checkDepth(depth: number | null | undefined): number {
  const value = depth ?? 6;
  if (value < 0 || value > MAX_DEPTH) throw badInput(`maxDepth must be between 0 and ${MAX_DEPTH}, got ${value}`);
  return value;
}

/** One extra per direction and depth, so two aliases with different depths never share a value. */
const walkKey = (direction: 'up' | 'down', depth: number) => `_walk_${direction}_${depth}` as '_walk';

/**
 * The walk rides on the article's own query (a scalar subquery per article row), so a provenance
 * chain with each step's kind, role and evidence costs no statement of its own.
 */
const walkSelection = (direction: 'up' | 'down', depth: number) => ({
  extras: { [walkKey(direction, depth)]: (a: typeof articles) => provenanceJsonSql(sql`${a.id}`, direction, depth) },
});

builder.drizzleObjectFields(Article, (t) => ({
  provenance: t.field({
    type: [ProvenanceStep],
    description:
      'Upstream, to the original reporting: the articles this one re-reports, quotes, syndicates or cites, and theirs in turn, with the sources each rests on. Nearest first; cycle-safe.',
    args: { maxDepth: t.arg.int({ defaultValue: 6, description: DEPTH_HELP }) },
    select: (args) => walkSelection('up', checkDepth(args.maxDepth)),
    resolve: (article, args) => stepsFromJson(article[walkKey('up', checkDepth(args.maxDepth))]),
  }),
  derivedArticles: t.field({
    type: [ProvenanceStep],
    description: 'Downstream: the articles that re-report, quote, syndicate or cite this one, and theirs in turn.',
    args: { maxDepth: t.arg.int({ defaultValue: 6, description: DEPTH_HELP }) },
    select: (args) => walkSelection('down', checkDepth(args.maxDepth)),
    resolve: (article, args) => stepsFromJson(article[walkKey('down', checkDepth(args.maxDepth))]),
  }),
  upstreamCorrections: t.field({
    type: [Correction],
    description:
      'Corrections and retractions made anywhere upstream after this article relied on them: "your source has since been corrected". Newest first.',
    args: { maxDepth: t.arg.int({ defaultValue: 6, description: DEPTH_HELP }) },
    // the ids ride on the article's query; the corrections themselves load in one batch for all articles
    select: (args) => {
      const depth = checkDepth(args.maxDepth);
      return {
        extras: {
          [`_upstream_corrections_${depth}`]: (a: typeof articles) =>
            upstreamCorrectionIdsJsonSql(
              { id: sql`${a.id}`, since: sql`coalesce(${a.publishedAt}, ${a.createdAt})` },
              depth,
            ),
        },
      };
    },
    resolve: (article, args) =>
      idsFromJson(
        (article as unknown as Record<string, unknown>)[`_upstream_corrections_${checkDepth(args.maxDepth)}`],
      ).map((id) => ({ id })) as never,
  }),
}));
