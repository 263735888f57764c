import { InlineAssetsPlugin } from '@packwise/inline';
import type { InlineAssetsPluginOptions } from '@packwise/inline';

const create = (options: unknown) => () => new InlineAssetsPlugin(options as InlineAssetsPluginOptions);

describe('InlineAssetsPlugin options', () => {
  it.each<[string, unknown]>([
    ['no options', undefined],
    ['empty options', {}],
    ['maxSize in bytes', { maxSize: 4096 }],
    ['maxSize with a unit', { maxSize: '4 KiB' }],
    ['maxSize 0 (inline nothing)', { maxSize: 0 }],
    ['maxSize per kind', { maxSize: { images: '2 kB', svg: 8192 } }],
    ['a budget', { maxInlinedBytesPerChunk: '32 KiB' }],
    ['no budget', { maxInlinedBytesPerChunk: false }],
    ['tests per kind', { test: { images: /\.png$/, fonts: false } }],
    ['a filename template', { filename: 'assets/[name].[contenthash][ext]' }],
    ['a filename function', { filename: () => '[name][ext]' }],
    ['a report', { report: 'inline-report.json' }],
    ['no report', { report: false }],
  ])('accepts %s', (_label, options) => {
    expect(create(options)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['an unknown option', { maxsize: 10 }, "options has an unknown property 'maxsize'"],
    ['a negative maxSize', { maxSize: -1 }, 'options.maxSize'],
    ['a maxSize in parsecs', { maxSize: '4 parsecs' }, 'options.maxSize'],
    ['an unknown kind in maxSize', { maxSize: { video: 10 } }, 'options.maxSize'],
    ['a bad per-kind maxSize', { maxSize: { images: 'big' } }, 'options.maxSize'],
    ['a budget of true', { maxInlinedBytesPerChunk: true }, 'options.maxInlinedBytesPerChunk'],
    ['a negative budget', { maxInlinedBytesPerChunk: -5 }, 'options.maxInlinedBytesPerChunk'],
    ['a test string', { test: { images: '.png' } }, 'options.test.images'],
    [
      'a test for an unknown kind',
      { test: { video: /\.mp4$/ } },
      "options.test has an unknown property 'video'",
    ],
    ['a test that is a RegExp', { test: /\.png$/ }, 'options.test'],
    ['an empty filename', { filename: '' }, 'options.filename'],
    ['a report of true', { report: true }, 'options.report'],
    ['an empty report name', { report: '' }, 'options.report'],
  ])('rejects %s', (_label, options, message) => {
    expect(create(options)).toThrow(message);
  });

  it('names the plugin in the message', () => {
    expect(create({ maxSize: -1 })).toThrow(/Invalid options object\. @packwise\/inline InlineAssetsPlugin/);
  });
});
