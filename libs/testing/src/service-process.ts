import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * One service started as a real process from the build (dist/apps/<app>/src/main.js), as in
 * production; `npm test` builds before jest runs. Output is kept for assertions and failures.
 */
export class ServiceProcess {
  output = '';
  /** The signal that ended the process, if one did (null while running or after a normal exit). */
  exitSignal: NodeJS.Signals | null = null;
  private exited?: Promise<number | null>;

  private constructor(readonly app: string, readonly url: string, private readonly child: ChildProcess) {
    child.stdout?.on('data', (d) => (this.output += d));
    child.stderr?.on('data', (d) => (this.output += d));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitSignal = signal;
        resolve(code);
      }),
    );
  }

  static spawn(app: string, env: Record<string, string>, port = 0): ServiceProcess {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(app, `http://127.0.0.1:${port}`, child);
  }

  /** Starts the service on a free port and waits until its /health answers 200. */
  static async start(app: string, env: Record<string, string>, timeoutMs = 30000): Promise<ServiceProcess> {
    const port = await freePort();
    const p = ServiceProcess.spawn(app, { ...env, PORT: String(port) }, port);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (p.child.exitCode !== null) throw new Error(`${app} exited with ${p.child.exitCode}:\n${p.output}`);
      try {
        const res = await fetch(`${p.url}/health`);
        if (res.status === 200) return p;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await p.stop();
        throw new Error(`${app} not healthy within ${timeoutMs} ms:\n${p.output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends a signal without waiting (stop() sends SIGTERM and falls back to SIGKILL). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the exit code (for processes expected to stop by themselves). */
  waitForExit(): Promise<number | null> {
    return this.exited!;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
