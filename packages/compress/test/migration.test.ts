import zlib from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { compile } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { compressConfig } from './helpers';

// Each row of the README's migration table: compression-webpack-plugin's options, and ours that write the
// same files with the same bytes. Where compression-webpack-plugin's options are also accepted as they are
// (`algorithm`/`compressionOptions`), that is checked as well.

// Their option types are generic over the algorithm; the rows are checked by running them.
type AnchorOptions = Record<string, unknown> & CompressPluginOptions;
const QUALITY = zlib.constants.BROTLI_PARAM_QUALITY;
const gzipFunction = (
  input: Buffer,
  options: object,
  callback: (error: Error | null, result: Buffer) => void,
) => zlib.gzip(input, options, callback);

interface Row {
  label: string;
  anchor: AnchorOptions[];
  ours: CompressPluginOptions;
  /** compression-webpack-plugin's options given to CompressPlugin unchanged write the same too. */
  asIs?: boolean;
  config?: Configuration;
}

const rows: Row[] = [
  { label: 'the defaults (gzip level 9)', anchor: [{}], ours: { algorithms: ['gzip'] } },
  {
    label: 'two instances, gzip and brotliCompress with BROTLI_PARAM_QUALITY 11',
    anchor: [
      {},
      {
        algorithm: 'brotliCompress',
        filename: '[path][base].br',
        compressionOptions: { params: { [QUALITY]: 11 } },
      },
    ],
    ours: {},
  },
  {
    label: "algorithm 'brotliCompress' with a quality",
    anchor: [{ algorithm: 'brotliCompress', compressionOptions: { params: { [QUALITY]: 5 } } }],
    ours: { algorithms: ['brotli'], brotli: { quality: 5 } },
    asIs: true,
  },
  {
    label: "zlib's compressionOptions for gzip (level, memLevel, windowBits, strategy)",
    anchor: [
      { compressionOptions: { level: 6, memLevel: 5, windowBits: 12, strategy: zlib.constants.Z_FILTERED } },
    ],
    ours: {
      algorithms: ['gzip'],
      gzip: { level: 6, memLevel: 5, windowBits: 12, strategy: zlib.constants.Z_FILTERED },
    },
    asIs: true,
  },
  {
    label: "algorithm 'deflate'",
    anchor: [{ algorithm: 'deflate', filename: '[path][base].deflate' }],
    ours: { algorithms: ['deflate'] },
    asIs: true,
  },
  {
    label: "algorithm 'deflateRaw'",
    anchor: [{ algorithm: 'deflateRaw', filename: '[path][base].deflate-raw' }],
    ours: { algorithms: ['deflateRaw'] },
    asIs: true,
  },
  {
    label: 'a custom algorithm function with compressionOptions',
    anchor: [{ algorithm: gzipFunction, compressionOptions: { level: 1 } }],
    ours: { algorithms: [{ name: 'gzip', algorithm: gzipFunction, compressionOptions: { level: 1 } }] },
    asIs: true,
  },
  {
    label: 'test, include and exclude',
    anchor: [{ test: /\.(js|svg)$/, include: [/main/, /logo/], exclude: /logo/ }],
    ours: { algorithms: ['gzip'], test: /\.(js|svg)$/, include: [/main/, /logo/], exclude: /logo/ },
  },
  { label: 'threshold', anchor: [{ threshold: 2000 }], ours: { algorithms: ['gzip'], threshold: '2000 B' } },
  { label: 'minRatio', anchor: [{ minRatio: 0.3 }], ours: { algorithms: ['gzip'], minRatio: 0.3 } },
  {
    label: 'a filename template',
    anchor: [{ filename: 'compressed/[name][ext].gzip' }],
    ours: { algorithms: ['gzip'], filename: 'compressed/[name][ext].gzip' },
  },
  {
    label: 'a filename function',
    anchor: [{ filename: (pathData) => `${pathData.filename}.zz` }],
    ours: { algorithms: ['gzip'], filename: (pathData) => `${pathData.filename}.zz` },
  },
  {
    label: 'deleteOriginalAssets: true',
    anchor: [{ deleteOriginalAssets: true }],
    ours: { algorithms: ['gzip'], deleteOriginalAssets: true },
  },
  {
    label: "deleteOriginalAssets: 'keep-source-map' with devtool: 'source-map'",
    anchor: [{ test: /\.js$/, deleteOriginalAssets: 'keep-source-map' }],
    ours: { algorithms: ['gzip'], test: /\.js$/, deleteOriginalAssets: 'keep-source-map' },
    config: { devtool: 'source-map' },
  },
  {
    label: 'deleteOriginalAssets as a function',
    anchor: [{ deleteOriginalAssets: (name) => name.startsWith('main.') }],
    ours: { algorithms: ['gzip'], deleteOriginalAssets: (name) => name.startsWith('main.') },
  },
];

const build = (plugins: WebpackPluginInstance[], config: Configuration = {}) =>
  compile(compressConfig({ ...config, plugins }));

/** Same names; same bytes, but brotli within 0.5 % (ours passes zlib a size hint) and decoding alike. */
function expectSameOutput(ours: BuildResult, anchor: BuildResult) {
  expect([...ours.files.keys()].sort()).toEqual([...anchor.files.keys()].sort());
  for (const [name, bytes] of anchor.files) {
    const mine = ours.read(name);
    if (!name.endsWith('.br')) {
      expect({ name, same: mine.equals(bytes) }).toEqual({ name, same: true });
      continue;
    }
    const decoded = zlib.brotliDecompressSync(mine).equals(zlib.brotliDecompressSync(bytes));
    const close = Math.abs(mine.length - bytes.length) <= Math.max(8, bytes.length * 0.005);
    expect({ name, decoded, close }).toEqual({ name, decoded: true, close: true });
  }
}

describe('migrating from compression-webpack-plugin', () => {
  it.each(rows.map((row) => [row.label, row] as const))('%s', async (_label, row) => {
    const anchor = await build(
      row.anchor.map((options) => new CompressionPlugin(options as never)),
      row.config,
    );
    const ours = await build([new CompressPlugin(row.ours)], row.config);
    expect(anchor.errors).toEqual([]);
    expect(ours.errors).toEqual([]);
    expect([...anchor.files.keys()].length).toBeGreaterThan(0);
    expectSameOutput(ours, anchor);
    if (row.asIs) {
      const asIs = await build([new CompressPlugin(row.anchor[0])], row.config);
      expect(asIs.errors).toEqual([]);
      expectSameOutput(asIs, anchor);
    }
  });
});
