export * from './door-plates.js';
export * from './households.js';
export * from './org.js';
export * from './roles.js';
export * from './schemas.js';
