import path from 'node:path';
import type { Compilation, Compiler } from 'webpack';
import { formatBytes, validateOptions } from '@packwise/core';
import type { ByteSize } from '@packwise/core';
import { assetSources, entryFiles, largestModules, returningSources } from './compilation-sizes';
import { loadConfig, resolveConfig, UsageError } from './config';
import { pluginSchema } from './config-schema';
import { evaluateBudgets } from './evaluate';
import { KnownValidConfigs } from './known-valid';
import { filesLine, returningSummary } from './format/summary';
import { htmlReport } from './html-report';
import { countsZstd, measureAll } from './measure';
import type { MeasureCounts } from './measure';
import { PreviousVersion, returningBudget, returningVisits, withReturning } from './returning';
import type { BudgetConfig, BudgetResult, PackwiseReport, ResolvedConfig } from './types';

export interface ReportFiles {
  /** The JSON report's name, or false. @default 'packwise-report.json' */
  json?: string | false;
  /** The HTML report's name, or false. @default false */
  html?: string | false;
  /**
   * What the HTML report diffs against: an earlier packwise-report.html, packwise-report.json or stats JSON
   * (absolute, or relative to webpack's context).
   */
  baseline?: string;
}

const DEFAULT_JSON_REPORT = 'packwise-report.json';

/** `report` as both names: a string or false is the JSON report's (what it always was). */
export function reportFiles(report: BudgetsPluginOptions['report']): {
  json: string | false;
  html: string | false;
  baseline?: string;
} {
  if (report === undefined || typeof report === 'string' || report === false)
    return { json: report ?? DEFAULT_JSON_REPORT, html: false };
  return {
    json: report.json ?? DEFAULT_JSON_REPORT,
    html: report.html ?? false,
    ...(report.baseline ? { baseline: report.baseline } : {}),
  };
}

/** Used for hooks, logger and error messages. */
export const PLUGIN_NAME = 'PackwiseBudgetsPlugin';

export interface BudgetsPluginOptions {
  /** The budgets; without them the plugin reads packwise.config.* / package.json "packwise" from the project. */
  budgets?: BudgetConfig[];
  /** Deltas up to this size count as no change. @default 16 */
  tolerance?: ByteSize;
  /** A config file to read the budgets from (relative to webpack's context). */
  config?: string;
  /**
   * The emitted reports: a name for the JSON report, `false` for none, or `{ json, html }` — `html` names the
   * HTML report (@packwise/report), emitted after the JSON one. @default 'packwise-report.json' (no HTML)
   */
  report?: string | false | ReportFiles;
  /**
   * What a visitor holding the previous version downloads, for budgets with `visitor: 'returning'` and for
   * the report's per-file `returning` sizes.
   */
  returningVisitor?: {
    /** The previous deploy's output folder (absolute, or relative to webpack's context). */
    previous: string;
  };
}

function describe(result: BudgetResult): string {
  const files = filesLine(result);
  const modules = result.largestModules?.map((m) => `${m.name} (${formatBytes(m.size)})`).join(', ');
  return (
    `budget "${result.budget}": ${result.problems.join('; ')}` +
    `${files ? `. Files: ${files}` : ''}${modules ? `. Largest modules: ${modules}` : ''}`
  );
}

/** Fails (or warns about) a build whose assets, entries or first page load (HTML page included) are over their size budgets. */
export class BudgetsPlugin {
  private readonly options: BudgetsPluginOptions;
  private readonly inline?: ResolvedConfig;

  constructor(options: BudgetsPluginOptions = {}) {
    validateOptions<BudgetsPluginOptions>(pluginSchema, options, '@packwise/budgets');
    this.options = options;
    if (options.budgets) {
      this.inline = resolveConfig(
        { budgets: options.budgets, tolerance: options.tolerance },
        'BudgetsPlugin options',
      );
    }
  }

  apply(compiler: Compiler): void {
    let config: Promise<ResolvedConfig> | undefined;
    const configFor = (compilation: Compilation) =>
      (config ??= this.inline ? Promise.resolve(this.inline) : this.loadRemembered(compilation));

    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        async () => {
          try {
            await this.check(compilation, await configFor(compilation));
          } catch (error) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(`${PLUGIN_NAME}: ${(error as Error).message}`),
            );
          }
        },
      );
    });
  }

  /** The config file, its schema skipped when the same config passed it in an earlier build. */
  private async loadRemembered(compilation: Compilation): Promise<ResolvedConfig> {
    const remembered = new KnownValidConfigs(compilation);
    const known = await remembered.load();
    const config = await loadConfig(
      compilation.compiler.context,
      this.options.config,
      undefined,
      new Set(known),
    );
    if (config.digest) await remembered.add(known, config.digest);
    return config;
  }

  private async check(compilation: Compilation, config: ResolvedConfig): Promise<void> {
    const { WebpackError, sources } = compilation.compiler.webpack;
    const logger = compilation.getLogger(PLUGIN_NAME);
    const counts: MeasureCounts = { computed: 0, reused: 0 };
    const previous = await this.previousVersion(compilation, config);
    const assets = await measureAll(assetSources(compilation), { counts, zstd: countsZstd(config.budgets) });
    const visits = previous && (await returningVisits(returningSources(compilation), previous));
    const build = {
      assets: visits ? withReturning(assets, visits) : assets,
      entries: entryFiles(compilation),
      largestModules: largestModules(compilation),
    };
    const results = evaluateBudgets(config.budgets, build, { tolerance: config.tolerance });
    for (const result of results.filter((r) => r.status === 'fail')) {
      const problem = new WebpackError(`${PLUGIN_NAME}: ${describe(result)}`);
      (result.severity === 'error' ? compilation.errors : compilation.warnings).push(problem);
    }
    logger.log(
      `${results.length} budget checks, ${results.filter((r) => r.status === 'fail').length} over; ` +
        `${counts.computed} sizes compressed here, ${counts.reused} read from a compression plugin's output` +
        (visits ? `; a returning visitor: ${returningSummary(build.assets)}` : ''),
    );
    const names = reportFiles(this.options.report);
    const report: PackwiseReport = { version: 1, ...build, results };
    if (names.json) {
      compilation.emitAsset(names.json, new sources.RawSource(`${JSON.stringify(report, null, 2)}\n`));
    }
    if (names.html) {
      // Final as written (its inline script and JSON are already compact): minimizers leave it alone.
      const html = await htmlReport(compilation, report, names.baseline);
      compilation.emitAsset(names.html, new sources.RawSource(html), {
        minimized: true,
      });
    }
  }

  /** The previous version `returningVisitor.previous` names; a returning-visitor budget without one is an error. */
  private async previousVersion(
    compilation: Compilation,
    config: ResolvedConfig,
  ): Promise<PreviousVersion | undefined> {
    const previous = this.options.returningVisitor?.previous;
    if (previous === undefined) {
      const budget = returningBudget(config.budgets);
      if (budget) {
        throw new UsageError(
          `budget "${budget.name}" counts returning visitors: set returningVisitor.previous to the previous ` +
            "deploy's output folder (new BudgetsPlugin({ returningVisitor: { previous: 'path' } }))",
        );
      }
      return undefined;
    }
    const dir = path.resolve(compilation.compiler.context, previous);
    return PreviousVersion.open(dir, `returningVisitor.previous "${dir}"`);
  }
}
