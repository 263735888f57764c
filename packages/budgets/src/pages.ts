import type { BuildSizes } from './types';

/** An HTML page of the build; `html` is its text when it could be read. */
export interface Page {
  name: string;
  html?: string;
}

/** Pages are the `.html` assets (html-webpack-plugin's, or any other). */
export const isPage = (name: string): boolean => /\.html?$/.test(stripQuery(name));

const stripQuery = (url: string) => url.split(/[?#]/, 1)[0] ?? url;

const TAG_URL = /<(?:script|link)\b[^>]*?\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The URLs of a page's `<script src>` and `<link href>`, without query or fragment. */
export function referencedUrls(html: string): string[] {
  return [...html.matchAll(TAG_URL)].map((match) =>
    decoded(stripQuery(match[1] ?? match[2] ?? match[3] ?? '')),
  );
}

/** Whether `url` names `file`: the file's name at the end of the URL, whatever publicPath comes before it. */
const urlNames = (url: string, file: string) => {
  const name = stripQuery(file);
  return url === name || url.endsWith(`/${name}`) || url === `./${name}`;
};

/**
 * The files that tell an entry's page apart: its initial files no other entry loads (a shared runtime or
 * vendor chunk is on every page), or all its initial files when it shares every one of them.
 */
function ownFiles(entries: BuildSizes['entries'], name: string): string[] {
  const initial = entries[name]?.initial ?? [];
  const others = new Set(
    Object.entries(entries).flatMap(([other, entry]) => (other === name ? [] : entry.initial)),
  );
  const own = initial.filter((file) => !others.has(file));
  return own.length ? own : initial;
}

/**
 * Each entry with the pages that load it: with one entry, every page; with several, the pages whose
 * `<script src>`/`<link href>` names one of the entry's own initial files. A page whose text is unknown
 * loads no entry of several.
 */
export function withPages(entries: BuildSizes['entries'], pages: Page[]): BuildSizes['entries'] {
  const single = Object.keys(entries).length === 1;
  const urls = new Map(pages.map((page) => [page.name, page.html ? referencedUrls(page.html) : []]));
  const loads = (page: Page, files: string[]) =>
    single || (urls.get(page.name) ?? []).some((url) => files.some((file) => urlNames(url, file)));
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => {
      const files = ownFiles(entries, name);
      const loading = pages.filter((page) => loads(page, files)).map((page) => page.name);
      return [name, { ...entry, pages: loading.sort() }];
    }),
  );
}
