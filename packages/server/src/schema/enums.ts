import {
  apiKeyRole,
  articleStatus,
  assertedBy,
  attributionRole,
  correctionKind,
  crossReferenceKind,
  sourceKind,
} from '@newsgraph/db';
import { builder } from '../builder.js';

export const SourceKind = builder.enumType('SourceKind', { values: sourceKind.enumValues });
export const ArticleStatus = builder.enumType('ArticleStatus', { values: articleStatus.enumValues });
export const AttributionRole = builder.enumType('AttributionRole', { values: attributionRole.enumValues });
export const AssertedBy = builder.enumType('AssertedBy', { values: assertedBy.enumValues });
export const CrossReferenceKind = builder.enumType('CrossReferenceKind', { values: crossReferenceKind.enumValues });
export const CorrectionKind = builder.enumType('CorrectionKind', { values: correctionKind.enumValues });
export const ApiKeyRole = builder.enumType('ApiKeyRole', { values: apiKeyRole.enumValues });
export const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
