/** Where the UI language is remembered, shared by the app and the door plate's public page. */
export const LANGUAGE_STORAGE_KEY = 'fengqiao.lang';
