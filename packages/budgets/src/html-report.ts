import type { Compilation } from 'webpack';
import { buildReportData, renderReportHtml, STATS_OPTIONS } from '@packwise/report';
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

/** The HTML report of this build: its stats so far (modules, chunks, entrypoints) and the budgets' verdicts. */
export function htmlReport(compilation: Compilation, report: PackwiseReport): string {
  const stats = compilation.getStats().toJson(STATS_OPTIONS);
  const manifest = compressManifest(compilation);
  const model = buildReportData({
    stats: stats as Parameters<typeof buildReportData>[0]['stats'],
    budgetsReport: report,
    context: compilation.compiler.context,
    ...(manifest ? { compressManifest: manifest } : {}),
  });
  return renderReportHtml(model);
}
