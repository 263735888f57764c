import { caddyDictionaryRoutes, nginxDictionaryMaps, parseManifest, serve } from '@packwise/serve';
import { removeDir, tempDir, writeFiles } from './helpers';

const OLD = 'ab'.repeat(32);
const OLD_BASE64 = Buffer.from(OLD, 'hex').toString('base64');
const manifest = parseManifest({
  publicPath: '/app/',
  assets: {
    'js/main.1a2b3c4d.js': {
      encodings: { brotli: { file: 'js/main.1a2b3c4d.js.br' } },
      dictionary: { match: '/app/js/main.*.js' },
      deltas: [
        { encoding: 'dcb', file: 'js/main.1a2b3c4d.js.dcb', dictionary: OLD },
        { encoding: 'dcz', file: 'js/main.1a2b3c4d.js.dcz', dictionary: OLD },
      ],
    },
    'css/main.5e6f7a8b.css': {
      encodings: {},
      deltas: [{ encoding: 'dcz', file: 'css/main.5e6f7a8b.css.dcz', dictionary: 'cd'.repeat(32) }],
    },
    'robots.txt': { encodings: {} },
  },
});

describe('nginxDictionaryMaps', () => {
  const text = nginxDictionaryMaps(manifest);

  it('maps each original and Available-Dictionary to one delta, dcz before dcb', () => {
    expect(text).toContain(
      `  "/app/js/main.1a2b3c4d.js|:${OLD_BASE64}:" "dcz /app/js/main.1a2b3c4d.js.dcz";\n`,
    );
    expect(text).not.toContain('.dcb');
    expect(text).toContain('"/app/css/main.5e6f7a8b.css|:');
  });

  it("gives each delta its original's Content-Type and each dictionary its Use-As-Dictionary", () => {
    expect(text).toContain('  "/app/js/main.1a2b3c4d.js" "text/javascript; charset=utf-8";\n');
    expect(text).toContain('  "/app/css/main.5e6f7a8b.css" "text/css; charset=utf-8";\n');
    expect(text).toContain('  "/app/js/main.1a2b3c4d.js" "match=\\"/app/js/main.*.js\\"";\n');
    expect(text).not.toContain('robots');
  });

  it('writes three map blocks with defaults', () => {
    expect(text.match(/^map .* \{\n {2}default "";$/gm)).toHaveLength(3);
  });
});

describe('caddyDictionaryRoutes', () => {
  const text = caddyDictionaryRoutes(manifest);

  it('routes each delta by path, Available-Dictionary and an Accept-Encoding that names its coding', () => {
    expect(text.match(/^handle @packwise_delta_\d+ \{$/gm)).toHaveLength(3);
    expect(text).toContain(`\theader Available-Dictionary ":${OLD_BASE64}:"\n`);
    expect(text).toContain('\trewrite * "/app/js/main.1a2b3c4d.js.dcb"\n\theader Content-Type');
    expect(text).toContain('\theader Content-Encoding dcb\n');
    expect(text).toContain(
      '\theader Content-Type "text/css; charset=utf-8"\n\theader Content-Encoding dcz\n',
    );
  });

  it("matches Accept-Encoding the way the handler does (q > 0, any case, not through '*')", () => {
    const pattern = /header_regexp Accept-Encoding \(\?i\)(\S*dcz\S*)/.exec(text)?.[1] as string;
    const regexp = new RegExp(pattern, 'i');
    for (const accepted of ['dcz', 'gzip, br, zstd, dcb, dcz', 'br,DCZ', 'dcz;q=0.5, br', 'dcz ; q=1']) {
      expect([accepted, regexp.test(accepted)]).toEqual([accepted, true]);
    }
    for (const refused of ['br, gzip', '*', 'dcz;q=0', 'dcz;q=0.0, br', 'xdcz', 'dczz']) {
      expect([refused, regexp.test(refused)]).toEqual([refused, false]);
    }
  });
});

describe('packwise-serve --print', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await writeFiles(dir, {
      'dist/compress-manifest.json': JSON.stringify({
        assets: { 'a.js': { dictionary: { match: '/a.*.js' } } },
      }),
      'bare/index.html': '',
    });
  });
  afterAll(() => removeDir(dir));

  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await serve({
      argv,
      cwd: dir,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  };

  it('prints the nginx maps and the Caddy routes of the folder', async () => {
    const nginx = await run(['dist', '--print', 'nginx']);
    expect(nginx.code).toBe(0);
    expect(nginx.stdout).toContain('"/a.js" "match=\\"/a.*.js\\"";');
    const caddy = await run(['dist', '--print=caddy']);
    expect(caddy.code).toBe(0);
    expect(caddy.stdout).toContain('header @packwise_dictionary_0 Use-As-Dictionary "match=\\"/a.*.js\\""');
  });

  it('exits 2 without a manifest or for another server', async () => {
    expect(await run(['bare', '--print', 'nginx'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^packwise serve: cannot read the manifest .*compress-manifest\.json/),
    });
    expect(await run(['dist', '--print', 'apache'])).toMatchObject({
      code: 2,
      stderr: 'packwise serve: --print takes nginx or caddy, not "apache"\n',
    });
  });
});
