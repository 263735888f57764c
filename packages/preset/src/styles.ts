import type { RuleSetRule, RuleSetUseItem } from 'webpack';
import type { Project } from './project';
import { loader } from './scripts';
import { webpackToolchain } from './toolchain-webpack';

const CSS = /\.css$/i;
const SASS = /\.s[ac]ss$/i;

/** The Sass packages, the one the preset prefers first; sass-embedded 1.105.0 is the last whose lockfile installs everywhere. */
export const SASS_PACKAGES = ['sass-embedded', 'sass'];

/**
 * css-loader: CSS Modules for `*.module.*` files (css-loader's `auto`), with named exports as webpack's own
 * CSS modules have them, and class names readable in development.
 */
function cssLoader(importLoaders: number, development: boolean): RuleSetUseItem {
  return {
    loader: loader('css-loader'),
    options: {
      importLoaders,
      modules: {
        auto: true,
        namedExport: true,
        localIdentName: development ? '[path][name]__[local]' : '[hash:base64]',
      },
    },
  };
}

/** sass-loader with the project's compiler, or a loader that fails naming the package to install. */
function sassLoader(project: Project): RuleSetUseItem {
  if (!project.sass)
    return {
      loader: require.resolve('./loaders/missing-sass'),
      options: { packages: SASS_PACKAGES },
    };
  return {
    loader: loader('sass-loader'),
    // The modern compiler API keeps one compiler for the whole build (the legacy API starts one per file).
    options: { implementation: project.sass, api: 'modern-compiler' },
  };
}

/**
 * The `styles` rule: `.css` and `.scss`/`.sass`, each through the style loader (style tags in development,
 * extracted files in production: `extractLoader`), css-loader and (with a
 * PostCSS config) postcss-loader, Sass files through sass-loader first.
 */
export function stylesRule(
  project: Project,
  development: boolean,
  extractLoader: RuleSetUseItem = webpackToolchain.extractLoader,
): RuleSetRule {
  const postcss = project.postcssConfig ? [{ loader: loader('postcss-loader') }] : [];
  const chain = (sass: boolean): RuleSetUseItem[] => [
    development ? { loader: loader('style-loader') } : extractLoader,
    cssLoader(postcss.length + (sass ? 1 : 0), development),
    ...postcss,
    ...(sass ? [sassLoader(project)] : []),
  ];
  return {
    test: /\.(?:css|s[ac]ss)$/i,
    oneOf: [
      { test: SASS, use: chain(true) },
      { test: CSS, use: chain(false) },
    ],
  };
}
