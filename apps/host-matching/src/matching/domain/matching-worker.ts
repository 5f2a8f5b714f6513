import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MatchingInstance } from './instance';
import { MatchingResult, MatchOptions, solveMatching } from './matcher';

/**
 * Runs `solveMatching` in a worker thread so the service's event loop stays responsive during a solve.
 *
 * The worker is this same module, compiled: dist/apps/host-matching/src/matching/domain/matching-worker.js.
 * When it starts as a worker (`workerData.twinningMatching`), it solves and posts the result back. The typed
 * arrays cross the thread boundary by structured clone.
 *
 * Under jest the module is a .ts file transpiled in memory by @swc/jest: a worker thread would load it with plain
 * Node, which cannot run TypeScript (and knows nothing of jest's transform or module mapper). So when
 * JEST_WORKER_ID is set, or when the compiled .js is not next to this module, `solveInWorker` solves in-process
 * (same function, same result) and says so in `ranIn`.
 */
interface WorkerRequest {
  twinningMatching: true;
  instance: MatchingInstance;
  options: MatchOptions;
}

export interface WorkerSolveResult {
  result: MatchingResult;
  ranIn: 'worker' | 'in-process';
}

export function solveInWorker(instance: MatchingInstance, options: MatchOptions = {}, opts: { forceInProcess?: boolean } = {}): Promise<WorkerSolveResult> {
  const workerFile = path.join(__dirname, 'matching-worker.js');
  if (opts.forceInProcess || process.env.JEST_WORKER_ID !== undefined || !__filename.endsWith('.js')) {
    return Promise.resolve().then(() => ({ result: solveMatching(instance, options), ranIn: 'in-process' as const }));
  }
  return new Promise((resolve, reject) => {
    const request: WorkerRequest = { twinningMatching: true, instance, options };
    const worker = new Worker(workerFile, { workerData: request });
    let settled = false;
    worker.once('message', (msg: { ok: true; result: MatchingResult } | { ok: false; error: string }) => {
      settled = true;
      if (msg.ok) resolve({ result: msg.result, ranIn: 'worker' });
      else reject(new Error(msg.error));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`matching worker exited with code ${code}`));
      settled = true;
    });
  });
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerRequest> | null)?.twinningMatching) {
  const req = workerData as WorkerRequest;
  try {
    const result = solveMatching(req.instance, req.options);
    parentPort.postMessage({ ok: true, result });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
