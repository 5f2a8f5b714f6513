// Reads the path aliases of tsconfig.base.json once, for jest and the build.
const path = require('path');
const base = require('../../tsconfig.base.json');
function aliases() {
  const out = {};
  for (const [k, v] of Object.entries(base.compilerOptions.paths)) out[k] = path.join(__dirname, '..', '..', v[0]);
  return out;
}
function pathsToModuleNameMapper() {
  const out = {};
  for (const [k, file] of Object.entries(aliases())) out[`^${k.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&')}$`] = file;
  return out;
}
module.exports = { aliases, pathsToModuleNameMapper };
