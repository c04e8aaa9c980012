import { message } from 'antd';

/**
 * "Logged out", as antd's message: shown over the sign-in page the header sends the user to, which
 * has no antd context of its own, so the static API (its own container in document.body).
 */
export function showLoggedOut(text: string) {
  void message.success(text);
}
