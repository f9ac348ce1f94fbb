export * from './client.js';
export * from './migrate.js';
export { relations } from './relations.js';
export * from './schema/index.js';
