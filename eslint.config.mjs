// ESLint 9 flat config. The part that matters is @nx/enforce-module-boundaries: it reads the Nx project
// graph (project.json tags) and enforces who may import whom:
//   type:app       -> type:platform, type:contracts            (+ type:testing from test files only)
//   type:platform  -> type:platform, type:contracts            (+ type:testing from test files only)
//   type:contracts -> type:contracts; no npm package but class-validator / class-transformer
//   type:testing   -> type:platform, type:contracts
//   type:e2e       -> type:testing, type:contracts             (tests/system: built services as processes)
//   type:web       -> type:contracts                           (apps/web: API types come from the OpenAPI document)
//   scope:<app>    -> scope:<app>, scope:shared                (an app never imports another app)
// The rule needs a project graph cached in .nx/workspace-data (any `nx` command writes it, e.g.
// `nx show projects`); without one it prints a warning and checks nothing, so `npm run lint` refreshes it first.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const APPS = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications', 'web'];
const TS = ['**/*.ts', '**/*.tsx'];
const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'apps/web/**/*.test.{ts,tsx}', 'apps/web/e2e/**/*.ts'];

const scopeConstraints = [
  ...APPS.map((app) => ({ sourceTag: `scope:${app}`, onlyDependOnLibsWithTags: [`scope:${app}`, 'scope:shared'] })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['scope:shared'] },
];

// npm packages a contracts library may not use (contracts are plain classes shared by every service);
// allowedExternalImports already rejects every other package, this list makes the intent explicit.
const CONTRACTS_BANNED = ['kafkajs', 'typeorm', 'pg', 'pg-*', '@nestjs/*', 'nestjs-*', 'express', 'pino', 'pino-*', 'rxjs', 'http-proxy-middleware'];
const CONTRACTS_ALLOWED = ['class-validator', 'class-validator/*', 'class-transformer', 'class-transformer/*'];

function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return [
    'error',
    {
      allow: [],
      enforceBuildableLibDependency: false,
      // the project graph counts test files: tests of platform libs and contracts use the harness, and the
      // harness is built on them, so that cycle (and only that one) is expected
      ignoredCircularDependencies: [['testing', 'tag:type:platform'], ['testing', 'contracts']],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', ...testing] },
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: ['type:contracts', ...testing],
          ...(tests ? {} : { allowedExternalImports: CONTRACTS_ALLOWED, bannedExternalImports: CONTRACTS_BANNED }),
        },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts'] },
        // the web app (apps/web, a browser bundle): the shared contracts at most, never a service or a platform lib
        { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts'] },
        // black-box system tests (tests/system): they run the built services as processes and talk HTTP and
        // Kafka, so they see the harness and the event contracts, never a service's or a platform lib's code
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts'] },
        ...scopeConstraints,
      ],
    },
  ];
}

const NODE_GLOBALS = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout',
    'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'URL', 'URLSearchParams', 'fetch', 'AbortController',
    'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask', 'globalThis'].map((g) => [g, 'readonly']),
);

export default [
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/tmp/**', '**/.nx/**', '**/coverage/**', '.run/**',
      'tools/kafka/.cache/**', 'tools/kafka/.state/**', '**/*.config.js', '**/*.config.cjs', '**/*.config.mjs', '**/*.d.ts'],
  },
  // no-explicit-any is off, so directives written for it are not worth an error
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  // plain Node scripts (tools/scripts, jest global setup): CommonJS
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-undef': 'error',
    },
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: TS })),
  {
    files: TS,
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ tests: false }),
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) },
  },
  // every CSV the system writes goes through @twinning/platform-csv, which makes formula cells inert
  {
    files: TS,
    ignores: ['libs/platform/csv/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['csv-stringify', 'csv-stringify/*'], message: 'write CSV with writeCsv from @twinning/platform-csv (it neutralises formulas)' }] }],
    },
  },
  prettier,
];
