import { defineConfig } from 'vite';

// Preact's automatic JSX runtime through Vite's own transform: no Babel plugin needed.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
