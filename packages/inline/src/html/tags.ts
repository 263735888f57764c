import type { HtmlTag } from './html-webpack-plugin';

/** Attributes that only mean something for a file loaded by URL (or, for `defer`/`async`, a classic file). */
const SCRIPT_FILE_ATTRIBUTES = new Set(['src', 'defer', 'async', 'integrity']);
const LINK_FILE_ATTRIBUTES = new Set([
  'href',
  'rel',
  'as',
  'type',
  'integrity',
  'crossorigin',
  'referrerpolicy',
  'fetchpriority',
  'hreflang',
]);

function keepAttributes(attributes: HtmlTag['attributes'], drop: Set<string>): HtmlTag['attributes'] {
  return Object.fromEntries(
    Object.entries(attributes).filter(([name]) => !drop.has(name.toLowerCase())),
  ) as HtmlTag['attributes'];
}

/** `<script src>` → `<script>code</script>`, keeping `type="module"`, `nomodule`, `crossorigin`, `id`, …. */
export function inlineScriptTag(tag: HtmlTag, code: string): HtmlTag {
  return {
    ...tag,
    attributes: keepAttributes(tag.attributes, SCRIPT_FILE_ATTRIBUTES),
    innerHTML: code,
    voidTag: false,
    meta: { ...tag.meta, packwiseInlined: true },
  };
}

/** `<link rel="stylesheet" href>` → `<style>css</style>`, keeping `media`, `title`, `id`, …. */
export function inlineStyleTag(tag: HtmlTag, css: string): HtmlTag {
  return {
    ...tag,
    tagName: 'style',
    attributes: keepAttributes(tag.attributes, LINK_FILE_ATTRIBUTES),
    innerHTML: css,
    voidTag: false,
    meta: { ...tag.meta, packwiseInlined: true },
  };
}

/** The URL a tag loads: a script's `src` or a stylesheet link's `href`. */
export function tagUrl(tag: HtmlTag): { url: string; kind: 'script' | 'style' } | undefined {
  const { src, href, rel } = tag.attributes;
  if (tag.tagName === 'script' && typeof src === 'string') return { url: src, kind: 'script' };
  if (tag.tagName === 'link' && typeof href === 'string' && String(rel).toLowerCase() === 'stylesheet')
    return { url: href, kind: 'style' };
  return undefined;
}

/**
 * The asset name behind a URL html-webpack-plugin wrote: `publicPath` + the URI-encoded name, maybe with
 * `?hash`. Undefined for a URL outside the public path.
 */
export function fileFromUrl(url: string, publicPath: string): string | undefined {
  if (!url.startsWith(publicPath)) return undefined;
  const encoded = url.slice(publicPath.length).split(/[?#]/, 1)[0] ?? '';
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return encoded;
  }
}

/**
 * A classic script that was deferred (or async) runs at once when inline: before the rest of the page is
 * parsed.
 */
export function losesDefer(tag: HtmlTag): boolean {
  const { defer, async, type } = tag.attributes;
  return (defer === true || async === true) && type !== 'module';
}
