import { readdirSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createHandler } from '@packwise/serve';
import { listen, removeDir, request, tempDir, writeFiles } from './helpers';

/** This process's open descriptors of `file`. */
function openDescriptors(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).endsWith(file);
    } catch {
      return false;
    }
  }).length;
}

/** Lets the event loop run until `done()` holds, at most `turns` times; no clock involved. */
async function settle(done: () => boolean, turns = 10_000): Promise<void> {
  for (let turn = 0; turn < turns && !done(); turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
}

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('client aborts', () => {
  it('closes the file of every aborted download and keeps serving', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'big.bin': randomBytes(8 * 1024 * 1024) });
    const handler = createHandler({ root });
    let closed = 0;
    const server = await listen((req, res) => {
      res.on('close', () => (closed += 1));
      handler(req, res);
    });
    try {
      const aborts = 5;
      for (let i = 0; i < aborts; i += 1) {
        await new Promise<void>((resolve, reject) => {
          const outgoing = http.get({ host: '127.0.0.1', port: server.port, path: '/big.bin', agent: false });
          outgoing.on('response', (incoming) => {
            incoming.once('data', () => {
              outgoing.destroy();
              resolve();
            });
          });
          outgoing.on('error', (error) =>
            (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error),
          );
        });
      }
      await settle(() => closed >= aborts && openDescriptors('big.bin') === 0);
      expect(closed).toBe(aborts);
      expect(openDescriptors('big.bin')).toBe(0);
      const after = await request(server.port, '/big.bin', { method: 'HEAD' });
      expect(after.status).toBe(200);
    } finally {
      await server.close();
      await removeDir(root);
    }
  });
});
