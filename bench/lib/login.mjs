export const BENCH_PASSWORD = 'Bench-Pass-2026';

/** Signs in through the public API and returns the `fq_session=…` cookie pair to send back. */
export async function loginCookie(baseUrl, username = 'chief', password = BENCH_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('fq_session='));
  if (!cookie) throw new Error('login answered 200 without a session cookie');
  return cookie;
}
