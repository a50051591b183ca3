// Vite build and dev-server configuration for the Scaling Lab single-page app.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: scripts/check-bundle-size.mjs walks it to find what each page
    // loads up front.
    manifest: true,
  },
});
