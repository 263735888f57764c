import type { Compilation, Compiler, Module } from 'webpack';
import { isRspack, validateOptions, warnUnsupported } from '@packwise/core';
import { applyDecisions } from './apply';
import { decide, wantsInline } from './budget';
import type { Decision } from './budget';
import { collectCandidates } from './candidates';
import { rewriteCss } from './css';
import { BuildTimeRefs, addMissingAssets } from './refs';
import { ASSET_KINDS, resolveOptions } from './options';
import type { InlineAssetsPluginOptions, ResolvedOptions } from './options';
import { optionsSchema } from './options-schema';
import { buildReport, reportLines, webpackReportEntries } from './report';
import type { ReportEntry } from './report';
import { inlineOnRspack } from './rspack';
import { createAssetRule, findConflicts } from './rules';
import type { Conflict } from './rules';
import { recordOf, setDataUrl } from './wish';

/** Used for hooks, logger and error messages. */
export const ASSETS_PLUGIN_NAME = 'PackwiseInlineAssetsPlugin';

/**
 * Inlines images, fonts and SVG as `data:` URIs when the encoded URI fits `maxSize`, and emits them as
 * files once a chunk holds `maxInlinedBytesPerChunk` of URIs. Adds its own asset rules.
 */
export class InlineAssetsPlugin {
  private readonly options: ResolvedOptions;

  constructor(options: InlineAssetsPluginOptions = {}) {
    validateOptions<InlineAssetsPluginOptions>(optionsSchema, options, '@packwise/inline InlineAssetsPlugin');
    this.options = resolveOptions(options);
  }

  apply(compiler: Compiler): void {
    const rspack = isRspack(compiler);
    const conflicts = this.addRules(compiler, rspack);
    if (rspack) {
      this.applyRspack(compiler, conflicts);
      return;
    }
    compiler.hooks.compilation.tap(ASSETS_PLUGIN_NAME, (compilation) => {
      const refs = new BuildTimeRefs();
      // A module reused from a cache keeps last build's `dataUrl`, and CSS embeds it before the budget runs.
      compilation.hooks.stillValidModule.tap(ASSETS_PLUGIN_NAME, (module) => {
        this.restoreWish(module);
        refs.addAsset(module);
      });
      compilation.hooks.succeedModule.tap(ASSETS_PLUGIN_NAME, (module) => {
        refs.addAsset(module);
        refs.recordBuild(module);
      });
    });
    compiler.hooks.thisCompilation.tap(ASSETS_PLUGIN_NAME, (compilation) => {
      this.warnConflicts(compilation, conflicts);
      compilation.hooks.finishModules.tapPromise(ASSETS_PLUGIN_NAME, () => addMissingAssets(compilation));
      let decisions: Decision[] = [];
      compilation.hooks.afterOptimizeChunks.tap(ASSETS_PLUGIN_NAME, () => {
        decisions = decide(collectCandidates(compilation), this.options);
        applyDecisions(compilation, decisions);
      });
      compilation.hooks.processAssets.tap(
        { name: ASSETS_PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        () => this.finish(compilation, decisions),
      );
    });
  }

  /** On Rspack the files are emitted, then inlined where they fit, before minification (rspack.ts). */
  private applyRspack(compiler: Compiler, conflicts: Conflict[]): void {
    compiler.hooks.thisCompilation.tap(ASSETS_PLUGIN_NAME, (compilation) => {
      this.warnConflicts(compilation, conflicts);
      compilation.hooks.processAssets.tap(
        { name: ASSETS_PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS },
        () => {
          const result = inlineOnRspack(compilation, this.options, conflicts);
          const logger = compilation.getLogger(ASSETS_PLUGIN_NAME);
          this.emitReport(compilation, result.entries);
          logger.log(`${result.replaced} references to files replaced by data: URIs`);
          if (result.kept.length > 0) {
            warnUnsupported(
              compilation,
              ASSETS_PLUGIN_NAME,
              'removing an inlined file that code names other than by `__webpack_require__.p + "…"` or CSS `url()`',
              `${result.kept.join(', ')} inlined where referenced so, and kept as files`,
            );
          }
        },
      );
    });
  }

  /** Adds one asset rule per kind, leaving files that a user rule already handles to that rule. */
  private addRules(compiler: Compiler, rspack: boolean): Conflict[] {
    const module = compiler.options.module;
    const rules = module.rules;
    const tests = ASSET_KINDS.flatMap((kind) => this.options.tests[kind] ?? []);
    const conflicts = findConflicts(rules, tests);
    for (const kind of ASSET_KINDS) {
      const test = this.options.tests[kind];
      if (test) rules.push(createAssetRule(kind, test, this.options, conflicts, rspack));
    }
    return conflicts;
  }

  private warnConflicts(compilation: Compilation, conflicts: Conflict[]): void {
    const { WebpackError } = compilation.compiler.webpack;
    for (const { rule, extensions } of conflicts) {
      const test = rule.test instanceof RegExp ? ` ${String(rule.test)}` : '';
      compilation.warnings.push(
        new WebpackError(
          `${ASSETS_PLUGIN_NAME}: your module rule${test} also handles .${extensions.join(', .')} files; ` +
            'they are left to it and not inlined by size or budget. Remove the rule to let the plugin decide.',
        ),
      );
    }
  }

  private restoreWish(module: Module): void {
    const record = recordOf(module);
    if (record) setDataUrl(module, wantsInline({ record }, this.options));
  }

  private finish(compilation: Compilation, decisions: Decision[]): void {
    const logger = compilation.getLogger(ASSETS_PLUGIN_NAME);
    const replaced = rewriteCss(compilation, decisions);
    this.emitReport(compilation, webpackReportEntries(compilation, decisions));
    if (replaced > 0) logger.log(`${replaced} data: URIs in CSS replaced by file URLs`);
  }

  /** Logs the report and emits it when `report` names a file. */
  private emitReport(compilation: Compilation, entries: ReportEntry[]): void {
    const report = buildReport(entries, this.options);
    const logger = compilation.getLogger(ASSETS_PLUGIN_NAME);
    for (const line of reportLines(report)) logger.log(line);
    if (this.options.report === false) return;
    const { RawSource } = compilation.compiler.webpack.sources;
    const source = new RawSource(`${JSON.stringify(report, null, 2)}\n`);
    if (compilation.getAsset(this.options.report)) compilation.updateAsset(this.options.report, source);
    else compilation.emitAsset(this.options.report, source);
  }
}
