import { defineConfig } from 'vite';

// `npm run dev` (port 5173) serves the pages with the APIs of a running ./platform behind /api, as
// the web service and the Ingress do
export default defineConfig({
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/config.json': { target: 'http://127.0.0.1:8080' },
    },
  },
});
