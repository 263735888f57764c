import { createAssetMatcher } from '@packwise/core';
import type { AssetMatchOptions } from '@packwise/core';

const names = ['main.1a2b.js', 'main.1a2b.js.map', 'styles/app.css', 'vendor.react.js', 'img/logo.png'];

function matched(options?: AssetMatchOptions): string[] {
  return names.filter(createAssetMatcher(options));
}

describe('createAssetMatcher', () => {
  it.each<[string, AssetMatchOptions | undefined, string[]]>([
    ['everything without options', undefined, names],
    ['a RegExp test', { test: /\.js$/ }, ['main.1a2b.js', 'vendor.react.js']],
    ['a string as a name prefix', { test: 'styles/' }, ['styles/app.css']],
    ['an array: any of', { test: [/\.css$/, /\.png$/] }, ['styles/app.css', 'img/logo.png']],
    ['a function', { test: (name) => name.length < 14 }, ['main.1a2b.js', 'img/logo.png']],
    ['test and include both', { test: /\.js$/, include: 'vendor' }, ['vendor.react.js']],
    ['exclude after test', { test: /\.js/, exclude: /\.map$/ }, ['main.1a2b.js', 'vendor.react.js']],
    ['an empty array matches nothing', { test: [] }, []],
  ])('%s', (_label, options, expected) => {
    expect(matched(options)).toEqual(expected);
  });

  it('ignores a query string in the asset name', () => {
    expect(createAssetMatcher({ test: /\.js$/ })('main.js?v=3')).toBe(true);
  });

  it('gives the same answer every time for a global RegExp', () => {
    const isJs = createAssetMatcher({ test: /\.js$/g });
    expect([isJs('a.js'), isJs('b.js'), isJs('c.js')]).toEqual([true, true, true]);
  });
});
