// `npm run bench:app [-- --runs N --only A,B --fixture A,B]`: the whole-app harness (bench/run.mjs) with these
// arguments, then the returning-visitor benchmark (bench/returning.mjs). npm appends a script's arguments to its
// last command, so the two run from here to give the arguments to the harness they belong to.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const [script, args] of [
  ['run.mjs', process.argv.slice(2)],
  ['returning.mjs', []],
]) {
  const { status } = spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
