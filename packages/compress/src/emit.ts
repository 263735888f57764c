import type { AssetInfo, Compilation, PathData, sources, WebpackError } from 'webpack';
import type { Algorithm } from './algorithms';
import type { AssetFacts } from './asset-facts';
import type { Delta, DictionaryFacts } from './deltas';
import type { Encoded } from './encode';
import type { ManifestCollector } from './manifest';
import { expandAlgorithm } from './options';
import type { FilenameTemplate, ResolvedOptions } from './options';

export interface EmitContext {
  compilation: Compilation;
  options: ResolvedOptions;
  algorithms: Algorithm[];
  manifest?: ManifestCollector;
  /** Builds a webpack error naming the plugin. */
  error(message: string): WebpackError;
  /** Counts encodings dropped because they did not reach minRatio. */
  onRatioSkip(): void;
  /** With `dictionaries`: each dictionary asset's hash, match and deltas. */
  dictionaries?: Map<string, DictionaryFacts>;
  /** Where the info written is recorded (Rspack keeps only part of it). */
  facts: AssetFacts;
}

/**
 * RFC 9842's `match` for a file: under a fixed public path, the URL path with hashes as wildcards; else relative
 * to the file's own URL (its base name), which URLPattern resolves against the dictionary's URL.
 */
export function dictionaryMatch(wildcard: string, publicPath: unknown): string {
  if (typeof publicPath === 'string' && publicPath !== 'auto' && publicPath !== '') {
    const base = /^([a-z][a-z0-9+.-]*:)?\/\//i.test(publicPath)
      ? new URL(publicPath, 'https://host.invalid').pathname
      : publicPath;
    if (base.startsWith('/')) return `${base.endsWith('/') ? base : `${base}/`}${wildcard}`;
  }
  return wildcard.slice(wildcard.lastIndexOf('/') + 1);
}

/**
 * One source object per encoded buffer: the cache hands a rebuild the same buffer, and webpack skips writing
 * an asset whose source object it wrote before, so an unchanged encoding is not written again.
 */
const sourceOfBuffer = new WeakMap<Buffer, sources.Source>();

function sourceOf(output: Buffer, RawSource: typeof sources.RawSource): sources.Source {
  let source = sourceOfBuffer.get(output);
  if (!source) sourceOfBuffer.set(output, (source = new RawSource(output)));
  return source;
}

/** A template that derives the name from the original's keeps the original's immutability. */
function keepsImmutable(template: FilenameTemplate): boolean {
  return typeof template === 'string' && /\[(?:name|base|file)\]/.test(template);
}

/**
 * The encoding's file name: `[algorithm]`/`[suffix]` by us, the rest by the bundler; a function also gets the name.
 * We call a function ourselves, with the path data webpack's getPath would give it (Rspack 1.x's getPath takes
 * only strings), and let the bundler fill in what it returns.
 */
function encodingName(compilation: Compilation, algorithm: Algorithm, original: string): string {
  const { filename, name, suffix } = algorithm;
  const pathData: PathData = { hash: compilation.hash ?? undefined, filename: original };
  const template =
    typeof filename === 'string'
      ? expandAlgorithm(filename, name, suffix)
      : filename(pathData, undefined, name);
  return compilation.getPath(template, pathData);
}

function shouldDelete(option: ResolvedOptions['deleteOriginalAssets'], name: string): boolean {
  return typeof option === 'function' ? option(name) : option !== false;
}

interface Kept {
  algorithm: Algorithm;
  file: string;
  output: Buffer;
  info: AssetInfo;
}

/** The encodings worth writing: compressed, within minRatio, under a name of their own. Reports the rest. */
function keptEncodings({ candidate, outputs }: Encoded, context: EmitContext, deleteWanted: boolean): Kept[] {
  const { compilation, options, algorithms } = context;
  const { name, size, info } = candidate;
  const kept: Kept[] = [];
  outputs.forEach((output, index) => {
    const algorithm = algorithms[index] as Algorithm;
    if (output instanceof Error) {
      compilation.errors.push(
        context.error(`cannot compress "${name}" with ${algorithm.name}: ${output.message}`),
      );
      return;
    }
    if (output.length / size > options.minRatio) {
      context.onRatioSkip();
      return;
    }
    const file = encodingName(compilation, algorithm, name);
    // A function may name two encodings alike, or the original while it stays: webpack would report a conflict.
    const taken = kept.find((other) => other.file === file);
    if (taken || (file === name && !deleteWanted)) {
      compilation.errors.push(
        context.error(
          `the ${algorithm.name} encoding of "${name}" would be written as "${file}", ` +
            (taken
              ? `the name of its ${taken.algorithm.name} encoding`
              : 'the name of the original, which deleteOriginalAssets keeps') +
            ': give each algorithm its own filename',
        ),
      );
      return;
    }
    // Minimizers tapped with additionalAssets see the encoding too (a `.js` name from `[path][base]` or a
    // function): they skip an asset marked minimized, and an encoding's bytes must not be parsed as code.
    const outputInfo: AssetInfo = { compressed: true, minimized: true };
    if (info.immutable && keepsImmutable(algorithm.filename)) outputInfo.immutable = true;
    kept.push({ algorithm, file, output, info: outputInfo });
  });
  return kept;
}

/** The deltas worth serving: below the file's best plain encoding (and then the file against itself). */
function keptDeltas(facts: DictionaryFacts | undefined, size: number, kept: Kept[]): Delta[] {
  const best = Math.min(size, ...kept.map(({ output }) => output.length));
  const deltas = (facts?.deltas ?? []).filter(({ output }) => output.length < best);
  if (deltas.length > 0 && facts?.self) deltas.push(facts.self);
  return deltas;
}

/**
 * Emits the encodings and deltas of one asset, records them on the original's `related` info (or deletes the
 * original when asked, after its encodings exist), and reports failures as webpack errors.
 */
export function emitEncoded(encoded: Encoded, context: EmitContext): void {
  const { compilation, options } = context;
  const { name, size, info } = encoded.candidate;
  // An earlier asset's deletion (with its source map) may have removed this one.
  if (!compilation.getAsset(name)) return;
  const { RawSource } = compilation.compiler.webpack.sources;
  const entry = context.manifest?.add(name, size);
  const related: Record<string, string | string[]> = {};

  const deleteWanted = shouldDelete(options.deleteOriginalAssets, name);
  const kept = keptEncodings(encoded, context, deleteWanted);
  const facts = context.dictionaries?.get(name);
  if (entry && facts) {
    const match = dictionaryMatch(facts.wildcard, compilation.outputOptions.publicPath);
    entry.dictionary = { match, sha256: facts.sha256 };
  }
  const deltas = keptDeltas(facts, size, kept);
  if (kept.length === 0 && deltas.length === 0) return;

  // Only a plain encoding can stand in for a deleted original.
  const deleting = deleteWanted && kept.length > 0;
  if (deleting) {
    // webpack deletes an asset's `related` files with it: drop the source map from them to keep it.
    if (options.deleteOriginalAssets === 'keep-source-map') {
      compilation.updateAsset(
        name,
        (source) => source,
        (old) => ({ ...old, related: { ...old?.related, sourceMap: null } }),
      );
    }
    // Before the encodings: one may take the original's own name (`[path][base]`, replacing the file).
    compilation.deleteAsset(name);
  }
  for (const { algorithm, file, output, info: outputInfo } of kept) {
    compilation.emitAsset(file, sourceOf(output, RawSource), outputInfo);
    context.facts.record(compilation, file, outputInfo);
    related[algorithm.name] = file;
    if (entry) entry.encodings[algorithm.name] = { file, size: output.length };
  }
  for (const { encoding, file, output, dictionary, previous } of deltas) {
    // Which earlier file it decodes against, for budgets counting what a returning visitor downloads.
    const deltaInfo = {
      compressed: true,
      minimized: true,
      ...(info.immutable ? { immutable: true } : {}),
      dictionary,
      dictionaryFile: previous,
    };
    compilation.emitAsset(file, sourceOf(output, RawSource), deltaInfo);
    context.facts.record(compilation, file, deltaInfo);
    if (entry) (entry.deltas ??= []).push({ encoding, file, size: output.length, dictionary, previous });
  }
  if (deltas.length > 0) related.dcz = deltas.map(({ file }) => file);
  if (!deleting) {
    context.facts.record(compilation, name, { related });
    compilation.updateAsset(
      name,
      (source) => source,
      (old) => ({ ...old, related: { ...old?.related, ...related } }),
    );
  }
}
