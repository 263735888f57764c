import path from 'node:path';
import type { Configuration } from 'webpack';
import { fixturePath } from '@packwise/test-utils';
import { withPackwise } from '@packwise/preset';
import rspackPreset, { withPackwise as withPackwiseForRspack } from '@packwise/preset/rspack';

// Which config `bundler` gives, without building (the builds are in test/bundlers/preset.test.ts).

const appDir = fixturePath('example-app');
const user: Configuration = { context: appDir, entry: { main: path.join(appDir, 'src/index.jsx') } };
const pluginNames = (config: Configuration) =>
  (config.plugins ?? []).map((plugin) => plugin?.constructor.name);

describe('the bundler option', () => {
  it("@packwise/preset/rspack is withPackwise with bundler: 'rspack', resolving the project's @rspack/core", () => {
    expect(rspackPreset).toBe(withPackwiseForRspack);
    const config = withPackwiseForRspack(user);
    expect(pluginNames(config)).toEqual(
      expect.arrayContaining(['HtmlRspackPlugin', 'CssExtractRspackPlugin']),
    );
    // Rspack 2.x (the root devDependency): its own persistent cache, no experiments.
    expect(config.cache).toEqual(
      expect.objectContaining({ type: 'persistent', name: 'packwise-production' }),
    );
    expect(config.experiments).toBeUndefined();
  });

  it('keeps webpack unless told, and the user config and packwise features apply to both', () => {
    for (const config of [withPackwise(user), withPackwise(user, { bundler: 'rspack' })]) {
      expect(pluginNames(config)).toEqual(expect.arrayContaining(['VendorChunksPlugin', 'CompressPlugin']));
      expect(config.entry).toEqual(user.entry);
    }
    expect(pluginNames(withPackwise(user))).toContain('HtmlWebpackPlugin');
  });

  it('puts the persistent cache under experiments on Rspack 1.7', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = withPackwise(user, { bundler: 'rspack', rspack: require('rspack-core-v1') });
    expect(config.cache).toBe(true);
    expect(config.experiments).toEqual({
      cache: expect.objectContaining({
        type: 'persistent',
        storage: {
          type: 'filesystem',
          directory: path.join(appDir, 'node_modules/.cache/rspack/packwise-production'),
        },
      }),
    });
  });

  it('says what is wrong with an unknown bundler or a module that is not @rspack/core', () => {
    expect(() => withPackwise(user, { bundler: 'vite' as 'rspack' })).toThrow(
      "@packwise/preset: bundler must be 'webpack' or 'rspack', got \"vite\"",
    );
    expect(() => withPackwise(user, { bundler: 'rspack', rspack: {} })).toThrow(
      "@packwise/preset: options.rspack must be the @rspack/core module (require('@rspack/core'))",
    );
  });
});
