// The pure part of the contract: constants, validators and rules, without TypeBox, so the web's
// bundle carries only what it uses (`@fengqiao/shared/rules`). The main entry re-exports all of it.
export * from './audit-actions.js';
export * from './household-rules.js';
export * from './id-card.js';
export * from './imports.js';
export * from './org.js';
export * from './phone.js';
export * from './residents.js';
export * from './roles.js';
