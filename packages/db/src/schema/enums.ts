import { pgEnum } from 'drizzle-orm/pg-core';

export const sourceKind = pgEnum('source_kind', [
  'OUTLET',
  'WIRE_AGENCY',
  'PHOTO_AGENCY',
  'PERSON',
  'ANONYMOUS',
  'ORGANIZATION',
  'GOVERNMENT',
  'DOCUMENT',
]);

export const articleStatus = pgEnum('article_status', ['PUBLISHED', 'CORRECTED', 'RETRACTED']);

export const attributionRole = pgEnum('attribution_role', [
  'AUTHOR',
  'PUBLISHER',
  'WIRE_ORIGIN',
  'NAMED_SOURCE',
  'ANONYMOUS_SOURCE',
  'DOCUMENT_SOURCE',
  'PHOTO_CREDIT',
  'CONTRIBUTOR',
]);

export const assertedBy = pgEnum('asserted_by', ['PARSER', 'EDITOR']);

export const crossReferenceKind = pgEnum('cross_reference_kind', [
  'RE_REPORTS',
  'QUOTES',
  'CITES',
  'RELATED',
  'SYNDICATES',
  'PRIMARY_SOURCE',
  'CORRECTS',
  'FOLLOWS_UP',
]);

export const correctionKind = pgEnum('correction_kind', [
  'CORRECTION',
  'CLARIFICATION',
  'UPDATE',
  'EDITORS_NOTE',
  'RETRACTION',
]);

export const apiKeyRole = pgEnum('api_key_role', ['READER', 'EDITOR', 'ADMIN']);

export type SourceKind = (typeof sourceKind.enumValues)[number];
export type ArticleStatus = (typeof articleStatus.enumValues)[number];
export type AttributionRole = (typeof attributionRole.enumValues)[number];
export type AssertedBy = (typeof assertedBy.enumValues)[number];
export type CrossReferenceKind = (typeof crossReferenceKind.enumValues)[number];
export type CorrectionKind = (typeof correctionKind.enumValues)[number];
export type ApiKeyRole = (typeof apiKeyRole.enumValues)[number];
