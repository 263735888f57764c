import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'webpack';
import { BudgetsPlugin } from '@packwise/budgets';
import type { BudgetsPluginOptions } from '@packwise/budgets';
import { compile, fixturePath, makeTempDir } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { STATS_OPTIONS } from '@packwise/report';
import type { ReportModel, StatsLike } from '@packwise/report';

export const HTML = 'packwise-report.html';
export const JSON_REPORT = 'packwise-report.json';

type PresetConfig = (env: object) => Configuration;

/** A fixture's preset config (fixtures/<app>/webpack.config.cjs). */
export function presetConfig(app: string): PresetConfig {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(fixturePath(app, 'webpack.config.cjs')) as PresetConfig;
}

/** The config with the preset's BudgetsPlugin replaced by one that also emits the HTML report. */
export function withHtmlReport(
  config: Configuration,
  options: BudgetsPluginOptions = {},
  baseline?: string,
): Configuration {
  const plugins = (config.plugins ?? []).filter((plugin) => !(plugin instanceof BudgetsPlugin));
  const report = { json: JSON_REPORT, html: HTML, ...(baseline ? { baseline } : {}) };
  return { ...config, plugins: [...plugins, new BudgetsPlugin({ ...options, report })] };
}

/** Builds a fixture with its preset config and the HTML report on (diffed against `baseline` when given). */
export async function buildFixture(
  app: string,
  env: Record<string, unknown> = {},
  options: BudgetsPluginOptions = {},
  baseline?: string,
): Promise<BuildResult> {
  const outDir = await makeTempDir(`packwise-report-${app}-`);
  return compile(withHtmlReport(presetConfig(app)({ outDir, ...env }), options, baseline), {
    outputDir: outDir,
  });
}

/** Writes the build's stats JSON (what `packwise report --stats` reads) next to its output. */
export async function saveStats(build: BuildResult): Promise<string> {
  const file = path.join(path.dirname(build.outputDir), `${path.basename(build.outputDir)}-stats.json`);
  await writeFile(file, JSON.stringify(build.stats.toJson(STATS_OPTIONS)));
  return file;
}

/** The chunks of a build that have files: one treemap cell each. */
export function chunksWithFiles(build: BuildResult): StatsLike['chunks'] {
  const stats = build.stats.toJson(STATS_OPTIONS) as StatsLike;
  return (stats.chunks ?? []).filter((chunk) => (chunk.files ?? []).length > 0);
}

/** The model embedded in a report page. */
export function modelOf(html: string): ReportModel {
  const match = /<script type="application\/json" id="packwise-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no model in the page');
  return JSON.parse(match[1]) as ReportModel;
}
