export {
  type AddCorrectionResult,
  type AddCrossReferenceResult,
  type Article,
  type ArticleConnection,
  type ArticleSearchConnection,
  type ArticleSummary,
  type ClientOptions,
  type Correction,
  createClient,
  type DepthOptions,
  type ImportArticleResult,
  type ListArticlesOptions,
  type NewsgraphClient,
  type PageOptions,
  type ProvenanceStep,
  type RequestOptions,
  type SearchOptions,
  type Source,
  type Subscription,
  type TypedDocument,
} from './client.js';
export { type GraphQLErrorEntry, NewsgraphError, type NewsgraphErrorKind } from './errors.js';
// The generated operation types, input types, enums (as string unions) and typed documents.
export * from './gql/graphql.js';
