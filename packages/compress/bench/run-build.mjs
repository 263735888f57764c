// Runs one build in a fresh child process (build-once.mjs) and checks what it wrote: the contender's
// encodings, each decoding to its original.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { contenders, encodingsOf, test } from './contenders.mjs';
import { encodings, verifyOutput } from './verify.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

/** `job`: `{ workload, contender, outDir, env?, synthetic? }`. Resolves with the child's report + output check. */
export async function runBuild(job) {
  let child;
  try {
    child = await run(process.execPath, [path.join(here, 'build-once.mjs'), JSON.stringify(job)], {
      cwd: path.dirname(here),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60 * 60 * 1000,
    });
  } catch (error) {
    const detail = (error.stderr || error.message).trim().split('\n').slice(-15).join('\n');
    throw new Error(`${job.contender} ${job.workload} build process failed:\n${detail}`, { cause: error });
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  if (result.errors.length > 0)
    throw new Error(
      `${job.contender} ${job.workload} build failed:\n${result.errors.join('\n').slice(0, 2000)}`,
    );
  result.lingered = child.stderr.includes('process still alive');
  result.output = await verifyOutput(job.outDir, test);
  // A contender that writes another set of encodings than it should (none, or one too many) is an error.
  const expected = encodingsOf(contenders.find((c) => c.name === job.contender));
  const written = encodings.filter((encoding) => result.output[encoding].files > 0);
  if (written.join() !== encodings.filter((encoding) => expected.includes(encoding)).join())
    throw new Error(
      `${job.contender} ${job.workload} wrote ${written.join(' + ') || 'no encoding'}, ` +
        `expected ${expected.join(' + ')}`,
    );
  return result;
}
