import {
  escapeGithubData,
  escapeGithubProperty,
  escapeMarkdown,
  escapeText,
  escapeXmlAttribute,
  escapeXmlText,
} from '../src/format/escape';

describe('escaping', () => {
  it('Markdown: HTML as entities, Markdown syntax backslashed, newlines as <br>', () => {
    expect(escapeMarkdown('<script>a|b</script>')).toBe('&lt;script&gt;a\\|b&lt;/script&gt;');
    expect(escapeMarkdown('`x` *y* _z_ [l](u) ~s~ \\')).toBe(
      '\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\~s\\~ \\\\',
    );
    expect(escapeMarkdown('a\nb\r\nc\td&amp;')).toBe('a<br>b<br>c d&amp;amp;');
    expect(escapeMarkdown('bell\u0007')).toBe('bell');
  });

  it('XML: the five entities; attributes keep line breaks as character references', () => {
    expect(escapeXmlText(`<a href="x">'&'</a>\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\n',
    );
    expect(escapeXmlAttribute('a\nb\r\tc"')).toBe('a&#10;b&#13;&#9;c&quot;');
  });

  it('XML: strips characters XML 1.0 forbids, keeps astral characters', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u001bd\ufffee\ud800f😀')).toBe('abcdef😀');
    expect(escapeXmlAttribute('\u000bx\uffff')).toBe('x');
  });

  it('GitHub workflow commands: data and property escapes', () => {
    expect(escapeGithubData('100%, a:b\r\nc')).toBe('100%25, a:b%0D%0Ac');
    expect(escapeGithubProperty('100%, a:b\nc')).toBe('100%25%2C a%3Ab%0Ac');
  });

  it('terminal text: control characters shown, not acted on', () => {
    expect(escapeText('a\nb\tc\u001b[31md')).toBe('a\\nb\\tc\\x1b[31md');
  });
});
