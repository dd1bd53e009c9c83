import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev -w @groundwork/web` forwards API calls: a `groundwork serve` on the default port. */
const serverUrl = 'http://localhost:8080';

/**
 * The web app's build. `vite build` writes `dist/`, which the server serves at `/`; the dev server
 * proxies the API paths to a running Groundwork server so the page behaves as it does in production.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The labeling loop's chunk holds every task type's editor (Konva, markdown with code highlighting,
    // drag and drop): about 1 MB, 320 kB gzipped, loaded once when someone starts working and then kept by
    // the browser (hashed assets are cached for a year). Sign-in and home stay in the small main chunk.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': serverUrl,
      '/v1': serverUrl,
      '/healthz': serverUrl,
    },
  },
});
