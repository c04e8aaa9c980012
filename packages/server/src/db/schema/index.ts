export * from './audit.js';
export * from './auth.js';
export * from './org-units.js';
export * from './users.js';
