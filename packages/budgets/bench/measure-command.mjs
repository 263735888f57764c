// Runs one command in a child process and measures it: wall time (from spawn to exit, so Node's start-up is
// included for every contender alike), peak RSS and CPU time (GNU time's %M, %U and %S: the child's maximum
// resident set, user and system seconds), the 1-minute load average before the start, exit code and output.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const canMeasureRss = existsSync(GNU_TIME);

/**
 * `{ wallMs, peakRssBytes, cpuMs, loadAverage, exitCode, signal, stdout, stderr }`; `peakRssBytes` and
 * `cpuMs` are undefined without /usr/bin/time.
 */
export async function measureCommand(file, args, { cwd, env = process.env, timeoutMs = 30 * 60 * 1000 }) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'packwise-bench-'));
  const rssFile = path.join(tmp, 'rss');
  const [command, commandArgs] = canMeasureRss
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, file, ...args]]
    : [file, args];
  try {
    const loadAverage = os.loadavg()[0];
    const started = process.hrtime.bigint();
    const { exitCode, signal, stdout, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      const err = [];
      child.stdout.on('data', (chunk) => out.push(chunk));
      child.stderr.on('data', (chunk) => err.push(chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code, sig) => {
        clearTimeout(timer);
        resolve({
          exitCode: code,
          signal: sig,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        });
      });
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    let peakRssBytes;
    let cpuMs;
    if (canMeasureRss) {
      // "Command exited with non-zero status N" may precede the numbers.
      const lines = (await readFile(rssFile, 'utf8')).trim().split('\n');
      const [kib, user, system] = lines.at(-1).split(' ').map(Number);
      if (Number.isFinite(kib)) peakRssBytes = kib * 1024;
      if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user + system) * 1000;
    }
    return { wallMs, peakRssBytes, cpuMs, loadAverage, exitCode, signal, stdout, stderr };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
