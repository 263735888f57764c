import path from 'node:path';
import type { Compilation, Module } from 'webpack';
import type { Decision } from './budget';
import { toDataUri } from './encode';

/** The file webpack emitted for an asset module, from code generation (or the build-time copy). */
export function emittedFile(compilation: Compilation, module: Module): string | undefined {
  const results = compilation.codeGenerationResults;
  for (const runtime of results ? compilation.chunkGraph.getModuleRuntimes(module) : []) {
    const filename: unknown = results?.getData(module, runtime, 'filename');
    if (typeof filename === 'string') return filename;
  }
  const filename = (module.buildInfo as { filename?: unknown } | undefined)?.filename;
  return typeof filename === 'string' ? filename : undefined;
}

/** The URL a CSS file uses for an emitted file, as mini-css-extract-plugin writes it. */
function urlFromCss(compilation: Compilation, cssFile: string, file: string): string {
  const { publicPath } = compilation.outputOptions;
  if (typeof publicPath === 'string' && publicPath !== 'auto') {
    return compilation.getPath(publicPath, { hash: compilation.hash }) + file;
  }
  const relative = path.posix.relative(path.posix.dirname(cssFile), file);
  return relative || file;
}

/** The URI as written into CSS: verbatim, or as `new URL()` normalised it when css-loader imported it. */
function spellings(uri: string): string[] {
  try {
    const href = new URL(uri).href;
    return href === uri ? [uri] : [uri, href];
  } catch {
    return [uri];
  }
}

function indexesOf(text: string, search: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + search.length))
    found.push(at);
  return found;
}

/**
 * CSS built through css-loader got each `url()`'s value when the CSS module was built, before the budget
 * existed: a `data:` URI for every asset that fits `maxSize`. For those the budget refused, the URI is
 * replaced by the emitted file's URL in every CSS file of the compilation's chunks.
 * Returns how many URIs were replaced.
 */
export function rewriteCss(compilation: Compilation, decisions: Decision[]): number {
  const { ReplaceSource } = compilation.compiler.webpack.sources;
  const refused = decisions.flatMap((decision) => {
    if (decision.reason !== 'budget' || decision.buildTimeChunks.length === 0) return [];
    const file = emittedFile(compilation, decision.module);
    const content = decision.module.originalSource()?.buffer();
    if (!file || !content) return [];
    const uri = toDataUri(decision.record.kind, content, decision.module.nameForCondition() ?? '');
    return [{ file, uris: spellings(uri) }];
  });
  if (refused.length === 0) return 0;

  let replaced = 0;
  const seen = new Set<string>();
  for (const chunk of compilation.chunks) {
    for (const cssFile of chunk.files) {
      if (!/\.css(\?|$)/.test(cssFile) || seen.has(cssFile)) continue;
      seen.add(cssFile);
      const asset = compilation.getAsset(cssFile);
      if (!asset) continue;
      const text = asset.source.source().toString();
      const source = new ReplaceSource(asset.source);
      let count = 0;
      for (const { file, uris } of refused) {
        const url = urlFromCss(compilation, cssFile, file);
        for (const uri of uris) {
          for (const at of indexesOf(text, uri)) {
            source.replace(at, at + uri.length - 1, url);
            count += 1;
          }
        }
      }
      if (count === 0) continue;
      compilation.updateAsset(cssFile, source);
      replaced += count;
    }
  }
  return replaced;
}
