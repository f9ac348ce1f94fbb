/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddCorrectionInput = {
  articleId: string | number;
  /** The corrected text, paragraphs separated by a blank line. */
  body?: string | null | undefined;
  /** The version the editor read; the correction applies only if the article is still at it. */
  expectedVersion: number;
  kind: CorrectionKind;
  /** The public note readers see. */
  note: string;
  publishedAt?: string | null | undefined;
  /** The corrected title, if it changes. */
  title?: string | null | undefined;
};

export type AddCrossReferenceInput = {
  anchorText?: string | null | undefined;
  /** The article that refers. */
  fromId: string | number;
  kind: CrossReferenceKind;
  paragraphIndex?: number | null | undefined;
  /** The article referred to, when it is in the store. */
  targetId?: string | number | null | undefined;
  /** … and/or title; it resolves when that article is imported. */
  targetTitle?: string | null | undefined;
  /** Otherwise its URL … */
  targetUrl?: string | null | undefined;
};

export type ArticleFilter = {
  hasCorrections?: boolean | null | undefined;
  /** Published at or after. */
  publishedAfter?: string | null | undefined;
  /** Published before. */
  publishedBefore?: string | null | undefined;
  /** Published by this Source. */
  publisherId?: string | number | null | undefined;
  /** Attributed to this Source in any role. */
  sourceId?: string | number | null | undefined;
  /** Any of these statuses. */
  status?: Array<ArticleStatus> | null | undefined;
};

/** How importArticle reads its content. */
export type ArticleFormat =
  | 'HTML'
  | 'TEXT';

export type ArticleOrder = {
  direction: SortDirection;
  field: ArticleOrderField;
};

export type ArticleOrderField =
  | 'PUBLISHED_AT'
  | 'UPDATED_AT';

export type ArticleStatus =
  | 'CORRECTED'
  | 'PUBLISHED'
  | 'RETRACTED';

export type AssertedBy =
  | 'EDITOR'
  | 'PARSER';

export type AttributionRole =
  | 'ANONYMOUS_SOURCE'
  | 'AUTHOR'
  | 'CONTRIBUTOR'
  | 'DOCUMENT_SOURCE'
  | 'NAMED_SOURCE'
  | 'PHOTO_CREDIT'
  | 'PUBLISHER'
  | 'WIRE_ORIGIN';

export type CorrectionKind =
  | 'CLARIFICATION'
  | 'CORRECTION'
  | 'EDITORS_NOTE'
  | 'RETRACTION'
  | 'UPDATE';

export type CrossReferenceKind =
  | 'CITES'
  | 'CORRECTS'
  | 'FOLLOWS_UP'
  | 'PRIMARY_SOURCE'
  | 'QUOTES'
  | 'RELATED'
  | 'RE_REPORTS'
  | 'SYNDICATES';

export type ImportArticleInput = {
  /** The article as scraped text or a saved HTML page. */
  content: string;
  /** Detected from the content when absent. */
  format?: ArticleFormat | null | undefined;
  /** Different content for a stored url becomes a new revision instead of a DuplicateError. Its quotes, and the parser's attributions and references, then follow the new text: those it no longer has are removed (kept on record, no longer read), new ones are added, the rest keep their ids; an editor's are never touched. */
  recordRevision?: boolean | null | undefined;
  /** Canonical url; otherwise taken from the content (Original url line, rel=canonical). */
  url?: string | null | undefined;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type SourceKind =
  | 'ANONYMOUS'
  | 'DOCUMENT'
  | 'GOVERNMENT'
  | 'ORGANIZATION'
  | 'OUTLET'
  | 'PERSON'
  | 'PHOTO_AGENCY'
  | 'WIRE_AGENCY';

export type GetArticleQueryVariables = Exact<{
  id?: string | number | null | undefined;
  url?: string | null | undefined;
}>;


export type GetArticleQuery = { article: { body: string, paragraphs: Array<string>, id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, attributions: Array<{ id: string, role: AttributionRole, evidence: string | null, paragraphIndex: number | null, assertedBy: AssertedBy, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null }, via: { id: string, name: string, kind: SourceKind } | null }>, references: { totalCount: number, edges: Array<{ node: { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null } }> }, citedBy: { totalCount: number, edges: Array<{ node: { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null } }> }, corrections: Array<{ id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> }>, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } | null };

export type ListArticlesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ArticleFilter | null | undefined;
  orderBy?: ArticleOrder | null | undefined;
}>;


export type ListArticlesQuery = { articles: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } }> } };

export type SearchArticlesQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ArticleFilter | null | undefined;
}>;


export type SearchArticlesQuery = { searchArticles: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, rank: number, highlight: string, titleHighlight: string, node: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } }> } };

export type SourceFieldsFragment = { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null };

export type ArticleSummaryFragment = { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null };

export type CrossReferenceFieldsFragment = { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null };

export type AttributionFieldsFragment = { id: string, role: AttributionRole, evidence: string | null, paragraphIndex: number | null, assertedBy: AssertedBy, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null }, via: { id: string, name: string, kind: SourceKind } | null };

export type CorrectionFieldsFragment = { id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> };

export type ArticleDetailFragment = { body: string, paragraphs: Array<string>, id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, attributions: Array<{ id: string, role: AttributionRole, evidence: string | null, paragraphIndex: number | null, assertedBy: AssertedBy, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null }, via: { id: string, name: string, kind: SourceKind } | null }>, references: { totalCount: number, edges: Array<{ node: { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null } }> }, citedBy: { totalCount: number, edges: Array<{ node: { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null } }> }, corrections: Array<{ id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> }>, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null };

export type ProvenanceStepFieldsFragment = { depth: number, kind: CrossReferenceKind | null, role: AttributionRole | null, evidence: string | null, article: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } | null, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null };

export type PageInfoFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type ValidationErrorFieldsFragment = { message: string, issues: Array<{ field: string, message: string }> };

export type NotFoundErrorFieldsFragment = { message: string, id: string | null };

export type DuplicateErrorFieldsFragment = { message: string, existingId: string | null };

export type ImportArticleMutationVariables = Exact<{
  input: ImportArticleInput;
}>;


export type ImportArticleMutation = { importArticle:
    | { __typename: 'DuplicateError', message: string, existingId: string | null }
    | { __typename: 'ImportArticleSuccess', created: boolean, warnings: Array<string>, article: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, message: string }> }
   };

export type AddCorrectionMutationVariables = Exact<{
  input: AddCorrectionInput;
}>;


export type AddCorrectionMutation = { addCorrection:
    | { __typename: 'AddCorrectionSuccess', article: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null }, correction: { id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> } }
    | { __typename: 'NotFoundError', message: string, id: string | null }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, message: string }> }
    | { __typename: 'VersionConflictError', message: string, currentVersion: number, expectedVersion: number }
   };

export type AddCrossReferenceMutationVariables = Exact<{
  input: AddCrossReferenceInput;
}>;


export type AddCrossReferenceMutation = { addCrossReference:
    | { __typename: 'AddCrossReferenceSuccess', crossReference: { id: string, kind: CrossReferenceKind, anchorText: string | null, paragraphIndex: number | null, targetUrl: string | null, targetTitle: string | null, from: { id: string, url: string, title: string }, target: { id: string, url: string, title: string } | null } }
    | { __typename: 'DuplicateError', message: string, existingId: string | null }
    | { __typename: 'NotFoundError', message: string, id: string | null }
    | { __typename: 'ValidationError', message: string, issues: Array<{ field: string, message: string }> }
   };

export type GetProvenanceQueryVariables = Exact<{
  id: string | number;
  maxDepth?: number | null | undefined;
}>;


export type GetProvenanceQuery = { article: { id: string, provenance: Array<{ depth: number, kind: CrossReferenceKind | null, role: AttributionRole | null, evidence: string | null, article: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } | null, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null }> } | null };

export type GetDerivedArticlesQueryVariables = Exact<{
  id: string | number;
  maxDepth?: number | null | undefined;
}>;


export type GetDerivedArticlesQuery = { article: { id: string, derivedArticles: Array<{ depth: number, kind: CrossReferenceKind | null, role: AttributionRole | null, evidence: string | null, article: { id: string, url: string, title: string, publishedAt: string | null, updatedAt: string, language: string | null, status: ArticleStatus, version: number, publisher: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null } | null, source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null }> } | null };

export type GetUpstreamCorrectionsQueryVariables = Exact<{
  id: string | number;
  maxDepth?: number | null | undefined;
}>;


export type GetUpstreamCorrectionsQuery = { article: { id: string, upstreamCorrections: Array<{ id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> }> } | null };

export type GetSourceQueryVariables = Exact<{
  id?: string | number | null | undefined;
  name?: string | null | undefined;
}>;


export type GetSourceQuery = { source: { id: string, name: string, kind: SourceKind, aliases: Array<string>, domain: string | null, anonymousCount: number | null, relayedBy: { id: string, name: string, kind: SourceKind } | null } | null };

export type CorrectionAddedSubscriptionVariables = Exact<{
  articleId?: string | number | null | undefined;
}>;


export type CorrectionAddedSubscription = { correctionAdded: { id: string, kind: CorrectionKind, note: string, createdAt: string, createdBy: string, statedAt: string | null, fromVersion: number, toVersion: number, article: { id: string, url: string, title: string, version: number, status: ArticleStatus }, changes: Array<{ field: string, before: string | null, after: string | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SourceFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
    `, {"fragmentName":"SourceFields"}) as unknown as TypedDocumentString<SourceFieldsFragment, unknown>;
export const ArticleSummaryFragmentDoc = new TypedDocumentString(`
    fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}`, {"fragmentName":"ArticleSummary"}) as unknown as TypedDocumentString<ArticleSummaryFragment, unknown>;
export const AttributionFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttributionFields on Attribution {
  id
  role
  evidence
  paragraphIndex
  assertedBy
  source {
    ...SourceFields
  }
  via {
    id
    name
    kind
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}`, {"fragmentName":"AttributionFields"}) as unknown as TypedDocumentString<AttributionFieldsFragment, unknown>;
export const CrossReferenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment CrossReferenceFields on CrossReference {
  id
  kind
  anchorText
  paragraphIndex
  targetUrl
  targetTitle
  from {
    id
    url
    title
  }
  target {
    id
    url
    title
  }
}
    `, {"fragmentName":"CrossReferenceFields"}) as unknown as TypedDocumentString<CrossReferenceFieldsFragment, unknown>;
export const CorrectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}
    `, {"fragmentName":"CorrectionFields"}) as unknown as TypedDocumentString<CorrectionFieldsFragment, unknown>;
export const ArticleDetailFragmentDoc = new TypedDocumentString(`
    fragment ArticleDetail on Article {
  ...ArticleSummary
  body
  paragraphs
  attributions {
    ...AttributionFields
  }
  references(first: 25) {
    totalCount
    edges {
      node {
        ...CrossReferenceFields
      }
    }
  }
  citedBy(first: 25) {
    totalCount
    edges {
      node {
        ...CrossReferenceFields
      }
    }
  }
  corrections {
    ...CorrectionFields
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment CrossReferenceFields on CrossReference {
  id
  kind
  anchorText
  paragraphIndex
  targetUrl
  targetTitle
  from {
    id
    url
    title
  }
  target {
    id
    url
    title
  }
}
fragment AttributionFields on Attribution {
  id
  role
  evidence
  paragraphIndex
  assertedBy
  source {
    ...SourceFields
  }
  via {
    id
    name
    kind
  }
}
fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}`, {"fragmentName":"ArticleDetail"}) as unknown as TypedDocumentString<ArticleDetailFragment, unknown>;
export const ProvenanceStepFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProvenanceStepFields on ProvenanceStep {
  depth
  kind
  role
  evidence
  article {
    ...ArticleSummary
  }
  source {
    ...SourceFields
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}`, {"fragmentName":"ProvenanceStepFields"}) as unknown as TypedDocumentString<ProvenanceStepFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const ValidationErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ValidationErrorFields on ValidationError {
  message
  issues {
    field
    message
  }
}
    `, {"fragmentName":"ValidationErrorFields"}) as unknown as TypedDocumentString<ValidationErrorFieldsFragment, unknown>;
export const NotFoundErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotFoundErrorFields on NotFoundError {
  message
  id
}
    `, {"fragmentName":"NotFoundErrorFields"}) as unknown as TypedDocumentString<NotFoundErrorFieldsFragment, unknown>;
export const DuplicateErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment DuplicateErrorFields on DuplicateError {
  message
  existingId
}
    `, {"fragmentName":"DuplicateErrorFields"}) as unknown as TypedDocumentString<DuplicateErrorFieldsFragment, unknown>;
export const GetArticleDocument = new TypedDocumentString(`
    query GetArticle($id: ID, $url: String) {
  article(id: $id, url: $url) {
    ...ArticleDetail
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment CrossReferenceFields on CrossReference {
  id
  kind
  anchorText
  paragraphIndex
  targetUrl
  targetTitle
  from {
    id
    url
    title
  }
  target {
    id
    url
    title
  }
}
fragment AttributionFields on Attribution {
  id
  role
  evidence
  paragraphIndex
  assertedBy
  source {
    ...SourceFields
  }
  via {
    id
    name
    kind
  }
}
fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}
fragment ArticleDetail on Article {
  ...ArticleSummary
  body
  paragraphs
  attributions {
    ...AttributionFields
  }
  references(first: 25) {
    totalCount
    edges {
      node {
        ...CrossReferenceFields
      }
    }
  }
  citedBy(first: 25) {
    totalCount
    edges {
      node {
        ...CrossReferenceFields
      }
    }
  }
  corrections {
    ...CorrectionFields
  }
}`, {"hash":"aec947168014ca3e576d61da6b8648ee8c9ec89d356b9e229b41fffef2366d07"}) as unknown as TypedDocumentString<GetArticleQuery, GetArticleQueryVariables>;
export const ListArticlesDocument = new TypedDocumentString(`
    query ListArticles($first: Int, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
  articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ArticleSummary
      }
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`, {"hash":"9afdee307483d33edfedab110b27498bc366948fd842c21049d6be05b1db0867"}) as unknown as TypedDocumentString<ListArticlesQuery, ListArticlesQueryVariables>;
export const SearchArticlesDocument = new TypedDocumentString(`
    query SearchArticles($query: String!, $first: Int, $after: String, $filter: ArticleFilter) {
  searchArticles(query: $query, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      rank
      highlight
      titleHighlight
      node {
        ...ArticleSummary
      }
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment PageInfoFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`, {"hash":"12000898023342c2986a5d824744097d815d7f0218a5d3928c09b1a20572f53e"}) as unknown as TypedDocumentString<SearchArticlesQuery, SearchArticlesQueryVariables>;
export const ImportArticleDocument = new TypedDocumentString(`
    mutation ImportArticle($input: ImportArticleInput!) {
  importArticle(input: $input) {
    __typename
    ... on ImportArticleSuccess {
      created
      warnings
      article {
        ...ArticleSummary
      }
    }
    ... on DuplicateError {
      ...DuplicateErrorFields
    }
    ... on ValidationError {
      ...ValidationErrorFields
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment ValidationErrorFields on ValidationError {
  message
  issues {
    field
    message
  }
}
fragment DuplicateErrorFields on DuplicateError {
  message
  existingId
}`, {"hash":"63b4868871adaa8af5e3126ec9828e0cfede04f9a0f8f21ebac14e54d1fd4318"}) as unknown as TypedDocumentString<ImportArticleMutation, ImportArticleMutationVariables>;
export const AddCorrectionDocument = new TypedDocumentString(`
    mutation AddCorrection($input: AddCorrectionInput!) {
  addCorrection(input: $input) {
    __typename
    ... on AddCorrectionSuccess {
      article {
        ...ArticleSummary
      }
      correction {
        ...CorrectionFields
      }
    }
    ... on NotFoundError {
      ...NotFoundErrorFields
    }
    ... on ValidationError {
      ...ValidationErrorFields
    }
    ... on VersionConflictError {
      message
      currentVersion
      expectedVersion
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}
fragment ValidationErrorFields on ValidationError {
  message
  issues {
    field
    message
  }
}
fragment NotFoundErrorFields on NotFoundError {
  message
  id
}`, {"hash":"92b1270f87771af8de07dba80b84c8d4f85460997c985a2e3f20dacd4c0565e4"}) as unknown as TypedDocumentString<AddCorrectionMutation, AddCorrectionMutationVariables>;
export const AddCrossReferenceDocument = new TypedDocumentString(`
    mutation AddCrossReference($input: AddCrossReferenceInput!) {
  addCrossReference(input: $input) {
    __typename
    ... on AddCrossReferenceSuccess {
      crossReference {
        ...CrossReferenceFields
      }
    }
    ... on DuplicateError {
      ...DuplicateErrorFields
    }
    ... on NotFoundError {
      ...NotFoundErrorFields
    }
    ... on ValidationError {
      ...ValidationErrorFields
    }
  }
}
    fragment CrossReferenceFields on CrossReference {
  id
  kind
  anchorText
  paragraphIndex
  targetUrl
  targetTitle
  from {
    id
    url
    title
  }
  target {
    id
    url
    title
  }
}
fragment ValidationErrorFields on ValidationError {
  message
  issues {
    field
    message
  }
}
fragment NotFoundErrorFields on NotFoundError {
  message
  id
}
fragment DuplicateErrorFields on DuplicateError {
  message
  existingId
}`, {"hash":"734973c31e198378009f3d078c169269337dba5c4823391d53e0b4f415bb99a4"}) as unknown as TypedDocumentString<AddCrossReferenceMutation, AddCrossReferenceMutationVariables>;
export const GetProvenanceDocument = new TypedDocumentString(`
    query GetProvenance($id: ID!, $maxDepth: Int) {
  article(id: $id) {
    id
    provenance(maxDepth: $maxDepth) {
      ...ProvenanceStepFields
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment ProvenanceStepFields on ProvenanceStep {
  depth
  kind
  role
  evidence
  article {
    ...ArticleSummary
  }
  source {
    ...SourceFields
  }
}`, {"hash":"8c4beb6c15b2a5b6bfd0b2b951498c45389fb8b03a665f4166dc760c349c868b"}) as unknown as TypedDocumentString<GetProvenanceQuery, GetProvenanceQueryVariables>;
export const GetDerivedArticlesDocument = new TypedDocumentString(`
    query GetDerivedArticles($id: ID!, $maxDepth: Int) {
  article(id: $id) {
    id
    derivedArticles(maxDepth: $maxDepth) {
      ...ProvenanceStepFields
    }
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}
fragment ArticleSummary on Article {
  id
  url
  title
  publishedAt
  updatedAt
  language
  status
  version
  publisher {
    ...SourceFields
  }
}
fragment ProvenanceStepFields on ProvenanceStep {
  depth
  kind
  role
  evidence
  article {
    ...ArticleSummary
  }
  source {
    ...SourceFields
  }
}`, {"hash":"0c58185b5db6a0ba1ace6fc2d1cfee19509baa474c00b5623f2efa0e5066b566"}) as unknown as TypedDocumentString<GetDerivedArticlesQuery, GetDerivedArticlesQueryVariables>;
export const GetUpstreamCorrectionsDocument = new TypedDocumentString(`
    query GetUpstreamCorrections($id: ID!, $maxDepth: Int) {
  article(id: $id) {
    id
    upstreamCorrections(maxDepth: $maxDepth) {
      ...CorrectionFields
    }
  }
}
    fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}`, {"hash":"f53119a96c829bcb35977793f6685d1db8e789b2dfa60bd84e9c321cd84d0a63"}) as unknown as TypedDocumentString<GetUpstreamCorrectionsQuery, GetUpstreamCorrectionsQueryVariables>;
export const GetSourceDocument = new TypedDocumentString(`
    query GetSource($id: ID, $name: String) {
  source(id: $id, name: $name) {
    ...SourceFields
  }
}
    fragment SourceFields on Source {
  id
  name
  kind
  aliases
  domain
  anonymousCount
  relayedBy {
    id
    name
    kind
  }
}`, {"hash":"31137d0ada030fb51f742d69d6cdecf3c7f4d6a86693657553d0d0251844c4cf"}) as unknown as TypedDocumentString<GetSourceQuery, GetSourceQueryVariables>;
export const CorrectionAddedDocument = new TypedDocumentString(`
    subscription CorrectionAdded($articleId: ID) {
  correctionAdded(articleId: $articleId) {
    ...CorrectionFields
  }
}
    fragment CorrectionFields on Correction {
  id
  kind
  note
  createdAt
  createdBy
  statedAt
  fromVersion
  toVersion
  article {
    id
    url
    title
    version
    status
  }
  changes {
    field
    before
    after
  }
}`, {"hash":"2d6a23d140ba8c63702e6f460de1c2f2e4d6e6855ae03d7eca2f408fa0ffe915"}) as unknown as TypedDocumentString<CorrectionAddedSubscription, CorrectionAddedSubscriptionVariables>;