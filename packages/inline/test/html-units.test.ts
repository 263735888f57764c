import vm from 'node:vm';
import { applyCspMeta, publicPathOrigin } from '../src/html/csp-meta';
import { rebaseCssUrls } from '../src/html/css-urls';
import { escapeInlineScript, escapeInlineStyle, stripSourceMapComment } from '../src/html/escape';
import { addNonces, cspHash, findInlineElements } from '../src/html/inline-elements';
import { fillPublicPath, PUBLIC_PATH_PLACEHOLDER } from '../src/html/public-path';
import { fileFromUrl } from '../src/html/tags';
import { sha256Source } from './html-helpers';

describe('escapeInlineScript', () => {
  it.each([
    ['a string', `'</script><!--'`],
    ['a template literal', '`</SCRIPT ><!--${1}`'],
    ['a regular expression', '[/<\\/script|<!--/.test("<!--"), /<\\/script|<!--/.test("</script")]'],
    ['a unicode regular expression', '/<!--/u.test("<!--")'],
    ['a unicode-sets regular expression', '/<!--/v.test("<!--")'],
  ])('keeps the value of %s and leaves no end tag or comment opener', (_label, expression) => {
    const escaped = escapeInlineScript(expression);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    expect(vm.runInNewContext(escaped)).toEqual(vm.runInNewContext(expression));
  });

  it('escapes </style in CSS', () => {
    expect(escapeInlineStyle(`a::after { content: '</style>' }`)).toBe(`a::after { content: '<\\/style>' }`);
  });

  it('drops a trailing source map comment only', () => {
    expect(stripSourceMapComment('a();\n//# sourceMappingURL=a.js.map')).toBe('a();');
    expect(stripSourceMapComment('a{}\n/*# sourceMappingURL=a.css.map*/\n')).toBe('a{}');
    expect(stripSourceMapComment('"//# sourceMappingURL=x"; b();')).toBe('"//# sourceMappingURL=x"; b();');
  });
});

describe('rebaseCssUrls', () => {
  it.each([
    ['css/main.css', '', 'url(../img/a.png)', 'url(img/a.png)'],
    ['css/main.css', '../', 'url("../img/a.png")', 'url("../img/a.png")'],
    [
      'css/main.css',
      '/static/',
      "url('../fonts/f.woff2?v=1#iefix')",
      "url('/static/fonts/f.woff2?v=1#iefix')",
    ],
    [
      'css/deep/main.css',
      'https://cdn.example.com/app/',
      'url( ../../img/a.png )',
      'url(https://cdn.example.com/app/img/a.png)',
    ],
    ['main.css', '', 'url(a.png)', 'url(a.png)'],
    ['css/main.css', '', '@import "base.css";', '@import "css/base.css";'],
  ])('%s in a page with public path %j: %s → %s', (file, publicPath, css, expected) => {
    expect(rebaseCssUrls(css, file, publicPath)).toBe(expected);
  });

  it.each([
    'url(data:image/png;base64,AAAA)',
    'url(/img/a.png)',
    'url(//cdn/a.png)',
    'url(#filter)',
    'url(https://x/a.png)',
    'url()',
  ])('leaves %s alone', (css) => {
    expect(rebaseCssUrls(css, 'css/main.css', '/static/')).toBe(css);
  });
});

describe('inline elements and CSP', () => {
  const html =
    '<head><!-- <script>not me</script> --><script src="a.js"></script><script type="module">b()</script>' +
    '<style media="print">p{}</style><script data-src="x">c()</script></head>';

  it('finds inline scripts and styles, not files or comments', () => {
    expect(findInlineElements(html).map((element) => [element.tagName, element.text])).toEqual([
      ['script', 'b()'],
      ['style', 'p{}'],
      ['script', 'c()'],
    ]);
  });

  it('adds the nonce to each inline start tag', () => {
    const withNonce = addNonces(html, findInlineElements(html), 'N');
    expect(withNonce).toContain('<script type="module" nonce="N">b()');
    expect(withNonce).toContain('<style media="print" nonce="N">p{}');
    expect(withNonce).toContain('<script src="a.js"></script>');
  });

  it('hashes text as a browser does, with CR LF read as LF', () => {
    expect(cspHash('a\r\nb\rc')).toBe(sha256Source('a\nb\nc'));
  });

  it('extends script-src-elem too, and never adds unsafe-inline', () => {
    const policy = "script-src 'self' 'unsafe-eval'; script-src-elem 'self'";
    const page = `<head><meta content="${policy}" http-equiv=content-security-policy></head>`;
    const result = applyCspMeta(page, { 'script-src': ["'sha256-x'"], 'style-src': [] });
    expect(result).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-eval' 'sha256-x'; ` +
        `script-src-elem 'self' 'sha256-x'"></head>`,
    );
  });

  it('inserts a new policy after <meta charset>, only for the kinds it has hashes for', () => {
    const result = applyCspMeta('<head><meta charset="utf-8"><style>a{}</style></head>', {
      'script-src': [],
      'style-src': ["'sha256-y'"],
    });
    expect(result).toBe(
      `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="style-src 'self' 'sha256-y'">` +
        '<style>a{}</style></head>',
    );
  });

  it('knows the origin of a CDN public path', () => {
    expect(publicPathOrigin('https://cdn.example.com/app/')).toBe('https://cdn.example.com');
    expect(publicPathOrigin('//cdn.example.com/')).toBe('cdn.example.com');
    expect(publicPathOrigin('/static/')).toBeUndefined();
    expect(publicPathOrigin('')).toBeUndefined();
  });
});

describe('public path and URLs', () => {
  it('fills the placeholder in whatever quotes a minifier chose', () => {
    for (const quote of ['"', "'", '`']) {
      const code = `r.p=${quote}${PUBLIC_PATH_PLACEHOLDER}${quote};`;
      expect(fillPublicPath(code, '../')).toBe('r.p="../";');
    }
  });

  it('maps a tag URL back to the asset name', () => {
    expect(fileFromUrl('/static/js/main.js?abc', '/static/')).toBe('js/main.js');
    expect(fileFromUrl('js/a%20b.js', '')).toBe('js/a b.js');
    expect(fileFromUrl('https://other/js/main.js', '/static/')).toBeUndefined();
  });
});
