/** The hashes (and other sources) one page needs, by directive. */
export interface PageCsp {
  'script-src': string[];
  'style-src': string[];
}

type Directives = Map<string, string[]>;

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const META_TAGS = /<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', double, single, bare] of text.matchAll(ATTRIBUTE)) {
    attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&(?:quot|#34|#x22);/gi, '"')
    .replace(/&(?:apos|#39|#x27);/gi, "'")
    .replace(/&amp;/gi, '&');
}

function parsePolicy(policy: string): Directives {
  const directives: Directives = new Map();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    // The first of two same-named directives wins in CSP; later ones are ignored.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function serialisePolicy(directives: Directives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * Adds the sources to `<kind>-src` (created from `default-src`, or `'self'`, when missing) and to
 * `<kind>-src-elem` when the policy has one (it wins for elements). Adds nothing else: no `'unsafe-inline'`.
 */
function extendDirectives(directives: Directives, csp: PageCsp): void {
  const fallback = directives.get('default-src') ?? ["'self'"];
  for (const name of ['script-src', 'style-src'] as const) {
    const sources = csp[name];
    if (sources.length === 0) continue;
    for (const directive of [name, `${name}-elem`]) {
      const existing = directives.get(directive) ?? (directive === name ? [...fallback] : undefined);
      if (!existing) continue;
      directives.set(directive, [...existing, ...sources.filter((source) => !existing.includes(source))]);
    }
  }
}

function metaTag(policy: string): string {
  const content = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<meta http-equiv="Content-Security-Policy" content="${content}">`;
}

/** Where a new meta goes: after `<meta charset>` or the `<head>` start tag, before any script or style. */
function insertionPoint(html: string): number {
  const charset = /<meta\s[^>]*charset[^>]*>/i.exec(html);
  const head = /<head\b[^>]*>/i.exec(html);
  const firstCode = html.search(/<(script|style|link)\b/i);
  for (const found of [charset, head]) {
    if (found && (firstCode < 0 || found.index < firstCode)) return found.index + found[0].length;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0].length : 0;
}

/**
 * Extends the page's `<meta http-equiv="Content-Security-Policy">` with the sources, or inserts one at the
 * top of `<head>`: a policy in a meta tag only applies to the elements after it.
 */
export function applyCspMeta(html: string, csp: PageCsp): string {
  for (const match of html.matchAll(META_TAGS)) {
    const attributes = attributesOf(match[1] ?? '');
    if (attributes.get('http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    const directives = parsePolicy(attributes.get('content') ?? '');
    extendDirectives(directives, csp);
    return (
      html.slice(0, match.index) +
      metaTag(serialisePolicy(directives)) +
      html.slice(match.index + match[0].length)
    );
  }
  if (csp['script-src'].length === 0 && csp['style-src'].length === 0) return html;
  const directives: Directives = new Map();
  extendDirectives(directives, csp);
  const at = insertionPoint(html);
  return html.slice(0, at) + metaTag(serialisePolicy(directives)) + html.slice(at);
}

/** The origin a public path loads files from, when it is not the page's own (`https://cdn.example.com`). */
export function publicPathOrigin(publicPath: string): string | undefined {
  const match = /^(?:[a-z][a-z\d+.-]*:)?\/\/[^/?#]+/i.exec(publicPath);
  return match ? match[0].replace(/^\/\//, '') : undefined;
}
