// One jest run over every project: unit specs next to the code, integration/e2e specs under apps/*/test and libs/*/test.
// Transpiled by SWC (decorator metadata on, as NestJS needs); type checking is `npm run typecheck`.
const { pathsToModuleNameMapper } = require('./tools/scripts/paths');
const swc = { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,tools,tests}/**/*.spec.ts', '<rootDir>/{apps,libs,tools,tests}/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: pathsToModuleNameMapper(),
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.js',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
};
