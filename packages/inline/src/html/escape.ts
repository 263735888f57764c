/**
 * Makes JS safe as the text of an inline `<script>`, whatever strings, template literals or regular
 * expressions it holds: `</script` would end the element early, and `<!--` followed by `<script` would make
 * the parser skip the real end tag. `</script` becomes `<\/script` and `<!--` becomes `\x3C!--` (as terser
 * writes them): inside a string, a template literal's value or a regular expression (with or without the
 * `u`/`v` flag) both mean the same characters. `<\!--` would not do: `\!` is a syntax error in a `u` regular
 * expression. Only `String.raw` and a tag reading `strings.raw` could tell the difference.
 */
export function escapeInlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}

/** Makes CSS safe as the text of an inline `<style>`: `</style` ends it; in CSS `\/` is a `/` in strings. */
export function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * Drops a trailing `sourceMappingURL` comment (on a line of its own, as webpack writes it): it would resolve
 * against the page, not the inlined file, and the map is deleted with the file.
 */
export function stripSourceMapComment(code: string): string {
  return code.replace(
    /(?:^|\n)(?:\/\/[#@] sourceMappingURL=[^\n]*|\/\*[#@] sourceMappingURL=[^*]*\*\/)\s*$/,
    '',
  );
}
