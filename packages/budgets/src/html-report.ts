import path from 'node:path';
import type { Compilation } from 'webpack';
import { isRspack } from '@packwise/core';
import type { CompressManifestLike } from '@packwise/report';
import type { PackwiseReport } from './types';

/** compress-manifest.json when @packwise/compress emitted it before this stage. */
function compressManifest(compilation: Compilation): CompressManifestLike | undefined {
  const asset = compilation.getAsset('compress-manifest.json');
  if (!asset) return undefined;
  try {
    return JSON.parse(asset.source.source().toString()) as CompressManifestLike;
  } catch {
    return undefined;
  }
}

/**
 * The HTML report of this build: its stats so far (modules, chunks, entrypoints), the budgets' verdicts and,
 * with a baseline file, the diff against it.
 */
export async function htmlReport(
  compilation: Compilation,
  report: PackwiseReport,
  baselineFile?: string,
): Promise<string> {
  // Loaded here, not at the top: `packwise check` and builds without an HTML report never need it.
  const { buildReportData, readBaseline, renderReportHtml, RSPACK_STATS_OPTIONS, STATS_OPTIONS } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@packwise/report') as typeof import('@packwise/report');
  const { context } = compilation.compiler;
  const baseline = baselineFile
    ? await readBaseline(path.resolve(context, baselineFile), 'report.baseline')
    : undefined;
  // Rspack lists the modules inside concatenated modules only with orphanModules (package sizes, why).
  const options = isRspack(compilation.compiler) ? RSPACK_STATS_OPTIONS : STATS_OPTIONS;
  const stats = compilation.getStats().toJson(options);
  const manifest = compressManifest(compilation);
  const model = buildReportData({
    stats: stats as Parameters<typeof buildReportData>[0]['stats'],
    budgetsReport: report,
    context,
    ...(manifest ? { compressManifest: manifest } : {}),
    ...(baseline ? { baseline } : {}),
  });
  return renderReportHtml(model);
}
