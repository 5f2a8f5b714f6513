#!/usr/bin/env node
// Lints snippets of code as if they were files of the workspace (nothing is written to disk), with the
// repository's eslint.config.mjs and a freshly computed Nx project graph, through the ESLint Node API.
// stdin: JSON [{ "filePath": "libs/contracts/src/x.ts", "code": "..." }, ...]
// stdout: JSON [[{ "ruleId", "message", "fatal" }, ...], ...] in the same order.
// Used by module-boundaries.spec.ts: ESLint 9 loads its config with a dynamic import(), which jest's
// module sandbox does not support without --experimental-vm-modules, so the linting runs in this process.
'use strict';
const path = require('path');
const { ESLint } = require('eslint');
const { createProjectGraphAsync } = require('@nx/devkit');

const repoRoot = path.resolve(__dirname, '..', '..');

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const probes = JSON.parse(input);
  process.chdir(repoRoot);
  // @nx/enforce-module-boundaries reads the cached graph; computing it here keeps the answer current
  await createProjectGraphAsync({ exitOnError: false });
  const eslint = new ESLint({ cwd: repoRoot });
  const out = [];
  for (const { filePath, code } of probes) {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
    out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, fatal: !!m.fatal })));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
