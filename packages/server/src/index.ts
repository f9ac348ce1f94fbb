export type { Context, Viewer } from './context.js';
export { schema } from './schema/index.js';
export { insertArticle } from './services/articles.js';
export { applyCorrection } from './services/corrections.js';
export { isEmpty, seedDemo } from './services/demo.js';
export { demoUrls } from './services/demo-corpus.js';
export { type App, createApp, EXAMPLE_QUERY } from './yoga.js';
