import * as path from 'path';
import { execFileSync } from 'child_process';

// Proves that eslint.config.mjs + the project.json tags really enforce the module boundaries: snippets are
// linted as if they were files of a project (never written to disk) through the ESLint Node API, and the
// answers of @nx/enforce-module-boundaries are checked. The linting runs in lint-probe.js (a child
// process) because ESLint 9 loads its config with import(), which jest's sandbox cannot do.
const repoRoot = path.resolve(__dirname, '..', '..');
const RULE = '@nx/enforce-module-boundaries';

type Message = { ruleId: string | null; message: string; fatal: boolean };

const probes = {
  contractsKafka: { filePath: 'libs/contracts/src/boundary-probe.ts', code: "import { Kafka } from 'kafkajs';\nexport const probe = Kafka;\n" },
  contractsNest: {
    filePath: 'libs/contracts/src/boundary-probe.ts',
    code: "import { Injectable } from '@nestjs/common';\nimport { Entity } from 'typeorm';\nexport const probe = [Injectable, Entity];\n",
  },
  contractsValidator: {
    filePath: 'libs/contracts/src/boundary-probe.ts',
    code: "import { IsUUID } from 'class-validator';\nimport { Type } from 'class-transformer';\nexport const probe = [IsUUID, Type];\n",
  },
  contractsPlatform: { filePath: 'libs/contracts/src/boundary-probe.ts', code: "import * as config from '@twinning/platform-config';\nexport const probe = config;\n" },
  appRelativeApp: { filePath: 'apps/gateway/src/boundary-probe.ts', code: "import { x } from '../../delegations/src/x';\nexport const probe = x;\n" },
  appWorkspacePathApp: { filePath: 'apps/gateway/src/boundary-probe.ts', code: "import { x } from 'apps/host-matching/src/x';\nexport const probe = x;\n" },
  appLibs: {
    filePath: 'apps/gateway/src/boundary-probe.ts',
    code: "import * as contracts from '@twinning/contracts';\nimport * as config from '@twinning/platform-config';\nexport const probe = [contracts, config];\n",
  },
  appSrcTesting: { filePath: 'apps/delegations/src/boundary-probe.ts', code: "import * as testing from '@twinning/testing';\nexport const probe = testing;\n" },
  appTestTesting: { filePath: 'apps/delegations/test/boundary-probe.e2e-spec.ts', code: "import * as testing from '@twinning/testing';\nexport const probe = testing;\n" },
  systemTestApp: { filePath: 'tests/system/boundary-probe.e2e-spec.ts', code: "import { x } from '../../apps/delegations/src/app.module';\nexport const probe = x;\n" },
  csvStringifyInApp: { filePath: 'apps/logistics/src/travel/domain/boundary-probe.ts', code: "import { stringify } from 'csv-stringify/sync';\nexport const probe = stringify;\n" },
  csvWriterInApp: { filePath: 'apps/logistics/src/travel/domain/boundary-probe.ts', code: "import { writeCsv } from '@twinning/platform-csv';\nexport const probe = writeCsv;\n" },
  systemTestTesting: { filePath: 'tests/system/boundary-probe.e2e-spec.ts', code: "import * as testing from '@twinning/testing';\nexport const probe = testing;\n" },
};
type Probe = keyof typeof probes;

let results: Record<Probe, Message[]>;

beforeAll(() => {
  const names = Object.keys(probes) as Probe[];
  const stdout = execFileSync(process.execPath, [path.join(__dirname, 'lint-probe.js')], {
    cwd: repoRoot,
    input: JSON.stringify(names.map((n) => probes[n])),
    env: { ...process.env, NX_DAEMON: 'false' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const out = JSON.parse(stdout) as Message[][];
  results = Object.fromEntries(names.map((n, i) => [n, out[i]])) as Record<Probe, Message[]>;
}, 120000);

function boundaryMessages(probe: Probe): string[] {
  expect(results[probe].filter((m) => m.fatal)).toEqual([]);
  return results[probe].filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries (eslint.config.mjs + project.json tags)', () => {
  it('forbids contracts from importing kafkajs', () => {
    expect(boundaryMessages('contractsKafka')).toEqual([expect.stringContaining('"type:contracts" is not allowed to import "kafkajs"')]);
  });

  it('forbids contracts from importing NestJS or TypeORM', () => {
    expect(boundaryMessages('contractsNest')).toEqual([
      expect.stringContaining('is not allowed to import "@nestjs/common"'),
      expect.stringContaining('is not allowed to import "typeorm"'),
    ]);
  });

  it('lets contracts import class-validator and class-transformer', () => {
    expect(boundaryMessages('contractsValidator')).toEqual([]);
  });

  it('forbids contracts from importing a platform library', () => {
    expect(boundaryMessages('contractsPlatform')).toEqual([expect.stringContaining('can only depend on libs tagged with "type:contracts"')]);
  });

  it('forbids an app from importing another app by relative path', () => {
    expect(boundaryMessages('appRelativeApp')).toEqual([expect.stringContaining('Projects cannot be imported by a relative or absolute path')]);
  });

  it('forbids an app from importing another app by workspace path', () => {
    expect(boundaryMessages('appWorkspacePathApp')).toEqual([expect.stringContaining('Projects cannot be imported by a relative or absolute path')]);
  });

  it('lets an app import contracts and platform libraries', () => {
    expect(boundaryMessages('appLibs')).toEqual([]);
  });

  it('keeps the test harness out of production code but allows it in tests', () => {
    expect(boundaryMessages('appSrcTesting')).toEqual([expect.stringContaining('can only depend on libs tagged with "type:platform", "type:contracts"')]);
    expect(boundaryMessages('appTestTesting')).toEqual([]);
  });

  it('keeps system tests black-box: the harness yes, a service\'s code no', () => {
    expect(boundaryMessages('systemTestApp')).toEqual([expect.stringContaining('Projects cannot be imported by a relative or absolute path')]);
    expect(boundaryMessages('systemTestTesting')).toEqual([]);
  });

  it('lets CSV be written only through the neutralising writer of @twinning/platform-csv', () => {
    const restricted = (probe: Probe) => results[probe].filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(restricted('csvStringifyInApp')).toEqual([expect.stringContaining('write CSV with writeCsv from @twinning/platform-csv')]);
    expect(restricted('csvWriterInApp')).toEqual([]);
    expect(boundaryMessages('csvWriterInApp')).toEqual([]);
  });
});
