import type { Compilation } from 'webpack';
import type { PageCsp } from './csp-meta';
import { applyCsp } from './csp';
import type { ResolvedHtmlOptions } from './options';
import type { PageRecord } from './page';

export interface RemovedFiles {
  deleted: string[];
  /** Inlined files kept because a page still loads them by URL. */
  stillReferenced: string[];
}

function text(compilation: Compilation, name: string): string | undefined {
  return compilation.getAsset(name)?.source.source().toString();
}

/**
 * After webpack's real content hashes (OPTIMIZE_HASH) have rewritten the pages and before compression
 * (OPTIMIZE_TRANSFER): the pages' bytes are final, so their CSP hashes are right and compression sees them.
 * Returns the hashes by page.
 */
export function finalizeCsp(
  compilation: Compilation,
  pages: PageRecord[],
  options: ResolvedHtmlOptions,
): Record<string, PageCsp> {
  const hashes: Record<string, PageCsp> = {};
  const csp = options.csp;
  if (!csp) return hashes;
  const { RawSource } = compilation.compiler.webpack.sources;
  for (const page of pages) {
    const html = text(compilation, page.asset);
    if (html === undefined) continue;
    const result = applyCsp(html, page.publicPath, csp);
    hashes[page.asset] = result.hashes;
    if (result.html !== html) compilation.updateAsset(page.asset, new RawSource(result.html));
  }
  return hashes;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the HTML has a `src=` or `href=` with the file's URL. */
function loadsByUrl(html: string, publicPath: string, file: string): boolean {
  const urls = [...new Set([file, encodeURI(file)])].map((name) => escapeRegExp(publicPath + name));
  return new RegExp(`\\b(?:src|href)\\s*=\\s*["']?(?:${urls.join('|')})(?=[\\s"'?#>])`, 'i').test(html);
}

/**
 * Deletes each inlined file (and its source map) unless a page still loads it by URL — through a tag that was
 * not inlined, or written into the template by hand (`htmlWebpackPlugin.files`).
 */
function deleteInlinedFiles(compilation: Compilation, pages: PageRecord[]): RemovedFiles {
  const inlined = new Set(pages.flatMap((page) => page.inlined.map((entry) => entry.file)));
  const deleted: string[] = [];
  const stillReferenced: string[] = [];
  const htmls = pages.map((page) => ({
    html: text(compilation, page.asset) ?? '',
    publicPath: page.publicPath,
  }));
  for (const file of [...inlined].sort()) {
    const referenced =
      pages.some((page) => page.referenced.has(file)) ||
      htmls.some(({ html, publicPath }) => loadsByUrl(html, publicPath, file));
    if (referenced) {
      stillReferenced.push(file);
      continue;
    }
    const asset = compilation.getAsset(file);
    if (!asset) continue;
    const maps = asset.info.related?.sourceMap;
    for (const map of Array.isArray(maps) ? maps : maps ? [maps] : []) {
      if (compilation.getAsset(map)) compilation.deleteAsset(map);
    }
    compilation.deleteAsset(file);
    deleted.push(file);
  }
  return { deleted, stillReferenced };
}

/**
 * Right after the pages are generated (OPTIMIZE_INLINE + 1): webpack's real content hash step (OPTIMIZE_HASH)
 * renames files afterwards, and the inlined files must be gone before compression (OPTIMIZE_TRANSFER) runs.
 */
export function removeInlinedFiles(
  compilation: Compilation,
  pages: PageRecord[],
  options: ResolvedHtmlOptions,
): RemovedFiles {
  return options.keepInlinedFiles
    ? { deleted: [], stillReferenced: [] }
    : deleteInlinedFiles(compilation, pages);
}
