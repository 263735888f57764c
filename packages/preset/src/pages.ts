import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where each tool keeps its page, in the order the preset looks. */
export const PAGE_PLACES = [
  { file: 'index.html', layout: 'vite' },
  { file: path.join('public', 'index.html'), layout: 'create-react-app' },
  { file: path.join('src', 'index.html'), layout: 'src' },
] as const;

export type PageLayout = (typeof PAGE_PLACES)[number]['layout'];

/** The project's HTML page, as found in one of `PAGE_PLACES`. */
export interface Page {
  /** Absolute path of the template. */
  template: string;
  layout: PageLayout;
  /** Local files the page loads with `<script type="module" src>` (Vite): the entry, removed from the page. */
  scripts: string[];
  /** The template needs rewriting before html-webpack-plugin reads it (module scripts, `%PUBLIC_URL%`). */
  rewrite: boolean;
}

// A `<script …></script>` tag with no content, and the attributes in one (`name`, `name=v`, quoted or not).
const EMPTY_SCRIPT = /<script\b([^>]*)>\s*<\/script\s*>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const PUBLIC_URL = /%PUBLIC_URL%/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!found.has(name)) found.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

/** The `src` of each `<script type="module" src>` outside comments, with where its tag is. */
function moduleScripts(html: string): { src: string; start: number; end: number }[] {
  const comments = [...html.matchAll(COMMENT)].map((match) => [match.index, match.index + match[0].length]);
  const inComment = (index: number) => comments.some(([start, end]) => index >= start! && index < end!);
  const scripts: { src: string; start: number; end: number }[] = [];
  for (const match of html.matchAll(EMPTY_SCRIPT)) {
    if (inComment(match.index)) continue;
    const attrs = attributes(match[1] ?? '');
    const src = attrs.get('src');
    if (attrs.get('type')?.trim().toLowerCase() !== 'module' || !src) continue;
    scripts.push({ src, start: match.index, end: match.index + match[0].length });
  }
  return scripts;
}

const isRemote = (src: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src) || src.startsWith('data:');

/** The local file a Vite page's script points at: `/src/main.jsx` and `./src/main.jsx` are from the root. */
function localScript(src: string, context: string, pageDir: string): string | undefined {
  if (isRemote(src)) return undefined;
  const clean = src.split(/[?#]/)[0] ?? '';
  const file = clean.startsWith('/') ? path.join(context, clean) : path.resolve(pageDir, clean);
  return existsSync(file) ? file : undefined;
}

/** The first page of `PAGE_PLACES` that exists in `context`, with the scripts it loads. */
export function findPage(context: string): Page | undefined {
  for (const place of PAGE_PLACES) {
    const template = path.join(context, place.file);
    if (!existsSync(template)) continue;
    const html = readFileSync(template, 'utf8');
    const files = moduleScripts(html).map((script) =>
      localScript(script.src, context, path.dirname(template)),
    );
    const scripts = [...new Set(files.filter((file): file is string => file !== undefined))];
    return {
      template,
      layout: place.layout,
      scripts,
      rewrite: scripts.length > 0 || html.includes('%PUBLIC_URL%'),
    };
  }
  return undefined;
}

/**
 * The page as html-webpack-plugin should see it: the module scripts that became the entry removed (webpack
 * adds the built ones), and create-react-app's `%PUBLIC_URL%` replaced by the public path without its
 * trailing slash ('' for `/` and `auto`, so `%PUBLIC_URL%/favicon.ico` stays root-relative as in CRA).
 */
export function rewritePage(html: string, page: Page, context: string, publicPath: unknown): string {
  const publicUrl =
    typeof publicPath === 'string' && publicPath !== 'auto' ? publicPath.replace(/\/+$/, '') : '';
  let rewritten = html;
  for (const script of moduleScripts(html).reverse()) {
    if (localScript(script.src, context, path.dirname(page.template)))
      rewritten = rewritten.slice(0, script.start) + rewritten.slice(script.end);
  }
  return rewritten.replace(PUBLIC_URL, publicUrl);
}

/** Folders a page is often kept in besides `PAGE_PLACES`: named in the warning when no page is emitted. */
const OTHER_PAGE_DIRS = ['static', 'app', 'client', 'web', 'www', path.join('src', 'public')];

/** `index.html` files that look like the app's page but are not where the preset looks. */
export function pageLikeFiles(context: string): string[] {
  return OTHER_PAGE_DIRS.map((dir) => path.join(context, dir, 'index.html')).filter((file) =>
    existsSync(file),
  );
}
