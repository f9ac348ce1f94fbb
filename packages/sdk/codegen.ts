import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The SDK is generated from the committed schema and the operations in src/operations.
 * `documentMode: 'string'` gives TypedDocumentString: no graphql runtime in the client, so it stays
 * small and browser-safe. Persisted documents put each operation's sha256 in its `__meta__.hash`
 * and write the hash → document manifest the server loads (NEWSGRAPH_TRUSTED_DOCUMENTS).
 * Hashes are bare hex (no "sha256:" prefix): that is what APQ's `persistedQuery.sha256Hash` carries.
 * Paths are relative to this package: scripts/codegen.ts runs codegen from here.
 */
const sha256 = (document: string) => createHash('sha256').update(document).digest('hex');

const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: sha256 },
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        importExtension: '.js',
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: false,
        nonOptionalTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
