export * from './audit.js';
export * from './auth.js';
export * from './households.js';
export * from './import-jobs.js';
export * from './org-units.js';
export * from './users.js';
