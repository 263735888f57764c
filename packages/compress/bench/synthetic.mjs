// Workload B: a minimal production build that emits `count` minified-JS-like assets of about `bytes` each
// (`synthetic/chunk-NNN.js`) at PROCESS_ASSETS_STAGE_ADDITIONAL, for the contender's compression to process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticChunk } from './synthetic-content.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SYNTHETIC = { count: 300, bytes: 200 * 1024 };

class SyntheticAssetsPlugin {
  constructor({ count, bytes }) {
    this.count = count;
    this.bytes = bytes;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SyntheticAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SyntheticAssetsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (let i = 0; i < this.count; i += 1) {
            const name = `synthetic/chunk-${String(i).padStart(3, '0')}.js`;
            compilation.emitAsset(name, new sources.RawSource(syntheticChunk(i, this.bytes)));
          }
        },
      );
    });
  }
}

/** The synthetic build's webpack config, without any compression plugin. */
export function syntheticConfig({ outDir, count = SYNTHETIC.count, bytes = SYNTHETIC.bytes }) {
  return {
    mode: 'production',
    context: path.join(here, 'synthetic'),
    entry: { main: path.join(here, 'synthetic/entry.js') },
    output: { path: outDir, filename: '[name].js', clean: true },
    cache: false,
    devtool: false,
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [new SyntheticAssetsPlugin({ count, bytes })],
  };
}
