/**
 * Escaping for every output format. Asset and budget names come from users' builds and configs: any of them
 * may hold `|`, backticks, `<script>`, quotes or newlines, and none may break the table, the XML or the
 * workflow command it is printed in.
 */

/** Control characters a terminal would act on, shown as `\n`, `\x1b`, … instead. */
export function escapeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) =>
    char === '\n' ? '\\n' : char === '\t' ? '\\t' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for one GitHub-flavoured Markdown table cell: HTML is neutralised (`&`, `<`, `>` as entities), every
 * character Markdown would act on is backslash-escaped (`|` included, so the row keeps its columns), and line
 * breaks become `<br>`.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[&<>]/g, (char) => MARKDOWN_ENTITIES[char] ?? char)
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      .replace(/\r\n|\r|\n/g, '<br>')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f]/g, '')
  );
}

/** Characters XML 1.0 does not allow anywhere, even escaped (lone surrogates included). */
// eslint-disable-next-line no-control-regex -- the control characters XML allows
const XML_ILLEGAL = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Text for an XML attribute value: the five entities, line breaks and tabs as character references (so parsers keep them). */
export function escapeXmlAttribute(text: string): string {
  return text.replace(XML_ILLEGAL, '').replace(/[&<>"'\n\r\t]/g, (char) => XML_ENTITIES[char] ?? char);
}

/** Text for XML element content: the five entities; line breaks stay. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_ILLEGAL, '').replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** The message of a GitHub workflow command (`::error::<data>`): `%`, `\r`, `\n` percent-encoded. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a GitHub workflow command (`title=<property>`): the data escapes plus `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
