import fastify from 'fastify';
import pg from 'pg';

/**
 * Captures the statements (text, values, name) one real request makes through the app's pool, so a
 * bare route can replay exactly them: the same SQL with the same parameters through the same driver.
 */
export async function captureStatements(appPool, send) {
  const sent = [];
  const original = appPool.query;
  appPool.query = function capture(config, values, ...rest) {
    // Drizzle hands prepared statements their parameters as the second argument.
    if (typeof config === 'object')
      sent.push({ name: config.name, text: config.text, values: values ?? config.values });
    else sent.push({ text: config, values: Array.isArray(values) ? values : undefined });
    return original.call(this, config, values, ...rest);
  };
  try {
    await send();
  } finally {
    appPool.query = original;
  }
  return sent;
}

/** A bare Fastify route per endpoint that runs the captured statements in order and returns the last rows. */
export async function startReplayTwin(connectionString, routes) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', () => {});
  const app = fastify();
  let reported = false;
  app.setErrorHandler((error, _request, reply) => {
    if (!reported) console.warn(`replay twin: ${error.message}`);
    reported = true;
    reply.status(500).send({ error: error.message });
  });
  for (const [path, statements] of Object.entries(routes)) {
    app.get(path, async () => {
      let rows = [];
      for (const s of statements)
        rows = (await pool.query({ name: s.name, text: s.text, values: s.values })).rows;
      return { items: rows };
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
