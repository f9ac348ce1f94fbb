import { defineConfig } from 'tsup';

// ESM + CJS + .d.ts for consumers. The generated documents' one type import
// (@graphql-typed-document-node/core) is inlined into the .d.ts so the package has no dependencies.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: { resolve: ['@graphql-typed-document-node/core'], compilerOptions: { composite: false } },
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  clean: true,
  treeshake: true,
  outDir: 'dist',
});
