import type { Compilation, Compiler } from 'webpack';
import { validateOptions } from '@packwise/core';
import { finalizeCsp, removeInlinedFiles } from './finalize';
import type { RemovedFiles } from './finalize';
import { inlinePageTags } from './inline-page';
import { resolveHtmlOptions } from './options';
import type { InlineHtmlPluginOptions, ResolvedHtmlOptions } from './options';
import { htmlOptionsSchema } from './options-schema';
import { createPageRecord } from './page';
import { findPageSources } from './page-sources';
import type { PageSource } from './page-sources';
import type { PageRecord } from './page';
import { makeAutoPublicPathInlineSafe } from './public-path';
import { buildReport, emitJson, logReport } from './report';
import { currentFileName, selectInlineFiles } from './select';
import type { InlineCandidate } from './select';

/** Used for hooks, logger and error messages. */
export const HTML_PLUGIN_NAME = 'PackwiseInlineHtmlPlugin';

const MISSING_HTML_WEBPACK_PLUGIN =
  'html-webpack-plugin was not found. InlineHtmlPlugin inlines into the pages html-webpack-plugin generates: ' +
  'install it (npm install --save-dev html-webpack-plugin) and add `new HtmlWebpackPlugin()` to `plugins`.';

/** What one build has learnt so far. */
interface BuildState {
  /**
   * Files selected for inlining, computed when the first page is generated (the files are minimized by then).
   */
  candidates: Map<string, InlineCandidate>;
  /** Whether `candidates` were selected in this build (at its first page). */
  selected: boolean;
  removed: RemovedFiles;
}

/**
 * Inlines the runtime chunk and chosen chunks' JS and CSS into the pages html-webpack-plugin generates — escaped,
 * attributes kept, CSS `url()`s rebased, the auto public path resolved at build time — deletes the inlined
 * files, and computes CSP hashes of every inline script and style from the final HTML.
 *
 * Order within a build: html-webpack-plugin generates the pages at OPTIMIZE_INLINE (700) and the tags are
 * inlined from the minimized files then; at OPTIMIZE_INLINE + 1 the inlined files are deleted; webpack's real
 * content hashes (OPTIMIZE_HASH, 2500) then rewrite the chunk names inside the pages; at OPTIMIZE_HASH + 1 the
 * CSP hashes are computed from the final pages and the meta tag, hashes file and report are written; compression
 * (OPTIMIZE_TRANSFER, 3000) sees the final pages and never the deleted files.
 */
export class InlineHtmlPlugin {
  private readonly options: ResolvedHtmlOptions;

  constructor(options: InlineHtmlPluginOptions = {}) {
    validateOptions<InlineHtmlPluginOptions>(htmlOptionsSchema, options, '@packwise/inline InlineHtmlPlugin');
    this.options = resolveHtmlOptions(options);
  }

  apply(compiler: Compiler): void {
    const { Compilation, RuntimeGlobals } = compiler.webpack;
    const sources = findPageSources(compiler);
    // Pages by asset name, kept across builds: html-webpack-plugin re-emits an unchanged page without its
    // hooks.
    const pages = new Map<string, PageRecord>();
    compiler.hooks.thisCompilation.tap(HTML_PLUGIN_NAME, (compilation) => {
      if (sources.length === 0) {
        compilation.errors.push(this.error(compilation, MISSING_HTML_WEBPACK_PLUGIN));
        return;
      }
      if (this.options.mayInlineRuntime && compilation.outputOptions.publicPath === 'auto') {
        makeAutoPublicPathInlineSafe(compilation, HTML_PLUGIN_NAME, RuntimeGlobals.publicPath);
      }
      const state: BuildState = {
        candidates: new Map(),
        selected: false,
        removed: { deleted: [], stillReferenced: [] },
      };
      for (const source of sources) this.tapPages(source, compilation, pages, state);
      compilation.hooks.processAssets.tap(
        { name: HTML_PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 },
        () => {
          const current = this.currentPages(compilation, pages, sources);
          state.removed = removeInlinedFiles(compilation, current, this.options);
        },
      );
      compilation.hooks.processAssets.tap(
        { name: HTML_PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 },
        () => this.finish(compilation, [...pages.values()], state),
      );
    });
  }

  /**
   * Inlines into each page as html-webpack-plugin (or HtmlRspackPlugin) generates it, and learns the page's
   * final name.
   */
  private tapPages(
    source: PageSource,
    compilation: Compilation,
    pages: Map<string, PageRecord>,
    state: BuildState,
  ) {
    const hooks = source.hooks(compilation);
    const byPlugin = new Map<unknown, PageRecord>();
    const warn = (message: string) => compilation.warnings.push(this.error(compilation, message));
    hooks.alterAssetTagGroups.tap(HTML_PLUGIN_NAME, (data) => {
      if (!state.selected) {
        state.candidates = selectInlineFiles(compilation, this.options);
        state.selected = true;
      }
      const page = createPageRecord(data.outputName, data.publicPath);
      byPlugin.set(source.pageKey(data), page);
      const context = { compilation, candidates: state.candidates, page, warn };
      data.headTags = inlinePageTags(data.headTags, context);
      data.bodyTags = inlinePageTags(data.bodyTags, context);
      return data;
    });
    hooks.afterEmit.tap(HTML_PLUGIN_NAME, (data) => {
      const page = byPlugin.get(source.pageKey(data));
      if (page) pages.set(data.outputName, { ...page, asset: data.outputName });
      return data;
    });
  }

  /** The pages of this build: generated now, or re-emitted unchanged by html-webpack-plugin's cache. */
  private currentPages(compilation: Compilation, pages: Map<string, PageRecord>, sources: PageSource[]) {
    for (const name of pages.keys()) if (!compilation.getAsset(name)) pages.delete(name);
    if (pages.size === 0 && !sources.some((source) => source.inPlugins)) {
      const names = sources.map((source) => source.name);
      const add = names.map(
        (name) => `\`new ${name === 'html-webpack-plugin' ? 'HtmlWebpackPlugin' : name}()\``,
      );
      const message = `no page came from ${names.join(' or ')}: add ${add.join(' or ')} to \`plugins\`.`;
      compilation.warnings.push(this.error(compilation, message));
    }
    return [...pages.values()];
  }

  private finish(compilation: Compilation, pages: PageRecord[], state: BuildState) {
    const hashes = finalizeCsp(compilation, pages, this.options);
    const { csp, report: reportFile } = this.options;
    if (csp && csp.hashesFile) emitJson(compilation, csp.hashesFile, sortKeys(hashes));
    // Kept files may have been renamed by the real content hash step since they were inlined.
    const rename = (file: string) => currentFileName(compilation, state.candidates.get(file), file);
    const report = buildReport(pages, state.removed, rename);
    logReport(compilation.getLogger(HTML_PLUGIN_NAME), report);
    if (reportFile) emitJson(compilation, reportFile, report);
  }

  private error(compilation: Compilation, message: string) {
    return new compilation.compiler.webpack.WebpackError(`${HTML_PLUGIN_NAME}: ${message}`);
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
