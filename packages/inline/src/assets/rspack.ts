import path from 'node:path';
import type { Compilation } from 'webpack';
import { decide } from './budget';
import type { Decided, Placement } from './budget';
import { dataUriLength, toDataUri } from './encode';
import { ASSET_KINDS } from './options';
import type { AssetKind, ResolvedOptions } from './options';
import type { ReportEntry } from './report';
import type { Conflict } from './rules';

/**
 * On Rspack the plugin's rules emit every file (`asset/resource`): Rspack's `dataUrlCondition` takes only a
 * raw `maxSize`, and its modules cannot be switched between inline and file after chunking. The decision is
 * taken here instead, before minification, on the chunks' JS and CSS as rendered: a file whose `data:` URI
 * fits `maxSize` and every referencing chunk's budget has each reference to it replaced by the URI, and the
 * file is deleted once nothing names it.
 *
 * The files are recognised by `info.sourceFilename` and the plugin's tests, not through their modules: an
 * asset that only CSS uses is built inside css-loader's `importModule` and is not in `compilation.modules`.
 */

/** A file the plugin's rules emitted, with what the budget needs. */
interface EmittedAsset extends Placement<string> {
  /** The emitted file. */
  file: string;
  /** The source file, relative to the context, as Rspack records it (`info.sourceFilename`). */
  resource: string;
  uri: string;
}

/** A chunk's rendered JS and CSS files, by the chunk's label (its name, else its id). */
interface RenderedChunk {
  label: string;
  scripts: string[];
  styles: string[];
}

const SCRIPT = /\.[cm]?js(\?|$)/i;
const STYLE = /\.css(\?|$)/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How rendered JS loads an emitted asset: `__webpack_require__.p + "file"`, or with escaped quotes inside the
 * string an `eval` devtool wraps each module in.
 */
function scriptReference(file: string): RegExp {
  return new RegExp(`__webpack_require__\\.p\\s*\\+\\s*(\\\\?["'])${escapeRegExp(file)}\\1`, 'g');
}

/**
 * The URI as a JS string literal. Inside the string an `eval` devtool wraps each module in, it must survive
 * being read twice: escaped again where the module's quotes were escaped (`eval("… \"file\" …")`), and with
 * `'` written `\x27` where they were not (Rspack 2 writes `eval('… "file" …')`; SVG URIs hold `'`).
 */
export function scriptLiteral(uri: string, quote: string, inEval: boolean): string {
  const literal = JSON.stringify(uri);
  if (quote.startsWith('\\')) return JSON.stringify(literal).slice(1, -1);
  return inEval ? literal.replace(/'/g, '\\x27') : literal;
}

/** How CSS (extracted or native) points at it: `url(file)`, `url("../file")`, `url(/static/file)`. */
function styleReference(file: string): RegExp {
  return new RegExp(`url\\(\\s*(["']?)(?:[^"'()\\s]*/)?${escapeRegExp(file)}\\1\\s*\\)`, 'g');
}

function textOf(compilation: Compilation, file: string): string {
  return compilation.getAsset(file)?.source.source().toString() ?? '';
}

function renderedChunks(compilation: Compilation): RenderedChunk[] {
  return [...compilation.chunks].map((chunk) => {
    const files = [...chunk.files];
    return {
      label: chunk.name ?? String(chunk.id),
      scripts: files.filter((file) => SCRIPT.test(file)),
      styles: files.filter((file) => STYLE.test(file)),
    };
  });
}

/** The kind whose rule emitted a source file: its test matches and no user rule took it over. */
function kindOf(absolute: string, options: ResolvedOptions, conflicts: Conflict[]): AssetKind | undefined {
  if (conflicts.some((conflict) => conflict.matches(absolute))) return undefined;
  return [...ASSET_KINDS].reverse().find((kind) => {
    const test = options.tests[kind];
    if (!test) return false;
    test.lastIndex = 0;
    return test.test(absolute);
  });
}

/** The files the plugin's rules emitted, each with the chunks whose JS or CSS references it. */
function emittedAssets(
  compilation: Compilation,
  options: ResolvedOptions,
  conflicts: Conflict[],
): EmittedAsset[] {
  const chunks = renderedChunks(compilation);
  const texts = new Map<string, string>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, textOf(compilation, file));
    return texts.get(file) as string;
  };
  const assets: EmittedAsset[] = [];
  for (const asset of compilation.getAssets()) {
    const resource = asset.info.sourceFilename;
    if (typeof resource !== 'string') continue;
    const absolute = path.resolve(compilation.compiler.context, resource);
    const kind = kindOf(absolute, options, conflicts);
    if (!kind) continue;
    const content = asset.source.buffer();
    const refersIn = (files: string[], pattern: RegExp) =>
      files.some((file) => ((pattern.lastIndex = 0), pattern.test(text(file))));
    assets.push({
      file: asset.name,
      resource,
      uri: toDataUri(kind, content, absolute),
      record: { kind, encodedLength: dataUriLength(kind, content, absolute) },
      chunks: chunks
        .filter((chunk) => refersIn(chunk.scripts, scriptReference(asset.name)))
        .map((chunk) => chunk.label),
      buildTimeChunks: chunks
        .filter((chunk) => refersIn(chunk.styles, styleReference(asset.name)))
        .map((chunk) => chunk.label),
    });
  }
  return assets.sort((a, b) => a.resource.localeCompare(b.resource));
}

/** Replaces every reference to the inlined files in the JS and CSS files; returns how many it replaced. */
function inlineReferences(compilation: Compilation, inlined: EmittedAsset[]): number {
  const { RawSource } = compilation.compiler.webpack.sources;
  const { devtool } = compilation.options;
  const inEval = typeof devtool === 'string' && devtool.includes('eval');
  let replaced = 0;
  for (const asset of compilation.getAssets()) {
    const script = SCRIPT.test(asset.name);
    if (!script && !STYLE.test(asset.name)) continue;
    const before = asset.source.source().toString();
    let after = before;
    for (const { file, uri } of inlined) {
      const pattern = script ? scriptReference(file) : styleReference(file);
      after = after.replace(pattern, (_match, quote: string) => {
        replaced += 1;
        return script ? scriptLiteral(uri, quote, inEval) : `url(${JSON.stringify(uri)})`;
      });
    }
    if (after !== before) compilation.updateAsset(asset.name, new RawSource(after));
  }
  return replaced;
}

/** Deletes inlined files that no JS, CSS or HTML file names any more; returns the files still named. */
function deleteUnreferenced(compilation: Compilation, inlined: EmittedAsset[]): string[] {
  const texts = compilation
    .getAssets()
    .filter((asset) => SCRIPT.test(asset.name) || STYLE.test(asset.name) || /\.html?$/i.test(asset.name))
    .map((asset) => asset.source.source().toString());
  const kept: string[] = [];
  for (const { file } of inlined) {
    if (texts.some((text) => text.includes(file))) kept.push(file);
    else compilation.deleteAsset(file);
  }
  return kept;
}

export interface RspackResult {
  entries: ReportEntry[];
  replaced: number;
  /** Files inlined where referenced but still named elsewhere (kept). */
  kept: string[];
}

function toEntry(decision: Decided<EmittedAsset>, kept: string[]): ReportEntry {
  const costs = new Map<string, number>();
  for (const label of [...decision.chunks, ...decision.buildTimeChunks])
    costs.set(label, (costs.get(label) ?? 0) + decision.record.encodedLength);
  return {
    resource: decision.resource,
    record: decision.record,
    inline: decision.inline,
    reason: decision.reason,
    file: decision.inline && !kept.includes(decision.file) ? undefined : decision.file,
    costs,
  };
}

/** Decides, inlines and deletes on Rspack (see the top of this file). */
export function inlineOnRspack(
  compilation: Compilation,
  options: ResolvedOptions,
  conflicts: Conflict[],
): RspackResult {
  // A file no chunk's JS or CSS references by a known pattern (only HTML, or code this cannot read) is left
  // alone: inlining has nowhere to go.
  const referenced = emittedAssets(compilation, options, conflicts).filter(
    (asset) => asset.chunks.length + asset.buildTimeChunks.length > 0,
  );
  const decisions = decide(referenced, options);
  const inlined = decisions.filter((decision) => decision.inline);
  const replaced = inlineReferences(compilation, inlined);
  const kept = deleteUnreferenced(compilation, inlined);
  return { entries: decisions.map((decision) => toEntry(decision, kept)), replaced, kept };
}
