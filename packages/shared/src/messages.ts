// The message catalog (zh-CN, en) of server errors and the rules shared with the web, without
// TypeBox (`@fengqiao/shared/messages`). The main entry re-exports it.
export * from './messages/en.js';
export * from './messages/format.js';
export * from './messages/zh-CN.js';
