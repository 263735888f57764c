import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeDcz, sha256 } from '@packwise/core';
import { CompressPlugin } from '@packwise/compress';
import type { CompressPluginOptions } from '@packwise/compress';
import { createHandler } from '@packwise/serve';
import { compile, makeTempDir } from '@packwise/test-utils';
import { decode, request, serveHandler } from './helpers';

// The contract with @packwise/compress: what its real build writes (files and manifest) is what this serves.

const shared = Array.from({ length: 300 }, (_, i) => `export const value${i} = ${JSON.stringify(`v${i}`)};`);

async function build(context: string, edition: string, dictionaries: CompressPluginOptions['dictionaries']) {
  await mkdir(path.join(context, 'src'), { recursive: true });
  await writeFile(
    path.join(context, 'src/shared.js'),
    `${shared.join('\n')}\nexport const edition = "${edition}";\n`,
  );
  await writeFile(
    path.join(context, 'src/index.js'),
    `import * as all from './shared.js';\nconsole.log(all.edition, Object.keys(all).length);\n`,
  );
  const outputDir = await makeTempDir('packwise-serve-build-');
  await compile(
    {
      mode: 'production',
      context,
      entry: { main: './src/index.js' },
      output: { path: outputDir, publicPath: '/', filename: '[name].[contenthash:8].js' },
      optimization: { minimize: false },
      infrastructureLogging: { level: 'error' },
      plugins: [new CompressPlugin({ threshold: 0, algorithms: ['gzip', 'brotli', 'zstd'], dictionaries })],
    },
    { outputDir },
  );
  const manifest = JSON.parse(await readFile(path.join(outputDir, 'compress-manifest.json'), 'utf8')) as {
    assets: Record<string, unknown>;
  };
  const main = Object.keys(manifest.assets).find((name) => /^main\.[0-9a-f]{8}\.js$/.test(name)) as string;
  return { outputDir, main, bytes: await readFile(path.join(outputDir, main)) };
}

describe('a build of @packwise/compress with dictionaries', () => {
  it('is served with each encoding, and as a dcz delta to a browser holding the previous main', async () => {
    const context = await makeTempDir('packwise-serve-src-');
    const v1 = await build(context, 'first', { previous: [] });
    const v2 = await build(context, 'second', { previous: v1.outputDir });
    const server = await serveHandler(createHandler({ root: v2.outputDir }));
    try {
      const url = `/${v2.main}`;
      for (const [accept, coding] of [
        ['gzip', 'gzip'],
        ['gzip, br', 'br'],
        ['zstd', 'zstd'],
        // brotli 11 writes this script smaller than zstd 19: the smaller one goes.
        ['gzip, br, zstd', 'br'],
      ]) {
        const reply = await request(server.port, url, { headers: { 'Accept-Encoding': accept as string } });
        expect([accept, reply.headers['content-encoding']]).toEqual([accept, coding]);
        expect(await decode(reply)).toEqual(v2.bytes);
        expect(reply.headers['use-as-dictionary']).toMatch(/^match="\/main\.\*\.js"$/);
      }
      const delta = await request(server.port, url, {
        headers: {
          'Accept-Encoding': 'gzip, br, zstd, dcb, dcz',
          'Available-Dictionary': `:${sha256(v1.bytes).toString('base64')}:`,
        },
      });
      expect(delta.headers['content-encoding']).toBe('dcz');
      expect(await decodeDcz(delta.body, v1.bytes)).toEqual(v2.bytes);
    } finally {
      await server.close();
    }
  });
});
