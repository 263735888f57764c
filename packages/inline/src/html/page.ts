import type { InlineKind } from './select';

/** One file inlined into one page. */
export interface InlinedFile {
  file: string;
  chunk: string | undefined;
  kind: InlineKind;
  /** UTF-8 bytes of the inline text as inlined (html-webpack-plugin's minifier may trim whitespace after). */
  bytes: number;
}

/** What InlineHtmlPlugin did to one page html-webpack-plugin generated. */
export interface PageRecord {
  /** The page's asset name (html-webpack-plugin's final output name). */
  asset: string;
  /** The page's public path as html-webpack-plugin computed it. */
  publicPath: string;
  inlined: InlinedFile[];
  /** Files the page still loads by URL: never deleted. */
  referenced: Set<string>;
}

export function createPageRecord(asset: string, publicPath: string): PageRecord {
  return { asset, publicPath, inlined: [], referenced: new Set() };
}
