import net from 'node:net';

/** A port nobody listens on right now (for the child server, which picks its port from PORT). */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function listeningUrl(app) {
  const { port } = app.server.address();
  return `http://127.0.0.1:${port}`;
}
