import type { Configuration } from 'webpack';
import { resolveFeatures } from '../features';
import type { Features } from '../features';
import { htmlOptions } from '../html';
import { generatesPage, presetConfig } from '../with-packwise';
import type { Composition } from './record';

/** Which layer set a value: `webpack default`, `preset`, `packwise <feature>` or `user`. */
export type Layer = string;
export type Path = (string | number)[];

/** A feature's name in the options of withPackwise, for each key of `Features`. */
const FEATURE_NAMES: Record<keyof Features, string> = {
  vendorChunks: 'vendorChunks',
  inlineAssets: 'inline',
  inlineHtml: 'inline',
  compress: 'compress',
  budgets: 'budgets',
};

/** The preset's layers, each recomputed on its own: the preset with every feature off, then each feature. */
export interface Layers {
  user: Configuration;
  preset: Configuration;
  features: { layer: Layer; config: Configuration }[];
  /** The arguments the preset passed to each packwise plugin it created, by class name. */
  pluginArguments: Map<string, unknown>;
  /** The plugin instances of the user's config. */
  userPlugins: Set<unknown>;
}

export function computeLayers({ userConfig, options, project, facts }: Composition): Layers {
  const html = htmlOptions(options, project);
  const features = resolveFeatures(options, project, generatesPage(options, project, userConfig));
  const noHtml = { ...options, html: false };
  const layers: Layers['features'] = [];
  if (html) layers.push({ layer: 'packwise html', config: presetConfig(project, options, {}, facts) });
  for (const key of Object.keys(FEATURE_NAMES) as (keyof Features)[]) {
    if (!features[key]) continue;
    layers.push({
      layer: `packwise ${FEATURE_NAMES[key]}`,
      config: presetConfig(project, noHtml, { [key]: features[key] }, facts),
    });
  }
  const pluginArguments = new Map<string, unknown>([
    ['VendorChunksPlugin', features.vendorChunks],
    ['InlineAssetsPlugin', features.inlineAssets],
    ['InlineHtmlPlugin', features.inlineHtml],
    ['CompressPlugin', features.compress],
    ['BudgetsPlugin', features.budgets],
  ]);
  return {
    user: userConfig,
    preset: presetConfig(project, noHtml, {}, facts),
    features: layers,
    pluginArguments,
    userPlugins: new Set([...(userConfig.plugins ?? []), ...(userConfig.optimization?.minimizer ?? [])]),
  };
}

function get(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Labels values of the final config by the layer that set them; `key` identifies a value for comparing. */
export class Provenance {
  constructor(
    private readonly layers: Layers | undefined,
    private readonly key: (value: unknown) => string,
  ) {}

  /** A value at an object path: the user's when their config has it (merged last), else the first layer with it. */
  leaf(path: Path, value: unknown): Layer {
    if (!this.layers) return 'user';
    if (get(this.layers.user, path) !== undefined) return 'user';
    const key = this.key(value);
    const same = (config: Configuration) => {
      const found = get(config, path);
      return found !== undefined && this.key(found) === key;
    };
    if (same(this.layers.preset)) return 'preset';
    return this.layers.features.find((feature) => same(feature.config))?.layer ?? 'preset';
  }

  /** An element of the array at `path`: the user's when their array has it, else the first layer with it. */
  element(path: Path, value: unknown): Layer {
    if (!this.layers) return 'user';
    const inArray = (config: Configuration, identity: boolean) => {
      const array = get(config, path);
      if (!Array.isArray(array)) return false;
      if (array.includes(value)) return true;
      if (identity) return false;
      const key = this.id(value);
      return array.some((item) => this.id(item) === key);
    };
    // The user's plugins are compared by identity (webpack-merge keeps instances), their other values by key.
    if (this.layers.userPlugins.has(value) || inArray(this.layers.user, isInstance(value))) return 'user';
    if (inArray(this.layers.preset, false)) return 'preset';
    return this.layers.features.find((feature) => inArray(feature.config, false))?.layer ?? 'preset';
  }

  /** The arguments the preset passed to a plugin it created; `undefined` for the user's plugins. */
  presetArguments(plugin: object): unknown {
    if (!this.layers || this.layers.userPlugins.has(plugin)) return undefined;
    return this.layers.pluginArguments.get((plugin.constructor as { name?: string }).name ?? '');
  }

  /** Plugin instances match by class (the preset's layers made instances of their own). */
  private id(value: unknown): string {
    return isInstance(value) ? `new ${(value.constructor as { name?: string }).name}` : this.key(value);
  }
}

/** An object made by a class (a plugin), not a plain object, array, RegExp or function. */
export function isInstance(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof RegExp)
    return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto !== null && proto !== Object.prototype;
}
