import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy*/waitFor give up after 1 s by default. A page's first render in a file imports its lazy route chunk, which
// vitest transforms on demand: on a 2-core CI machine while Kafka is starting that took longer than 1 s once (a
// red run with no real fault). The test's own timeout (20 s, vite.config.mts) still bounds a test that never passes.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks what Mantine measures with
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
