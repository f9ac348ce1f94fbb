export type { Context, Viewer } from './context.js';
export { type CorrectionEvent, createEventBus, type EventBus, type PubSub } from './events.js';
export { schema } from './schema/index.js';
export { insertArticle } from './services/articles.js';
export { applyCorrection } from './services/corrections.js';
export { isEmpty, seedDemo } from './services/demo.js';
export { demoUrls } from './services/demo-corpus.js';
export { createApiKey, revokeApiKey, verifyApiKey } from './services/keys.js';
export { type App, createApp, createNodeListener, EXAMPLE_QUERY } from './yoga.js';
