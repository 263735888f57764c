import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatBytes, measureSizes } from '@packwise/core';
import { buildReportData } from './build';
import type { ReportInput } from './build';
import type { AssetSizeLike, BudgetsReportLike, CompressManifestLike, StatsLike } from './input';
import { hiddenModulesWarning } from './hidden';
import { InputError, readBaseline, readJson } from './read';
import { renderReportHtml } from './render';
import { MEASURED } from './sizes';

export interface OutputStream {
  write(text: string): unknown;
}

export interface ReportCliOptions {
  argv: readonly string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const REPORT_USAGE = `Usage: packwise report [--report packwise-report.json | --stats stats.json --dir dist]
                       [--baseline <old report, stats or report.html>] [--out packwise-report.html] [--open]

  --report    the budgets plugin's packwise-report.json (default, in the current folder)
  --stats     webpack stats JSON (modules, chunks, entrypoints); with --dir, sizes are measured there
  --dir       the build's output folder (default: the stats' outputPath)
  --baseline  an earlier packwise-report.json, stats JSON or packwise-report.html to diff against
  --out       where to write the page (default packwise-report.html)
  --open      print the page's file:// URL
`;

/** Bad input: exit 2 with one line. */
const UsageError = InputError;

/** JS, CSS and HTML files under `dir`, measured (raw, gzip -9, brotli -11). */
async function measureDir(dir: string): Promise<AssetSizeLike[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new UsageError(`cannot read --dir ${dir}`);
  });
  const files = entries
    .filter((entry) => entry.isFile() && MEASURED.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => ({
      name: path.relative(dir, file).split(path.sep).join('/'),
      ...(await measureSizes(await readFile(file))),
    })),
  );
}

async function inputs(
  values: Record<string, string | boolean | undefined>,
  cwd: string,
): Promise<ReportInput> {
  const at = (file: string) => path.resolve(cwd, file);
  const string = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const statsFile = string('stats');
  const reportFile = string('report') ?? (statsFile ? undefined : 'packwise-report.json');
  const stats = statsFile ? await readJson<StatsLike>(at(statsFile), '--stats') : {};
  if (statsFile && !Array.isArray(stats.chunks)) {
    // Rspack 2's default stats (toJson(), preset 'normal') list no chunks, modules or assets at all.
    const options = stats.rspackVersion ? 'RSPACK_STATS_OPTIONS' : 'STATS_OPTIONS';
    throw new UsageError(`--stats ${statsFile} has no chunks: save it with stats.toJson(${options})`);
  }
  const dirOption = string('dir');
  const dir = dirOption
    ? at(dirOption)
    : statsFile
      ? (stats.outputPath ?? path.dirname(at(statsFile)))
      : path.dirname(at(reportFile as string));
  const besideReport = path.join(dir, 'packwise-report.json');
  const budgetsReport =
    reportFile !== undefined
      ? await readJson<BudgetsReportLike>(at(reportFile), '--report')
      : existsSync(besideReport)
        ? await readJson<BudgetsReportLike>(besideReport, 'report')
        : undefined;
  if (budgetsReport && !Array.isArray(budgetsReport.assets)) {
    throw new UsageError(`${reportFile ?? besideReport} is not a packwise-report.json (no assets)`);
  }
  const manifestFile = path.join(dir, 'compress-manifest.json');
  const baselineFile = string('baseline');
  return {
    stats,
    ...(budgetsReport ? { budgetsReport } : { sizes: await measureDir(dir) }),
    ...(baselineFile ? { baseline: await readBaseline(at(baselineFile), '--baseline') } : {}),
    ...(existsSync(manifestFile)
      ? { compressManifest: await readJson<CompressManifestLike>(manifestFile, 'compress manifest') }
      : {}),
    context: cwd,
  };
}

/** `packwise report`: writes the HTML report; 0 when written, 2 with one line for bad input. */
export async function report({ argv, cwd, stdout, stderr }: ReportCliOptions): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...argv],
        options: {
          report: { type: 'string' },
          stats: { type: 'string' },
          dir: { type: 'string' },
          baseline: { type: 'string' },
          out: { type: 'string', short: 'o' },
          open: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n', 1)[0]);
    }
    if (values.help) {
      stdout.write(REPORT_USAGE);
      return EXIT.ok;
    }
    if (values.report && values.stats) throw new UsageError('give --report or --stats, not both');
    if (values.dir && !values.stats) throw new UsageError('--dir goes with --stats');
    const started = performance.now();
    const input = await inputs(values, cwd);
    const hidden = hiddenModulesWarning(input.stats, `--stats ${String(values.stats)}`);
    if (hidden) stderr.write(`packwise report: warning: ${hidden}\n`);
    const model = buildReportData(input);
    const html = renderReportHtml(model);
    const out = path.resolve(cwd, values.out ?? 'packwise-report.html');
    await writeFile(out, html).catch(() => {
      throw new UsageError(`cannot write --out ${out}`);
    });
    const ms = Math.round(performance.now() - started);
    stdout.write(`packwise report: wrote ${out} (${formatBytes(Buffer.byteLength(html))}, ${ms} ms)\n`);
    if (values.open) stdout.write(`${pathToFileURL(out).href}\n`);
    return EXIT.ok;
  } catch (error) {
    stderr.write(`packwise report: ${(error as Error).message}\n`);
    return error instanceof UsageError ? EXIT.usage : EXIT.failed;
  }
}
