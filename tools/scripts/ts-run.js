#!/usr/bin/env node
// Runs one TypeScript file of this repo without building dist/: a require hook that compiles each .ts with SWC
// (the root .swcrc, decorator metadata on) and resolves the @twinning/* aliases. For small tools such as
// `npm run web:api-types`; the services themselves run from the build.
// Usage: node tools/scripts/ts-run.js <file.ts> [args...]
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const swc = require('@swc/core');
const { aliases } = require('./paths');

const ROOT = path.resolve(__dirname, '..', '..');
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));
delete rc.$schema;
delete rc.jsc.paths;
delete rc.jsc.baseUrl;
const alias = aliases();

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, alias[request] ?? request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...rc, filename, swcrc: false, configFile: false, sourceMaps: 'inline' });
  module._compile(code, filename);
};

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/scripts/ts-run.js <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
require('reflect-metadata');
Module._load(path.resolve(file), null, true); // as the main module: require.main === module
