import { compressDcz, sha256 } from '@packwise/core';
import { createHandler } from '@packwise/serve';
import { visitTwice } from '@packwise/test-utils';
import { brotli, removeDir, tempDir, writeFiles } from './helpers';

/** A script that renders its version into the page; both versions share almost every byte. */
function script(version: string): Buffer {
  const body = Array.from({ length: 300 }, (_, i) => `function part${i}(x) { return x * ${i} + ${i % 7}; }`);
  return Buffer.from(`${body.join('\n')}\ndocument.title = ${JSON.stringify(version)};\n`);
}

/** One release: index.html, a hashed script with brotli and, from version 2 on, a dcz delta from the last one. */
async function release(version: string, hash: string, previous?: { name: string; bytes: Buffer }) {
  const root = await tempDir();
  const name = `static/main.${hash}.js`;
  const bytes = script(version);
  const delta = previous && (await compressDcz(bytes, previous.bytes));
  await writeFiles(root, {
    'index.html': `<!doctype html><html><head><script src="/${name}"></script></head><body></body></html>`,
    [name]: bytes,
    [`${name}.br`]: brotli(bytes),
    ...(delta ? { [`${name}.dcz`]: delta } : {}),
    'compress-manifest.json': JSON.stringify({
      publicPath: '/',
      assets: {
        [name]: {
          encodings: { brotli: { file: `${name}.br` } },
          dictionary: { match: '/static/main.*.js', sha256: sha256(bytes).toString('hex') },
          ...(previous && delta
            ? {
                deltas: [
                  {
                    encoding: 'dcz',
                    file: `${name}.dcz`,
                    dictionary: sha256(previous.bytes).toString('hex'),
                    previous: previous.name,
                  },
                ],
              }
            : {}),
        },
      },
    }),
  });
  return { root, name, bytes };
}

describe('in Chromium', () => {
  it('a returning visitor gets the new script as a dcz delta of the one it has, and runs it', async () => {
    const v1 = await release('v1', '11111111');
    const v2 = await release('v2', '22222222', { name: v1.name, bytes: v1.bytes });
    try {
      const { first, returning, errors } = await visitTwice({
        versions: [v1.root, v2.root],
        paths: ['/'],
        serve: (root) => createHandler({ root }),
        ready: async (page) => {
          // Only the script sets the title: a body that failed to decode would never run.
          await page.waitForFunction('/^v[12]$/.test(document.title)');
        },
      });
      expect(errors).toEqual([]);
      const firstScript = first.find((response) => response.url.endsWith(v1.name));
      expect(firstScript).toMatchObject({ status: 200, contentEncoding: 'br' });
      const script2 = returning.find((response) => response.url.endsWith(v2.name));
      expect(script2).toMatchObject({
        status: 200,
        contentEncoding: 'dcz',
        availableDictionary: `:${sha256(v1.bytes).toString('base64')}:`,
      });
      // The delta is a small part of what brotli would have sent.
      expect(script2?.bodyBytes).toBeLessThan(brotli(v2.bytes).length / 4);
    } finally {
      await removeDir(v1.root);
      await removeDir(v2.root);
    }
  });
});
