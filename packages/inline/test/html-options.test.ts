import { InlineHtmlPlugin } from '@packwise/inline';
import type { InlineHtmlPluginOptions } from '@packwise/inline';

const create = (options: unknown) => () => new InlineHtmlPlugin(options as InlineHtmlPluginOptions);

describe('InlineHtmlPlugin options', () => {
  it.each<[string, unknown]>([
    ['no options', undefined],
    ['everything off', { inlineRuntime: false, keepInlinedFiles: true, csp: false, report: false }],
    ['a chunk name', { inlineChunks: 'main' }],
    ['a RegExp', { inlineChunks: /^vendor/ }],
    ['names and RegExps', { inlineChunks: ['main', /^app/], inlineCss: ['main'] }],
    ['a size in bytes', { inlineChunks: { maxSize: 2048 } }],
    ['a size with a unit', { inlineCss: { maxSize: '4 KiB' } }],
    ['csp true', { csp: true }],
    [
      'csp with every option',
      { csp: { meta: true, hashesFile: 'security/csp.json', nonce: '__CSP_NONCE__' } },
    ],
    ['csp without a hashes file', { csp: { hashesFile: false } }],
    ['a report name', { report: 'reports/inline.json' }],
    ['report true', { report: true }],
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['an unknown option', { inlineScripts: true }, "options has an unknown property 'inlineScripts'"],
    ['inlineRuntime "yes"', { inlineRuntime: 'yes' }, 'options.inlineRuntime should be a boolean'],
    ['an empty chunk name', { inlineChunks: '' }, 'options.inlineChunks'],
    ['a chunk name that is a number', { inlineChunks: [1] }, 'options.inlineChunks'],
    ['a size without maxSize', { inlineCss: { size: 10 } }, 'options.inlineCss'],
    ['a negative maxSize', { inlineChunks: { maxSize: -1 } }, 'options.inlineChunks'],
    ['a maxSize in parsecs', { inlineChunks: { maxSize: '3 parsecs' } }, 'options.inlineChunks'],
    ['keepInlinedFiles 1', { keepInlinedFiles: 1 }, 'options.keepInlinedFiles should be a boolean'],
    ['csp "strict"', { csp: 'strict' }, 'options.csp'],
    ['an unknown csp option', { csp: { unsafeInline: true } }, 'options.csp'],
    ['csp meta "yes"', { csp: { meta: 'yes' } }, 'options.csp'],
    ['a hashes file true', { csp: { hashesFile: true } }, 'options.csp'],
    ['a nonce with a quote', { csp: { nonce: 'a"b' } }, 'options.csp'],
    ['an empty nonce', { csp: { nonce: '' } }, 'options.csp'],
    ['an empty report name', { report: '' }, 'options.report'],
  ])('rejects %s with a message naming the option', (_label, options, message) => {
    expect(create(options)).toThrow(message);
  });

  it('names the plugin in schema errors', () => {
    expect(create({ inlineRuntime: 1 })).toThrow(
      '@packwise/inline InlineHtmlPlugin has been initialized using an options object that does not match the API schema',
    );
  });
});
