import { applyCspMeta, publicPathOrigin } from './csp-meta';
import type { PageCsp } from './csp-meta';
import { addNonces, cspHash, findInlineElements } from './inline-elements';
import type { ResolvedCspOptions } from './options';

export interface CspResult {
  html: string;
  hashes: PageCsp;
}

/**
 * Computes the hashes of every inline script and style in a page's final HTML (after html-webpack-plugin's
 * minification and webpack's real content hashes), writes the nonce placeholder into their start tags, and
 * inserts or extends the CSP meta tag when asked. Attributes are not hashed, so the nonce changes no hash.
 */
export function applyCsp(html: string, publicPath: string, options: ResolvedCspOptions): CspResult {
  let elements = findInlineElements(html);
  let result = html;
  if (options.nonce !== undefined) {
    result = addNonces(result, elements, options.nonce);
    elements = findInlineElements(result);
  }
  const hashes: PageCsp = { 'script-src': [], 'style-src': [] };
  for (const element of elements) {
    const list = hashes[element.tagName === 'script' ? 'script-src' : 'style-src'];
    const hash = cspHash(element.text);
    if (!list.includes(hash)) list.push(hash);
  }
  if (options.meta) result = applyCspMeta(result, withOrigin(hashes, publicPathOrigin(publicPath)));
  return { html: result, hashes };
}

/** A CDN public path's origin beside the hashes, so the page's own files still load under the policy. */
function withOrigin(hashes: PageCsp, origin: string | undefined): PageCsp {
  if (!origin) return hashes;
  const add = (sources: string[]) => (sources.length > 0 ? [origin, ...sources] : sources);
  return { 'script-src': add(hashes['script-src']), 'style-src': add(hashes['style-src']) };
}
