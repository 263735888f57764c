import type { Compilation, Compiler } from 'webpack';
import { createLimiter, formatBytes, isRspack, validateOptions } from '@packwise/core';
import { checkZstdOptions, createAlgorithms } from './algorithms';
import { fromCompressionPluginForm } from './anchor-options';
import { AssetFacts } from './asset-facts';
import { DictionaryDeltas } from './dictionary-deltas';
import type { DiskCache } from './disk-cache';
import { createDiskCache } from './disk-cache-options';
import { emitEncoded } from './emit';
import { encodeAll } from './encode';
import type { EncodeCounts } from './encode';
import { ManifestCollector } from './manifest';
import { resolveOptions } from './options';
import type { CompressPluginOptions, ResolvedOptions } from './options';
import { optionsSchema } from './options-schema';
import { createSelector } from './select';

/** Used for hooks, cache, logger and error messages. */
export const PLUGIN_NAME = 'PackwiseCompressPlugin';

const IEC = { standard: 'iec' } as const;

/** gzip, brotli, zstd, deflate (zopfli, any compressor) in one pass over the assets, cached and bounded. */
export class CompressPlugin {
  /** The options as passed to the constructor (what `packwise inspect` prints to recreate the plugin). */
  readonly userOptions: CompressPluginOptions;
  private readonly options: ResolvedOptions;
  private readonly select: ReturnType<typeof createSelector>;
  private readonly dictionaries?: DictionaryDeltas;
  /** The info written to assets, for Rspack (which keeps only part of it) and for skipping encoded assets. */
  private readonly facts = new AssetFacts();
  /** Settings this Node cannot honour: one build warning each, per compilation. */
  private readonly warnings: readonly string[] = [];

  constructor(options: CompressPluginOptions = {}) {
    validateOptions<CompressPluginOptions>(optionsSchema, options, '@packwise/compress');
    this.userOptions = options;
    const ours = fromCompressionPluginForm(options);
    if (ours !== options) {
      validateOptions(
        optionsSchema,
        ours,
        '@packwise/compress (compression-webpack-plugin options read as ours)',
      );
    }
    this.options = resolveOptions(ours);
    if (this.options.algorithms.some(({ name, custom }) => name === 'zstd' && !custom)) {
      this.warnings = checkZstdOptions(this.options.zstd);
    }
    this.select = createSelector(this.options, this.facts);
    if (this.options.dictionaries) {
      this.dictionaries = new DictionaryDeltas(
        this.options.dictionaries,
        PLUGIN_NAME,
        (compilation, message) => new compilation.compiler.webpack.WebpackError(`${PLUGIN_NAME}: ${message}`),
      );
    }
  }

  apply(compiler: Compiler): void {
    const { Compilation } = compiler.webpack;
    this.dictionaries?.apply(compiler);
    const disk = createDiskCache(this.options.diskCache, compiler);
    const rspack = isRspack(compiler);
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      disk?.startCompilation();
      if (rspack) this.facts.addToStats(compilation, PLUGIN_NAME);
      for (const warning of this.warnings) {
        compilation.warnings.push(new compiler.webpack.WebpackError(`${PLUGIN_NAME}: ${warning}`));
      }
      // `main.js.gz 585 bytes [emitted] [compressed]` in stats.toString(), as compression-webpack-plugin prints.
      compilation.hooks.statsPrinter.tap(PLUGIN_NAME, (stats) => {
        stats.hooks.print
          .for('asset.info.compressed')
          .tap(PLUGIN_NAME, (compressed, { green, formatFlag }) =>
            compressed && green && formatFlag ? green(formatFlag('compressed')) : '',
          );
      });
      const { publicPath } = compilation.outputOptions;
      const fixedPublicPath =
        typeof publicPath === 'string' && publicPath !== 'auto' ? publicPath : undefined;
      const manifest = this.options.manifest ? new ManifestCollector(fixedPublicPath) : undefined;
      compilation.hooks.processAssets.tapPromise(
        {
          name: PLUGIN_NAME,
          stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER,
          additionalAssets: true,
        },
        (assets) => this.compressAssets(compilation, Object.keys(assets), manifest, disk),
      );
    });
  }

  private async compressAssets(
    compilation: Compilation,
    names: string[],
    manifest?: ManifestCollector,
    disk?: DiskCache,
  ) {
    const { webpack } = compilation.compiler;
    const logger = compilation.getLogger(PLUGIN_NAME);
    const error = (message: string) => new webpack.WebpackError(`${PLUGIN_NAME}: ${message}`);
    const candidates = this.select(compilation, names);
    if (candidates.length === 0 && !this.manifestMissing(compilation)) return;

    const { algorithms, close } = createAlgorithms(this.options);
    const counts: EncodeCounts = { computed: 0, cached: 0 };
    let ratioSkipped = 0;
    let done = 0;
    const total = candidates.length * algorithms.length;
    // Rspack's ProgressPlugin has no getReporter: its progress bar comes from Rust, without our steps.
    const reportProgress = webpack.ProgressPlugin.getReporter?.(compilation.compiler);
    logger.time('compress');
    const limit = createLimiter(this.options.parallel);
    try {
      let dictionaries;
      if (this.dictionaries) {
        logger.time('dictionaries');
        dictionaries = await this.dictionaries.deltas(compilation, candidates, limit, disk);
        logger.timeEnd('dictionaries');
      }
      const encoded = await encodeAll(candidates, algorithms, {
        cache: compilation.getCache(PLUGIN_NAME),
        disk,
        limit,
        counts,
        onProgress: () => reportProgress?.((done += 1) / total, `${done}/${total} encodings`),
      });
      // Emitting in asset order, after all work, keeps the output the same whatever finished first.
      const context = {
        compilation,
        options: this.options,
        algorithms,
        manifest,
        error,
        onRatioSkip: () => (ratioSkipped += 1),
        dictionaries,
        facts: this.facts,
      };
      for (const asset of encoded) emitEncoded(asset, context);
      if (manifest) this.emitManifest(compilation, manifest);
    } catch (cause) {
      compilation.errors.push(error(cause instanceof Error ? cause.message : String(cause)));
    } finally {
      await close();
    }
    logger.timeEnd('compress');
    logger.log(
      `${candidates.length} assets: ${counts.computed} encodings computed, ${counts.cached} from cache, ` +
        `${ratioSkipped} above minRatio ${this.options.minRatio}`,
    );
    if (disk) await this.settleDiskCache(compilation, disk);
  }

  /** Evicts what this pass pushed over the bound, logs what the disk cache did and warns of failed writes. */
  private async settleDiskCache(compilation: Compilation, disk: DiskCache): Promise<void> {
    const { read, written, corrupt, failed, failure } = disk.takeCounts();
    // Only a pass that wrote can have pushed the folder over its bound.
    const eviction = written > 0 ? await disk.evict() : undefined;
    compilation
      .getLogger(PLUGIN_NAME)
      .log(
        `disk cache ${disk.directory}: ${read} read, ${written} written, ${corrupt} corrupt (recomputed), ` +
          (eviction
            ? `${eviction.evicted} evicted, ${formatBytes(eviction.bytes, IEC)} kept of ${formatBytes(disk.maxSize, IEC)}`
            : '0 evicted'),
      );
    if (failed > 0) {
      compilation.warnings.push(
        new compilation.compiler.webpack.WebpackError(
          `${PLUGIN_NAME}: the disk cache ${disk.directory} could not store ${failed} outputs (${failure}); ` +
            'the next build computes them again',
        ),
      );
    }
  }

  private manifestMissing(compilation: Compilation): boolean {
    return this.options.manifest !== false && !compilation.getAsset(this.options.manifest);
  }

  private emitManifest(compilation: Compilation, manifest: ManifestCollector): void {
    const file = this.options.manifest as string;
    const source = new compilation.compiler.webpack.sources.RawSource(
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    if (compilation.getAsset(file)) compilation.updateAsset(file, source);
    else compilation.emitAsset(file, source);
  }
}
