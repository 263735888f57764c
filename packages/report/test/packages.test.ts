import { packageOf, resourceOf } from '../src/packages';
import { withoutLastHash } from '../src/sizes';

describe('packageOf', () => {
  it.each([
    ['/app/src/index.js', { name: '(app)' }],
    ['webpack/runtime/define property getters', { name: '(webpack)' }],
    ['/app/node_modules/react/index.js', { name: 'react', root: '/app/node_modules/react' }],
    ['/app/node_modules/@scope/pkg/lib/a.js', { name: '@scope/pkg', root: '/app/node_modules/@scope/pkg' }],
    // A nested install is its own package…
    ['/app/node_modules/a/node_modules/b/i.js', { name: 'b', root: '/app/node_modules/a/node_modules/b' }],
    // …code a library bundles in its dist belongs to the library.
    ['/app/node_modules/a/dist/esm/node_modules/b/i.js', { name: 'a', root: '/app/node_modules/a' }],
    [
      '/app/node_modules/.pnpm/date-fns@4.1.0/node_modules/date-fns/index.js',
      {
        name: 'date-fns',
        root: '/app/node_modules/.pnpm/date-fns@4.1.0/node_modules/date-fns',
        version: '4.1.0',
      },
    ],
    [
      '/app/node_modules/.pnpm/@tanstack+query-core@5.1.0/node_modules/@tanstack/query-core/x.js',
      {
        name: '@tanstack/query-core',
        root: '/app/node_modules/.pnpm/@tanstack+query-core@5.1.0/node_modules/@tanstack/query-core',
        version: '5.1.0',
      },
    ],
    ['C:\\app\\node_modules\\lodash\\map.js', { name: 'lodash', root: 'C:/app/node_modules/lodash' }],
  ])('%s', (file, expected) => {
    expect(packageOf(file)).toEqual(expected);
  });

  it('reads the file of a module behind loaders', () => {
    expect(resourceOf('css ./node_modules/css-loader/dist/cjs.js!./src/a.css?x=1')).toBe('./src/a.css');
    expect(resourceOf('./src/b.js')).toBe('./src/b.js');
  });
});

describe('withoutLastHash', () => {
  it.each([
    ['main.3fa76445bb2847ba8c57.js', 'main.js'],
    // A name with a hash of its own (a vendor chunk per package version) keeps it: only the content hash goes.
    ['vendor.date-fns.0d6e4079.1f77e5b43972706b1c97.js', 'vendor.date-fns.0d6e4079.js'],
    ['a-0123456789.css', 'a.css'],
    ['index.html', 'index.html'],
    ['1f77e5b43972706b1c97.js', '1f77e5b43972706b1c97.js'],
  ])('%s -> %s', (name, key) => {
    expect(withoutLastHash(name)).toBe(key);
  });
});
