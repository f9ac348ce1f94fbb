import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

export type TrustedDocumentsMode = 'only' | 'allow';

export interface PersistedDocumentsOptions {
  /** sha256 hash → document. @default the @newsgraph/sdk manifest (packages/sdk/src/gql/persisted-documents.json) */
  documents?: Record<string, string>;
  /**
   * `only`: run nothing but the known documents (by hash); any other document is refused with
   * `PersistedQueryOnly`. `allow`: known hashes and arbitrary documents both run.
   * @default process.env.NEWSGRAPH_TRUSTED_DOCUMENTS === 'only' ? 'only' : 'allow'
   */
  trustedDocuments?: TrustedDocumentsMode;
  /** In development arbitrary documents always run, so GraphiQL keeps working. @default process.env.NODE_ENV === 'development' */
  development?: boolean;
}

/** The hash → document manifest that graphql-codegen writes for the SDK's operations. */
export function loadSdkDocuments(): Record<string, string> {
  const path = createRequire(import.meta.url).resolve('@newsgraph/sdk/persisted-documents.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

/**
 * Persisted operations (APQ-style `extensions.persistedQuery.sha256Hash`): the SDK's operations
 * run by hash, so clients send a few bytes instead of the document. With
 * NEWSGRAPH_TRUSTED_DOCUMENTS=only the server runs those operations and nothing else: a public
 * deployment then cannot be sent arbitrary (expensive, probing) queries.
 */
export function persistedDocumentsPlugin(options: PersistedDocumentsOptions = {}): Plugin {
  const documents = new Map(Object.entries(options.documents ?? loadSdkDocuments()));
  const mode = options.trustedDocuments ?? (process.env.NEWSGRAPH_TRUSTED_DOCUMENTS === 'only' ? 'only' : 'allow');
  const development = options.development ?? process.env.NODE_ENV === 'development';
  return usePersistedOperations({
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    allowArbitraryOperations: mode !== 'only' || development,
    customErrors: {
      // Apollo's code too, so APQ clients other than the SDK also fall back to the full document.
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: {
        message: 'PersistedQueryOnly: this server runs only known operations (send extensions.persistedQuery)',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
      },
    },
  }) as Plugin;
}
