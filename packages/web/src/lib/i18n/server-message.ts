import { formatMessage, type MessageKey, type MessageParams } from '@fengqiao/shared/messages';
import { currentLanguage } from './index';

/**
 * A text of the server's message catalog in the UI language: where the web checks a rule the server
 * also checks (ID number, mobile, username, roles), the form says what the server would say.
 */
export function serverMessage(key: MessageKey, params?: MessageParams): string {
  return formatMessage(currentLanguage(), key, params);
}
