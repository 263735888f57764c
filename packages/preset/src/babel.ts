import type { Project } from './project';

type PresetItem = string | [string, Record<string, unknown>];

const preset = (name: string) => require.resolve(name);

/** Presets for a project without a babel config of its own, from its dependencies and files. */
export function detectedPresets(project: Project): PresetItem[] {
  const presets: PresetItem[] = [preset('@babel/preset-env')];
  const { dependencies } = project;
  if (dependencies.has('react')) {
    presets.push([preset('@babel/preset-react'), { runtime: 'automatic' }]);
  } else if (dependencies.has('preact')) {
    presets.push([preset('@babel/preset-react'), { runtime: 'automatic', importSource: 'preact' }]);
  }
  if (project.typescript) presets.push(preset('@babel/preset-typescript'));
  return presets;
}

/**
 * babel-loader's options. `root` is the project, so babel finds its config and browserslist there (not in
 * the directory webpack was started from). With a babel config of its own the project's config is used as
 * it is; without, the detected presets, and no config file is read.
 */
export function babelOptions(project: Project, cacheDirectory: boolean | string): Record<string, unknown> {
  const common = { cacheDirectory, root: project.context };
  if (project.babelConfig) return common;
  return { ...common, configFile: false, babelrc: false, presets: detectedPresets(project) };
}
