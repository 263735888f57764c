import type { RuleSetRule, RuleSetUseItem } from 'webpack';
import { babelOptions } from './babel';
import type { PackwiseOptions } from './options';
import { resolveFromProject } from './project';
import type { Project } from './project';

/** Loaders resolve from the preset's own dependencies, so a project need not install them. */
export const loader = (name: string) => require.resolve(name);

const JS = /\.(?:m?js|jsx)$/;
const TS = /\.(?:mts|cts|ts)$/;
const TSX = /\.tsx$/;

/** Which JSX runtime the project's framework needs (`undefined`: no React-like dependency). */
function jsxImportSource(project: Project): string | undefined {
  if (project.dependencies.has('react')) return 'react';
  if (project.dependencies.has('preact')) return 'preact';
  return undefined;
}

/** React Fast Refresh: development, a React app, and `react-refresh` installed. */
export const usesReactRefresh = (project: Project, development: boolean) =>
  development && project.reactRefresh && project.dependencies.has('react');

/**
 * swc-loader's options for one syntax. Targets are the project's browserslist (what babel's preset-env
 * reads), so both compile for the same browsers; without one swc's default (ES5) matches preset-env's.
 */
function swcOptions(project: Project, syntax: 'js' | 'ts' | 'tsx', development: boolean) {
  const importSource = jsxImportSource(project);
  return {
    jsc: {
      parser:
        syntax === 'js'
          ? { syntax: 'ecmascript', jsx: true }
          : { syntax: 'typescript', tsx: syntax === 'tsx' },
      transform: importSource
        ? {
            react: {
              runtime: 'automatic',
              importSource,
              development,
              refresh: usesReactRefresh(project, development),
            },
          }
        : undefined,
    },
    ...(project.browserslist ? { env: { targets: project.browserslist } } : {}),
    sourceMaps: development,
  };
}

function swcRule(project: Project, development: boolean, swcLoader: string): RuleSetRule {
  const use = (syntax: 'js' | 'ts' | 'tsx'): RuleSetUseItem => ({
    loader: swcLoader,
    options: swcOptions(project, syntax, development),
  });
  return {
    test: project.typescript ? /\.(?:m?js|jsx|[mc]?ts|tsx)$/ : JS,
    exclude: /node_modules/,
    oneOf: [
      ...(project.typescript
        ? [
            { test: TSX, use: use('tsx') },
            { test: TS, use: use('ts') },
          ]
        : []),
      { use: use('js') },
    ],
  };
}

function babelRule(project: Project, options: PackwiseOptions, development: boolean): RuleSetRule {
  const refresh = usesReactRefresh(project, development);
  const babel = babelOptions(project, options.babelCacheDirectory ?? true);
  return {
    test: project.typescript ? /\.(?:m?js|jsx|[mc]?ts|tsx)$/ : JS,
    exclude: /node_modules/,
    use: {
      loader: loader('babel-loader'),
      options: refresh
        ? { ...babel, plugins: [resolveFromProject('react-refresh/babel', project.context)] }
        : babel,
    },
  };
}

/**
 * The `scripts` rule: babel-loader with the project's own babel config, else swc-loader (about 10× faster
 * than babel on the same files) with the JSX runtime and browserslist targets babel would have used.
 * `transpiler` forces one. On Rspack swc is its `builtin:swc-loader`, with the same options.
 */
export function scriptsRule(
  project: Project,
  options: PackwiseOptions,
  development: boolean,
  swcLoader: string,
): RuleSetRule {
  const transpiler = options.transpiler ?? (project.babelConfig ? 'babel' : 'swc');
  return transpiler === 'babel'
    ? babelRule(project, options, development)
    : swcRule(project, development, swcLoader);
}
