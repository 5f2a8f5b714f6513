// Browser end-to-end tests of the web app (`npm run test:web`): Debian's Chromium driven by playwright-core against
// a running local system (npm run start:local). Not part of `npm test` yet: CI machines have no Chromium.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
