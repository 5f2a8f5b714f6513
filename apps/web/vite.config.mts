// The web app (issue #8): built into dist/web (the gateway serves it at / in the local run), dev server on :5173
// proxying /api to the gateway on :3000. Unit and component tests (vitest + jsdom): `npm run test:web:unit`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));
const gateway = process.env.TWINNING_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'vendor', tags: ['$initial'], test: /node_modules[\\/](react|react-dom|scheduler|react-router|@mantine|@tanstack|i18next|react-i18next)[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': gateway } },
  preview: { host: '127.0.0.1', port: 4173, proxy: { '/api': gateway } },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // component tests render whole pages in jsdom: seconds each on a loaded 2-core machine, so no 5 s cliff
    testTimeout: 20_000,
  },
});
