import { Worker } from 'node:worker_threads';

// The worker is evaluated from this string so it runs the same from TypeScript sources and from dist.
// zopfli (WebAssembly) is synchronous: on the main thread it would block webpack for seconds.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zopfli = require(workerData.zopfliPath);
parentPort.on('message', ({ id, input, iterations }) => {
  zopfli.gzipAsync(input, { numiterations: iterations }).then(
    (output) => parentPort.postMessage({ id, output }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

interface Task {
  id: number;
  input: Uint8Array;
  iterations: number;
  resolve: (output: Buffer) => void;
  reject: (error: Error) => void;
}

/** Finds the optional zopfli package, or says how to install it. */
export function resolveZopfli(): string {
  try {
    return require.resolve('@gfx/zopfli');
  } catch {
    throw new Error(
      "@packwise/compress: gzip.engine 'zopfli' needs the optional dependency @gfx/zopfli, which is not installed. " +
        'Install it (npm install --save-dev @gfx/zopfli) or use the default engine "zlib".',
    );
  }
}

/**
 * Up to `size` zopfli workers, started on the first task and stopped by `close()`: threads only while there
 * is work.
 */
export class ZopfliPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(
    private readonly size: number,
    private readonly zopfliPath: string,
  ) {}

  gzip(input: Buffer, iterations: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, iterations, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.postMessage({ id: task.id, input: task.input, iterations: task.iterations });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { zopfliPath: this.zopfliPath } });
    worker.on('message', (message: { output?: Uint8Array; error?: string }) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (task) {
        if (message.output)
          task.resolve(
            Buffer.from(message.output.buffer, message.output.byteOffset, message.output.byteLength),
          );
        else task.reject(new Error(message.error ?? 'zopfli failed'));
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails only its own task; the pool starts another for the rest.
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      this.dispatch();
    });
    return worker;
  }
}
