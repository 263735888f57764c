// The two budget checkers the benchmark runs on a dist, each as its user would run it in CI: a fresh `node`
// process per check. `size-limit` (with @size-limit/file, brotli) is the baseline of every ratio.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../../scripts/lib/app-build.mjs';

const require = createRequire(import.meta.url);
// The `packwise` command users run: @packwise/cli's bin (budgets' own forwards to it with a deprecation note).
const packwiseBin = path.join(repoRoot, 'packages/cli/bin/packwise.js');
const packwiseCli = path.join(repoRoot, 'packages/cli/dist/run.js');
const sizeLimitBin = path.join(path.dirname(require.resolve('size-limit/package.json')), 'bin.js');

const versionOf = (pkg) => require(`${pkg}/package.json`).version;
const rel = (file) => path.relative(repoRoot, file) || '.';

export const BASELINE = 'size-limit';

export const contenders = [
  {
    name: 'size-limit',
    describe: () =>
      `size-limit ${versionOf('size-limit')} + @size-limit/file ${versionOf('@size-limit/file')}, ` +
      '`.size-limit.json` with one brotli check per extension (sums; it brotli-compresses every file)',
    /** Why it cannot run, or undefined. */
    unavailable: () => (existsSync(sizeLimitBin) ? undefined : `${rel(sizeLimitBin)} is missing`),
    command: (workload) => ({
      file: process.execPath,
      args: [sizeLimitBin, '--json'],
      cwd: workload.dir,
    }),
    /** `{ checks: [{ name, size, passed }] }` from `--json`. */
    parse: (stdout) => ({ checks: JSON.parse(stdout) }),
  },
  {
    name: 'packwise',
    describe: () =>
      `\`packwise check --dir\` (@packwise/cli ${versionOf('@packwise/cli')}, @packwise/budgets ${versionOf('@packwise/budgets')}), ` +
      'packwise.config.json with one path budget per extension (each file checked)',
    unavailable: () =>
      [packwiseBin, packwiseCli]
        .filter((file) => !existsSync(file))
        .map((file) => `${rel(file)} is missing (run \`npm run build\` at the repository root)`)
        .join('; ') || undefined,
    command: (workload) => ({
      file: process.execPath,
      args: [
        packwiseBin,
        'check',
        '--dir',
        workload.dist,
        '--config',
        path.join(workload.dir, 'packwise.config.json'),
        '--format',
        'json',
      ],
      cwd: repoRoot,
    }),
    /** The report (`PackwiseReport`: assets with raw/gzip/brotli sizes, results). */
    parse: (stdout) => JSON.parse(stdout),
  },
];

/** A command as a shell line, with paths relative to the repository root where that is where it runs. */
export function commandLine({ file, args, cwd }) {
  const shown = [file === process.execPath ? 'node' : file, ...args].map((arg) =>
    path.isAbsolute(arg) ? path.relative(cwd, arg) || '.' : arg,
  );
  return `${cwd === repoRoot ? '' : `(cd ${rel(cwd)} && `}${shown.join(' ')}${cwd === repoRoot ? '' : ')'}`;
}
