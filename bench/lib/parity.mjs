import { isDeepStrictEqual } from 'node:util';
import { STATEMENTS_BY_ENDPOINT } from './twin-sql.mjs';

/**
 * Asks the app and the twin once per endpoint, capturing the statements the app sends through its
 * pool, and reports whether the twin runs the same SQL and answers the same JSON.
 */
export async function checkParity({ appPool, appUrl, twinUrl, cookie }) {
  const results = {};
  for (const [endpoint, twinStatements] of Object.entries(STATEMENTS_BY_ENDPOINT)) {
    const sent = [];
    const original = appPool.query;
    appPool.query = function capture(config, ...rest) {
      if (typeof config === 'object') sent.push({ name: config.name, text: config.text });
      else sent.push({ name: undefined, text: config });
      return original.call(this, config, ...rest);
    };
    let ours;
    try {
      ours = await get(appUrl + endpoint, cookie);
    } finally {
      appPool.query = original;
    }
    const bare = await get(twinUrl + endpoint, cookie);
    const sameSql =
      sent.length === twinStatements.length &&
      sent.every((s, i) => s.text === twinStatements[i].text && s.name === twinStatements[i].name);
    results[endpoint] = {
      status: { ours: ours.status, bare: bare.status },
      bytes: { ours: ours.body.length, bare: bare.body.length },
      sameSql,
      sameJsonBytes: ours.body === bare.body,
      sameJsonValue: isDeepStrictEqual(JSON.parse(ours.body), JSON.parse(bare.body)),
      appStatements: sameSql ? sent.map((s) => s.name ?? '(unnamed)') : sent,
    };
  }
  return results;
}

async function get(url, cookie) {
  const response = await fetch(url, { headers: { cookie } });
  return { status: response.status, body: await response.text() };
}
