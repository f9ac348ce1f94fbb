export * from './api-key.js';
export * from './article.js';
export * from './article-revision.js';
export * from './attribution.js';
export * from './correction.js';
export * from './cross-reference.js';
export * from './enums.js';
export * from './source.js';
