import path from 'node:path';
import type { WebpackPluginInstance } from 'webpack';
import { jsMinimizer } from './minimizers';
import { rspackMajor } from './load-rspack';
import type { RspackModule } from './load-rspack';
import type { Toolchain } from './toolchain';

/**
 * Rspack 1.7 / 2.x with its built-ins: `builtin:swc-loader` (same options as swc-loader), CssExtractRspackPlugin,
 * SwcJsMinimizerRspackPlugin + LightningCssMinimizerRspackPlugin, HtmlRspackPlugin, Rspack's persistent cache.
 */
export function rspackToolchain(rspack: RspackModule): Toolchain {
  const plugin = (instance: object) => instance as WebpackPluginInstance;
  return {
    bundler: 'rspack',
    swcLoader: 'builtin:swc-loader',
    extractLoader: { loader: rspack.CssExtractRspackPlugin.loader, options: { defaultExport: true } },
    extractPlugin: (filenames) => plugin(new rspack.CssExtractRspackPlugin(filenames)),
    minimizers(minify, context) {
      // swc is built into Rspack: no terser-webpack-plugin around it. terser and esbuild run through it.
      const js =
        minify === 'swc' ? plugin(new rspack.SwcJsMinimizerRspackPlugin()) : jsMinimizer(minify, context);
      return [js, plugin(new rspack.LightningCssMinimizerRspackPlugin())];
    },
    htmlPlugin: () => rspack.HtmlRspackPlugin as unknown as new (options: object) => WebpackPluginInstance,
    cache({ name, version, buildDependencies, context }) {
      if (rspackMajor(rspack) >= 2)
        return { cache: { type: 'persistent', name, version, buildDependencies } as never };
      // 1.x: `cache: true` and the persistent cache as an experiment, one directory per mode.
      return {
        cache: true,
        experiments: {
          cache: {
            type: 'persistent',
            version,
            buildDependencies,
            storage: {
              type: 'filesystem',
              directory: path.join(context, 'node_modules/.cache/rspack', name),
            },
          },
        } as never,
      };
    },
    tsconfig: (file) => ({ tsConfig: { configFile: file } }),
    // Rspack's defaults are .js, .json, .wasm; its `'...'` support differs between versions.
    extensions: (typescript) => ['.jsx', ...(typescript ? ['.ts', '.tsx'] : []), '.js', '.json', '.wasm'],
  };
}
