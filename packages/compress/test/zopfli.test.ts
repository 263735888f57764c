import zlib from 'node:zlib';
import type { Configuration } from 'webpack';
import { compile, decompress, fixturePath } from '@packwise/test-utils';
import { CompressPlugin } from '@packwise/compress';
import { encodedFiles } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const todayConfig = require(fixturePath('example-app/webpack.today.cjs')) as (env: object) => Configuration;

/** The example app's production build with our plugin in place of its two compression-webpack-plugins. */
function exampleAppWith(plugin: CompressPlugin): Configuration {
  const config = todayConfig({});
  const plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== 'CompressionPlugin');
  return { ...config, plugins: [...plugins, plugin] };
}

describe('gzip with the zopfli engine', () => {
  it('writes valid gzip no larger than zlib level 9 for every JS file of the example app', async () => {
    const result = await compile(
      exampleAppWith(new CompressPlugin({ algorithms: ['gzip'], gzip: { engine: 'zopfli' }, test: /\.js$/ })),
    );
    expect(result.errors).toEqual([]);
    const files = encodedFiles(result);
    expect(files.length).toBeGreaterThan(10);
    let zopfliBytes = 0;
    let zlibBytes = 0;
    for (const file of files) {
      const original = result.read(file.slice(0, -3));
      const compressed = result.read(file);
      expect(decompress(compressed, file).equals(original)).toBe(true);
      const zlib9 = zlib.gzipSync(original, { level: 9 }).length;
      expect({ file, smallerOrEqual: compressed.length <= zlib9 }).toEqual({ file, smallerOrEqual: true });
      zopfliBytes += compressed.length;
      zlibBytes += zlib9;
    }
    // zopfli's whole point: a few per cent fewer bytes than zlib's best.
    expect(zopfliBytes / zlibBytes).toBeLessThan(0.98);
  });
});
