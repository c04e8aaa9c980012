export * from './door-plates.js';
export * from './households.js';
export * from './messages.js';
export * from './rules.js';
export * from './schemas.js';
