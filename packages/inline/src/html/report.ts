import { formatBytes } from '@packwise/core';
import type { Compilation } from 'webpack';
import type { RemovedFiles } from './finalize';
import type { InlinedFile, PageRecord } from './page';

export interface PageReport {
  publicPath: string;
  inlined: InlinedFile[];
  /** Bytes inlined into the page in all. */
  bytes: number;
}

export interface InlineHtmlReport {
  pages: Record<string, PageReport>;
  /** Inlined files removed from the output. */
  deletedFiles: string[];
  /** Inlined files still in the output: `keepInlinedFiles`, or a page loads them by URL. */
  keptFiles: string[];
}

/** `rename` gives a kept file's name now (the real content hash step may have renamed it since). */
export function buildReport(
  pages: PageRecord[],
  removed: RemovedFiles,
  rename: (file: string) => string,
): InlineHtmlReport {
  const report: InlineHtmlReport = { pages: {}, deletedFiles: removed.deleted, keptFiles: [] };
  const kept = new Set<string>();
  for (const page of [...pages].sort((a, b) => a.asset.localeCompare(b.asset))) {
    const inlined = page.inlined.map((entry) =>
      removed.deleted.includes(entry.file) ? entry : { ...entry, file: rename(entry.file) },
    );
    const bytes = inlined.reduce((sum, entry) => sum + entry.bytes, 0);
    report.pages[page.asset] = { publicPath: page.publicPath, inlined, bytes };
    for (const entry of inlined) if (!removed.deleted.includes(entry.file)) kept.add(entry.file);
  }
  report.keptFiles = [...kept].sort();
  return report;
}

/** One verbose log line per page: what went inline, how many bytes. */
export function logReport(logger: ReturnType<Compilation['getLogger']>, report: InlineHtmlReport): void {
  for (const [asset, page] of Object.entries(report.pages)) {
    const files = page.inlined.map((entry) => `${entry.file} (${entry.kind}, ${formatBytes(entry.bytes)})`);
    logger.log(`${asset}: inlined ${files.length ? files.join(', ') : 'nothing'}`);
  }
  if (report.deletedFiles.length) logger.log(`deleted ${report.deletedFiles.join(', ')}`);
}

/** Emits (or replaces) a JSON asset. */
export function emitJson(compilation: Compilation, name: string, value: unknown): void {
  const source = new compilation.compiler.webpack.sources.RawSource(`${JSON.stringify(value, null, 2)}\n`);
  if (compilation.getAsset(name)) compilation.updateAsset(name, source);
  else compilation.emitAsset(name, source);
}
