import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, toPosix } from '@packwise/test-utils';
import { createPackageIdentifier, identityFromPath, safePackageName } from '@packwise/vendor-chunks';
import type { PackageIdentity } from '@packwise/vendor-chunks';

/** A path below fixtures/layouts with POSIX separators, as the identifier reports roots. */
const layouts = (relative: string) => toPosix(fixturePath('layouts', relative));
const withBackslashes = (file: string) => file.replace(/\//g, '\\');

const pnpmStore = 'pnpm/node_modules/.pnpm';
const yarnCache = 'yarn-pnp/.yarn/cache';
const yarnVirtual =
  'yarn-pnp/.yarn/__virtual__/react-widget-virtual-1a2b3c4d5e/0/cache/react-widget-npm-3.0.0-abcdef0123-fedcba9876.zip';

/** [case, file below fixtures/layouts, expected name, version, package root below fixtures/layouts] */
const onDisk: [string, string, string, string, string][] = [
  ['npm, flat', 'npm-nested/node_modules/inner/index.js', 'inner', '1.0.0', 'npm-nested/node_modules/inner'],
  [
    'npm, nested below another package (innermost wins)',
    'npm-nested/node_modules/outer/node_modules/inner/lib/format.js',
    'inner',
    '2.0.0',
    'npm-nested/node_modules/outer/node_modules/inner',
  ],
  [
    'npm, the package that nests another',
    'npm-nested/node_modules/outer/index.js',
    'outer',
    '1.0.0',
    'npm-nested/node_modules/outer',
  ],
  [
    'npm, nearest package.json without a name ({"type":"module"})',
    'npm-nested/node_modules/multi-entry/esm/shout.js',
    'multi-entry',
    '4.2.0',
    'npm-nested/node_modules/multi-entry',
  ],
  [
    'npm, a deep file',
    'npm-nested/node_modules/deep-pkg/lib/a/b/c.js',
    'deep-pkg',
    '0.3.1',
    'npm-nested/node_modules/deep-pkg',
  ],
  [
    'pnpm store',
    `${pnpmStore}/left-pad@1.3.0/node_modules/left-pad/index.js`,
    'left-pad',
    '1.3.0',
    `${pnpmStore}/left-pad@1.3.0/node_modules/left-pad`,
  ],
  [
    'pnpm store, scoped, a CSS file',
    `${pnpmStore}/@acme+ui@2.1.0/node_modules/@acme/ui/style.css`,
    '@acme/ui',
    '2.1.0',
    `${pnpmStore}/@acme+ui@2.1.0/node_modules/@acme/ui`,
  ],
  [
    'pnpm store, a dot in the name',
    `${pnpmStore}/lib.dots@0.1.0/node_modules/lib.dots/dist/lib.dots.esm.js`,
    'lib.dots',
    '0.1.0',
    `${pnpmStore}/lib.dots@0.1.0/node_modules/lib.dots`,
  ],
  [
    "pnpm store, a dependency through its dependent's sibling link",
    `${pnpmStore}/dep-parent@1.0.0/node_modules/dep-child/index.js`,
    'dep-child',
    '3.0.0',
    `${pnpmStore}/dep-parent@1.0.0/node_modules/dep-child`,
  ],
  [
    'yarn cache archive',
    `${yarnCache}/left-pad-npm-1.3.0-a1b2c3d4e5-0123456789.zip/node_modules/left-pad/index.js`,
    'left-pad',
    '1.3.0',
    `${yarnCache}/left-pad-npm-1.3.0-a1b2c3d4e5-0123456789.zip/node_modules/left-pad`,
  ],
  [
    'yarn cache archive, scoped, a CSS file',
    `${yarnCache}/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui/style.css`,
    '@acme/ui',
    '2.1.0',
    `${yarnCache}/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui`,
  ],
  [
    'yarn __virtual__ folder',
    `${yarnVirtual}/node_modules/react-widget/index.js`,
    'react-widget',
    '3.0.0',
    `${yarnVirtual}/node_modules/react-widget`,
  ],
  [
    'bundled: a copy a package keeps in its own dist/esm/node_modules (no package.json) is that package',
    'bundled/node_modules/ui-lib/dist/esm/node_modules/classnames/index.js',
    'ui-lib',
    '7.0.0',
    'bundled/node_modules/ui-lib',
  ],
  [
    'bundled: a scoped bundled copy, no package.json at any level below the package',
    'bundled/node_modules/ui-lib/dist/esm/node_modules/@emotion/hash/dist/hash.esm.js',
    'ui-lib',
    '7.0.0',
    'bundled/node_modules/ui-lib',
  ],
  [
    'bundled: the installed package of the same name stays itself',
    'bundled/node_modules/classnames/index.js',
    'classnames',
    '2.5.1',
    'bundled/node_modules/classnames',
  ],
  [
    'workspace package at its real path (no node_modules)',
    'workspace/packages/ui/src/button.js',
    '@acme/ui-kit',
    '0.3.0',
    'workspace/packages/ui',
  ],
  [
    'workspace package through its link',
    'workspace/app/node_modules/@acme/ui-kit/src/button.js',
    '@acme/ui-kit',
    '0.3.0',
    'workspace/app/node_modules/@acme/ui-kit',
  ],
  [
    'workspace app file: the app itself, not a parent workspace',
    'workspace/app/src/index.js',
    'fixture-workspace-app',
    '0.0.0',
    'workspace/app',
  ],
];

describe('createPackageIdentifier on real installs', () => {
  it.each(onDisk)('%s', (_label, file, name, version, root) => {
    const identify = createPackageIdentifier();
    expect(identify(layouts(file))).toEqual<PackageIdentity>({ name, version, root: layouts(root) });
  });

  it.each(onDisk)('%s, with Windows separators', (_label, file) => {
    const expected = createPackageIdentifier()(layouts(file));
    expect(createPackageIdentifier()(withBackslashes(layouts(file)))).toEqual(expected);
  });

  it('reads each package.json once, however many files of the package it sees', () => {
    const reads: string[] = [];
    const identify = createPackageIdentifier((file) => {
      reads.push(file);
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    });
    const inner = 'npm-nested/node_modules/outer/node_modules/inner';
    expect(identify(layouts(`${inner}/index.js`))?.version).toBe('2.0.0');
    expect(identify(layouts(`${inner}/lib/format.js`))?.version).toBe('2.0.0');
    expect(identify(layouts(`${inner}/lib/format.js`))?.version).toBe('2.0.0');
    expect(reads.filter((file) => file === layouts(`${inner}/package.json`))).toHaveLength(1);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('falls back to the path when no package.json can be read', () => {
    const identify = createPackageIdentifier(() => undefined);
    expect(
      identify(
        '/repo/.yarn/cache/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui/index.js',
      ),
    ).toEqual({
      name: '@acme/ui',
      version: '2.1.0',
      root: '/repo/.yarn/cache/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui',
    });
    expect(identify('/repo/src/index.js')).toBeUndefined();
  });

  // Fails today: chart.js 4 ships auto/package.json {"name": "chart.js-auto", "private": true} (for webpack 4),
  // and `import Chart from 'chart.js/auto'` — chart.js's documented entry — resolves to auto/auto.js. The
  // nearest named package.json makes a package "chart.js-auto" (version '') with its own chunk or bucket.
  // terser's main file is owned the same way by dist/package.json ({"name": "dist"}).
  it('gives a file below a named package.json in a sub-folder to the installed package (chart.js/auto)', () => {
    const file = require.resolve('chart.js/auto', { paths: [fixturePath('example-app')] });
    const chartRoot = path.resolve(path.dirname(file), '..');
    const { version } = JSON.parse(readFileSync(path.join(chartRoot, 'package.json'), 'utf8'));
    expect(createPackageIdentifier()(file)).toEqual({ name: 'chart.js', version, root: toPosix(chartRoot) });
  });
});

describe('identityFromPath on paths that do not exist', () => {
  it.each<[string, string, PackageIdentity]>([
    [
      'npm: the folder after node_modules, no version',
      '/repo/node_modules/lodash/fp/map.js',
      { name: 'lodash', version: '', root: '/repo/node_modules/lodash' },
    ],
    [
      'npm nested: the last node_modules',
      '/repo/node_modules/outer/node_modules/inner/lib/format.js',
      { name: 'inner', version: '', root: '/repo/node_modules/outer/node_modules/inner' },
    ],
    [
      'pnpm, scoped: version from the store folder',
      '/repo/node_modules/.pnpm/@scope+name@1.2.3/node_modules/@scope/name/x.js',
      {
        name: '@scope/name',
        version: '1.2.3',
        root: '/repo/node_modules/.pnpm/@scope+name@1.2.3/node_modules/@scope/name',
      },
    ],
    [
      'pnpm, with a peer suffix',
      '/repo/node_modules/.pnpm/react-dom@18.2.0_react@18.2.0/node_modules/react-dom/index.js',
      {
        name: 'react-dom',
        version: '18.2.0',
        root: '/repo/node_modules/.pnpm/react-dom@18.2.0_react@18.2.0/node_modules/react-dom',
      },
    ],
    [
      "pnpm, a dependency in another package's store folder has no version there",
      '/repo/node_modules/.pnpm/dep-parent@1.0.0/node_modules/dep-child/index.js',
      {
        name: 'dep-child',
        version: '',
        root: '/repo/node_modules/.pnpm/dep-parent@1.0.0/node_modules/dep-child',
      },
    ],
    [
      'yarn, scoped: version from the archive name',
      '/repo/.yarn/cache/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui/style.css',
      {
        name: '@acme/ui',
        version: '2.1.0',
        root: '/repo/.yarn/cache/@acme-ui-npm-2.1.0-f6e5d4c3b2-9876543210.zip/node_modules/@acme/ui',
      },
    ],
    [
      'yarn __virtual__',
      '/repo/.yarn/__virtual__/w-virtual-0a1b2c/0/cache/react-widget-npm-3.0.0-abcdef0123-fedcba9876.zip/node_modules/react-widget/lib/x.js',
      {
        name: 'react-widget',
        version: '3.0.0',
        root: '/repo/.yarn/__virtual__/w-virtual-0a1b2c/0/cache/react-widget-npm-3.0.0-abcdef0123-fedcba9876.zip/node_modules/react-widget',
      },
    ],
    [
      'Windows separators',
      'C:\\repo\\node_modules\\.pnpm\\@scope+name@1.2.3\\node_modules\\@scope\\name\\x.js',
      {
        name: '@scope/name',
        version: '1.2.3',
        root: 'C:/repo/node_modules/.pnpm/@scope+name@1.2.3/node_modules/@scope/name',
      },
    ],
  ])('%s', (_label, file, expected) => {
    expect(identityFromPath(file)).toEqual(expected);
  });

  it.each([
    ['no node_modules', '/repo/src/index.js'],
    ['a workspace package at its real path', '/repo/packages/ui/src/button.js'],
    ['a bare scope folder', '/repo/node_modules/@scope/'],
  ])('is undefined for %s', (_label, file) => {
    expect(identityFromPath(file)).toBeUndefined();
  });
});

describe('safePackageName', () => {
  it.each([
    ['@tanstack/react-query', 'tanstack__react-query'],
    ['@acme/ui', 'acme__ui'],
    ['left-pad', 'left-pad'],
    ['chart.js', 'chart.js'],
    ['lodash_es', 'lodash_es'],
    ['JSONStream', 'jsonstream'],
    ['@Acme/UI-Kit', 'acme__ui-kit'],
    ['a+b c~d!', 'a_b_c_d_'],
    ['@sc$pe/n@me', 'sc_pe__n_me'],
  ])('%s → %s', (packageName, expected) => {
    expect(safePackageName(packageName)).toBe(expected);
  });
});
