import { ChildProcess } from 'node:child_process';

type Handler = (args: any) => unknown;

interface Call {
  kind: 'call';
  id: number;
  cmd: string;
  args: unknown;
}

/** Serves request/response calls from the parent process over the IPC channel. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('message', async (msg: Call) => {
    if (!msg || msg.kind !== 'call') return;
    try {
      const handler = handlers[msg.cmd];
      if (!handler) throw new Error(`unknown command ${msg.cmd}`);
      const result = await handler(msg.args);
      process.send?.({ kind: 'reply', id: msg.id, result });
    } catch (e) {
      process.send?.({ kind: 'reply', id: msg.id, error: (e as Error).stack ?? String(e) });
    }
  });
}

/** Calls a child process that `serve`s, with a timeout per call. */
export class Peer {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: { kind?: string; id: number; result?: unknown; error?: string }) => {
      if (m?.kind !== 'reply') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    child.on('exit', (code, signal) => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`worker exited (code ${code}, signal ${signal}) before answering call ${id}`));
      }
      this.pending.clear();
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.connected;
  }

  call<T>(cmd: string, args: unknown = {}, timeoutMs = 60_000): Promise<T> {
    if (!this.alive) return Promise.reject(new Error(`worker is not running (call ${cmd})`));
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`worker call ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.send({ kind: 'call', id, cmd, args } satisfies Call);
    });
  }
}
