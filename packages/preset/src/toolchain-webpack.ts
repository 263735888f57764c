/* eslint-disable @typescript-eslint/no-require-imports -- plugins load only in the mode that uses them */
import type HtmlWebpackPlugin from 'html-webpack-plugin';
import type MiniCssExtractPluginClass from 'mini-css-extract-plugin';
import { minimizers } from './minimizers';
import { loader } from './scripts';
import type { Toolchain } from './toolchain';
import { trusted } from './trusted';

/** webpack 5: swc-loader, mini-css-extract-plugin, terser-webpack-plugin + cssnano, html-webpack-plugin. */
export const webpackToolchain: Toolchain = {
  bundler: 'webpack',
  get swcLoader() {
    return loader('swc-loader');
  },
  // Named exports (`import { card } from './Card.module.css'`) and a default export of every class, as
  // create-react-app code imports them.
  get extractLoader() {
    return {
      loader: require.resolve('mini-css-extract-plugin/dist/loader.js'),
      options: { defaultExport: true },
    };
  },
  extractPlugin(filenames) {
    const MiniCssExtractPlugin = require('mini-css-extract-plugin') as typeof MiniCssExtractPluginClass;
    return trusted(() => new MiniCssExtractPlugin(filenames));
  },
  minimizers,
  htmlPlugin: () => require('html-webpack-plugin') as typeof HtmlWebpackPlugin,
  cache: ({ name, version, buildDependencies }) => ({
    cache: { type: 'filesystem', name, version, buildDependencies: { config: buildDependencies } },
  }),
  tsconfig: (file) => ({ tsconfig: file }),
  extensions: (typescript) => ['.jsx', ...(typescript ? ['.ts', '.tsx'] : []), '...'],
};
