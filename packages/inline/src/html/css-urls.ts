import path from 'node:path';

/** `url(…)` with a double-quoted, single-quoted or bare value, and `@import "…"` with a bare string. */
const URL_PATTERN = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s'"]*))\s*\)|(@import\s+)(["'])([^"']*)\5/gi;

/**
 * A scheme (`data:`, `https:`), root- or protocol-relative (`/`, `//`), or a fragment (`#id` in SVG filters).
 */
const NOT_RELATIVE = /^(?:[a-z][a-z\d+.-]*:|\/|#)/i;

/**
 * Rewrites the relative `url()`s (and `@import`s) of a CSS file for its text inlined into a page: each
 * resolves against the CSS file's location in the output, so it becomes `publicPath` + that path — the page's
 * `publicPath` as html-webpack-plugin computed it (relative to the page for `auto`, else
 * `output.publicPath`). `css/main.css` with `url(../img/a.png)` in `index.html` at the root becomes
 * `url(img/a.png)` with `auto` and `url(/static/img/a.png)` with `/static/`. Absolute URLs, data URIs and
 * fragments are left alone.
 */
export function rebaseCssUrls(css: string, cssFile: string, publicPath: string): string {
  const cssDir = path.posix.dirname(cssFile);
  return css.replace(
    URL_PATTERN,
    (
      match,
      double?: string,
      single?: string,
      bare?: string,
      importAt?: string,
      quote?: string,
      imported?: string,
    ) => {
      if (importAt !== undefined) {
        const url = imported ?? '';
        return `${importAt}${quote}${rebaseUrl(url, cssDir, publicPath)}${quote}`;
      }
      const url = double ?? single ?? bare ?? '';
      const rebased = rebaseUrl(url, cssDir, publicPath);
      if (rebased === url) return match;
      const quoteWith = double !== undefined ? '"' : single !== undefined ? "'" : '';
      return `url(${quoteWith}${rebased}${quoteWith})`;
    },
  );
}

function rebaseUrl(url: string, cssDir: string, publicPath: string): string {
  if (url === '' || NOT_RELATIVE.test(url)) return url;
  const split = /^([^?#]*)(.*)$/s.exec(url);
  const filePart = split?.[1] ?? url;
  const suffix = split?.[2] ?? '';
  const resolved = path.posix.normalize(path.posix.join(cssDir, filePart));
  return `${publicPath}${resolved}${suffix}`;
}
