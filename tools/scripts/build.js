#!/usr/bin/env node
// Compiles the TypeScript of apps/, libs/, bench/ and tools/ into dist/ with SWC, keeping the folder
// structure (apps/gateway/src/main.ts -> dist/apps/gateway/src/main.js). Tests (*.spec.ts, *.e2e-spec.ts,
// test/ folders) and declaration files are left out; non-TypeScript assets under a src/ or templates/ folder
// (templates, JSON, SQL...) are copied as they are.
//
// The root .swcrc is the only compiler configuration. Its jsc.paths/baseUrl make SWC rewrite the
// `@twinning/*` aliases to relative paths (require("../../../libs/contracts/src")); because dist/ mirrors
// the source tree those relative paths resolve in dist/ too. The API needs an absolute baseUrl, so it is
// resolved here. A final check fails the build if any alias survives in the output.
//
// Usage: node tools/scripts/build.js [--quiet]
'use strict';
const fs = require('fs');
const path = require('path');
const swc = require('@swc/core');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist');
const SOURCE_ROOTS = ['apps', 'libs', 'bench', 'tools'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'tmp', 'test', '__tests__', 'coverage']);
// apps/web is a browser bundle built by Vite (npm run web:build -> dist/web), not by SWC
const SKIP_PATHS = new Set([path.join(ROOT, 'tools', 'kafka'), path.join(ROOT, 'apps', 'web')]);
const ASSET_EXT = new Set(['.json', '.html', '.hbs', '.mjml', '.ejs', '.txt', '.sql', '.css', '.svg', '.png', '.ics']);
// assets are copied from src/ folders, and from templates/ folders (apps/notifications/templates: the translators' files)
const ASSET_DIRS = new Set(['src', 'templates']);
const NOT_ASSETS = new Set(['project.json', 'package.json', 'tsconfig.json', 'tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json']);
const quiet = process.argv.includes('--quiet');

function isTest(file) {
  return /\.(spec|e2e-spec|test)\.ts$/.test(file);
}

function walk(dir, found) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return found;
    throw err;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !SKIP_PATHS.has(full) && !e.name.startsWith('.')) walk(full, found);
    } else if (e.isFile()) {
      if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !isTest(e.name)) found.ts.push(full);
      else if (ASSET_EXT.has(path.extname(e.name)) && !NOT_ASSETS.has(e.name) && path.relative(ROOT, full).split(path.sep).some((d) => ASSET_DIRS.has(d))) found.assets.push(full);
    }
  }
  return found;
}

function swcOptions() {
  const rc = JSON.parse(fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));
  delete rc.$schema;
  rc.jsc = { ...rc.jsc, baseUrl: path.resolve(ROOT, rc.jsc.baseUrl || '.') };
  return rc;
}

async function compile(file, options) {
  const rel = path.relative(ROOT, file);
  const outFile = path.join(OUT, rel.replace(/\.ts$/, '.js'));
  const outDir = path.dirname(outFile);
  const source = await fs.promises.readFile(file, 'utf8');
  const result = await swc.transform(source, {
    ...options,
    filename: file,
    swcrc: false,
    configFile: false,
    sourceFileName: path.relative(outDir, file),
  });
  await fs.promises.mkdir(outDir, { recursive: true });
  let code = result.code;
  if (result.map) {
    await fs.promises.writeFile(`${outFile}.map`, result.map);
    code += `\n//# sourceMappingURL=${path.basename(outFile)}.map\n`;
  }
  await fs.promises.writeFile(outFile, code);
  return { rel, outFile, code };
}

async function main() {
  const started = Date.now();
  const found = { ts: [], assets: [] };
  for (const r of SOURCE_ROOTS) walk(path.join(ROOT, r), found);

  // a clean output per build: a deleted source never lingers as a stale .js
  for (const r of SOURCE_ROOTS) fs.rmSync(path.join(OUT, r), { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  const options = swcOptions();
  const aliases = Object.keys(options.jsc.paths || {}).map((a) => a.replace(/\/\*$/, ''));
  const leftovers = [];
  const errors = [];
  const queue = found.ts.slice();
  const workers = Array.from({ length: 8 }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      try {
        const { rel, code } = await compile(file, options);
        for (const m of code.matchAll(/require\((["'])([^"']+)\1\)/g)) {
          if (aliases.some((a) => m[2] === a || m[2].startsWith(`${a}/`))) leftovers.push(`${rel}: ${m[2]}`);
        }
      } catch (err) {
        errors.push(`${path.relative(ROOT, file)}: ${err && err.message ? err.message : err}`);
      }
    }
  });
  await Promise.all(workers);
  for (const asset of found.assets) {
    const target = path.join(OUT, path.relative(ROOT, asset));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(asset, target);
  }

  if (errors.length) {
    console.error(`[build] ${errors.length} file(s) failed to compile:\n${errors.join('\n')}`);
    process.exit(1);
  }
  if (leftovers.length) {
    console.error(`[build] path aliases were not rewritten (check .swcrc jsc.paths):\n${leftovers.join('\n')}`);
    process.exit(1);
  }
  if (!quiet) {
    console.log(`[build] ${found.ts.length} file(s) compiled, ${found.assets.length} asset(s) copied to dist/ in ${Date.now() - started} ms`);
  }
}

main().catch((err) => {
  console.error('[build] failed:', err);
  process.exit(1);
});
