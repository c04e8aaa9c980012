import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev` sends /api (the Fastify server); override with FENGQIAO_API_URL. */
const apiTarget = process.env.FENGQIAO_API_URL ?? 'http://localhost:3000';

/**
 * The dev server's stand-in for the Fastify route: a scanned door plate `/h/:code` opens the public
 * page (the dev server knows no sessions, so staff get it too; `fengqiao serve` sends them on).
 */
function doorPlatePage(): Plugin {
  return {
    name: 'fengqiao-door-plate-page',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/h/')) req.url = '/qr.html';
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), doorPlatePage()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/check-bundle-budgets.mjs reads it to add up what each page fetches.
    manifest: true,
    rollupOptions: {
      // The app, and the door plate's public page: phones on weak signal load that one alone.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        qr: fileURLToPath(new URL('./qr.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
