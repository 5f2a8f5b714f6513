import * as path from 'path';
import { ESLint } from 'eslint';
import { createProjectGraphAsync } from '@nx/devkit';

// Lints snippets as if they were files of the projects (they are never written to disk), with the
// repository's own eslint.config.mjs and Nx project graph, and checks what @nx/enforce-module-boundaries says.
const repoRoot = path.resolve(__dirname, '..', '..');
const RULE = '@nx/enforce-module-boundaries';

let eslint: ESLint;

beforeAll(async () => {
  // the rule reads the cached project graph; computing it here makes the test independent of earlier nx runs
  await createProjectGraphAsync({ exitOnError: false, resetDaemonClient: false });
  eslint = new ESLint({ cwd: repoRoot });
}, 120000);

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries (eslint.config.mjs + project.json tags)', () => {
  it('forbids contracts from importing kafkajs', async () => {
    const messages = await boundaryMessages('libs/contracts/src/boundary-probe.ts', "import { Kafka } from 'kafkajs';\nexport const probe = Kafka;\n");
    expect(messages).toEqual([expect.stringContaining('is not allowed to import "kafkajs"')]);
  });

  it('forbids contracts from importing NestJS or TypeORM', async () => {
    const messages = await boundaryMessages(
      'libs/contracts/src/boundary-probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { Entity } from 'typeorm';\nexport const probe = [Injectable, Entity];\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('lets contracts import class-validator and class-transformer', async () => {
    const messages = await boundaryMessages(
      'libs/contracts/src/boundary-probe.ts',
      "import { IsUUID } from 'class-validator';\nimport { Type } from 'class-transformer';\nexport const probe = [IsUUID, Type];\n",
    );
    expect(messages).toEqual([]);
  });

  it('forbids contracts from importing a platform library', async () => {
    const messages = await boundaryMessages('libs/contracts/src/boundary-probe.ts', "import * as config from '@twinning/platform-config';\nexport const probe = config;\n");
    expect(messages).toEqual([expect.stringContaining('can only depend on libs tagged with "type:contracts"')]);
  });

  it('forbids an app from importing another app by relative path', async () => {
    const messages = await boundaryMessages('apps/gateway/src/boundary-probe.ts', "import { x } from '../../delegations/src/x';\nexport const probe = x;\n");
    expect(messages).toEqual([expect.stringContaining('Projects cannot be imported by a relative or absolute path')]);
  });

  it('forbids an app from importing another app by workspace path', async () => {
    const messages = await boundaryMessages('apps/gateway/src/boundary-probe.ts', "import { x } from 'apps/host-matching/src/x';\nexport const probe = x;\n");
    expect(messages).toEqual([expect.stringContaining('Projects cannot be imported by a relative or absolute path')]);
  });

  it('lets an app import contracts and platform libraries', async () => {
    const messages = await boundaryMessages(
      'apps/gateway/src/boundary-probe.ts',
      "import * as contracts from '@twinning/contracts';\nimport * as config from '@twinning/platform-config';\nexport const probe = [contracts, config];\n",
    );
    expect(messages).toEqual([]);
  });

  it('keeps the test harness out of production code but allows it in tests', async () => {
    const code = "import * as testing from '@twinning/testing';\nexport const probe = testing;\n";
    expect(await boundaryMessages('apps/delegations/src/boundary-probe.ts', code)).toEqual([
      expect.stringContaining('can only depend on libs tagged with "type:platform", "type:contracts"'),
    ]);
    expect(await boundaryMessages('apps/delegations/test/boundary-probe.e2e-spec.ts', code)).toEqual([]);
  });
});
