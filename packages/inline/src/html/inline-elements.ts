import { createHash } from 'node:crypto';

/** An inline `<script>` or `<style>` in a page's final HTML. */
export interface InlineElement {
  tagName: 'script' | 'style';
  /** Offset of the `>` that ends the start tag. */
  startTagEnd: number;
  /** The start tag's attribute text. */
  attributes: string;
  /** The element's text exactly as in the HTML. */
  text: string;
}

const ATTRIBUTES = `(?:[^>"']|"[^"]*"|'[^']*')*`;
/**
 * Comments (skipped), and `<script>`/`<style>` elements: raw text up to the first `</script` or `</style`
 * followed by whitespace, `/` or `>`, as the HTML tokenizer ends them. Inlined scripts never contain `<!--`,
 * so the tokenizer's escaped states cannot move the end.
 */
const ELEMENTS = new RegExp(
  `<!--[\\s\\S]*?-->|<(script|style)\\b(${ATTRIBUTES})>([\\s\\S]*?)</\\1(?=[\\s/>])`,
  'gi',
);
const SRC_ATTRIBUTE = /(?:^|\s)src(?:\s*=|\s|$)/i;

/** Every inline script (no `src`) and style of a page, in document order. */
export function findInlineElements(html: string): InlineElement[] {
  const elements: InlineElement[] = [];
  for (const match of html.matchAll(ELEMENTS)) {
    const [whole, tagName, attributes = '', text = ''] = match;
    if (tagName === undefined) continue;
    const name = tagName.toLowerCase() as InlineElement['tagName'];
    if (name === 'script' && SRC_ATTRIBUTE.test(attributes)) continue;
    const startTagEnd = match.index + whole.length - text.length - `</${tagName}`.length - 1;
    elements.push({ tagName: name, startTagEnd, attributes, text });
  }
  return elements;
}

/**
 * The CSP source expression of an element's text: `'sha256-<base64>'` of its UTF-8 bytes after the HTML
 * parser's newline normalisation (CR LF and CR become LF), which is what the browser hashes.
 */
export function cspHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/**
 * Writes `nonce="…"` into each element's start tag that has none; offsets are the `findInlineElements` ones.
 */
export function addNonces(html: string, elements: InlineElement[], nonce: string): string {
  let result = html;
  // From the last element back, so earlier offsets stay valid.
  for (const element of [...elements].reverse()) {
    if (/(?:^|\s)nonce\s*=/i.test(element.attributes)) continue;
    result = `${result.slice(0, element.startTagEnd)} nonce="${nonce}"${result.slice(element.startTagEnd)}`;
  }
  return result;
}
