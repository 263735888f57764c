import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { parse } from 'node-html-parser';
import type { Locator, Page } from 'playwright-core';
import { compile, fixturePath, launchChromium, serveDirectory } from '@packwise/test-utils';
import type { BuildResult } from '@packwise/test-utils';
import { withPackwise } from '@packwise/preset';

// Real app layouts (fixtures/pages/*) built by `withPackwise({ context }, {})` and nothing else: the preset
// finds the page, the entry, public/, Sass, CSS Modules and tsconfig paths by itself. Each fixture is built
// once; the output is checked, then served and clicked through in headless Chromium.

/** An element the page shows, and a computed style that proves a stylesheet reached it. */
interface StyleProbe {
  find(page: Page): Locator;
  property: string;
  value: string;
}

interface Layout {
  name: string;
  /** How the layout is recognised, for the test titles. */
  about: string;
  /** Files of the fixture's public/ (besides the template) that the build copies as they are. */
  publicFiles: string[];
  /** `href`s of the page's `<link rel="icon">` and `<link rel="manifest">`, as the built HTML has them. */
  links: string[];
  /** Template text that must not survive into the built HTML. */
  htmlWithout: string[];
  /** Rules of the built (minified) CSS that show the preprocessor and plain CSS went through. */
  cssRules: RegExp[];
  /** A CSS module: its class as written, a declaration only that class has (minified), and its element. */
  cssModule: { local: string; declaration: string; find(page: Page): Locator };
  /** Text of the first render. */
  home: string;
  homeStyles: StyleProbe[];
  /** Opens the lazy route from the first page. */
  open(page: Page): Promise<void>;
  /** Text only the lazy chunk has, shown once it loaded. */
  lazy: string;
  lazyStyles: StyleProbe[];
  /** The client-side route the lazy page lives at, also loaded directly. */
  lazyPath?: string;
}

const heading = (name: string) => (page: Page) => page.getByRole('heading', { name, exact: true });
/** The element that holds the heading (a card, a section). */
const around = (name: string) => (page: Page) => heading(name)(page).locator('..');
const button = (name: string) => (page: Page) => page.getByRole('button', { name, exact: true }).click();

const layouts: Layout[] = [
  {
    name: 'vite',
    about: 'root index.html names /src/main.jsx; SCSS with a partial; CSS modules',
    publicFiles: ['favicon.svg', 'robots.txt'],
    links: ['/favicon.svg'],
    htmlWithout: ['/src/main.jsx'],
    cssRules: [/\.app-title\{[^}]*color:#0b7a75/, /body\{[^}]*background:#f7f9fb/],
    cssModule: { local: 'card', declaration: 'border:3px solid #0b7a75', find: around('Weekly summary') },
    home: 'Vite layout home',
    homeStyles: [
      // _variables.scss's $brand, through `@use` and `&-title` nesting.
      { find: heading('Vite layout home'), property: 'color', value: 'rgb(11, 122, 117)' },
      // Card.module.scss, imported as `{ card }`.
      { find: around('Weekly summary'), property: 'border-top-color', value: 'rgb(11, 122, 117)' },
      { find: around('Weekly summary'), property: 'border-top-width', value: '3px' },
    ],
    open: button('Open reports'),
    lazy: 'Reports loaded',
    // Reports.module.css (`import * as styles`), in the lazy chunk's CSS.
    lazyStyles: [
      { find: around('Reports loaded'), property: 'background-color', value: 'rgb(253, 246, 227)' },
    ],
  },
  {
    name: 'cra',
    about: 'public/index.html with %PUBLIC_URL%; JSX in src/index.js; react-router',
    publicFiles: ['favicon.ico', 'manifest.json'],
    links: ['/favicon.ico', '/manifest.json'],
    htmlWithout: ['%PUBLIC_URL%'],
    cssRules: [/\.App-header\{[^}]*background-color:#282c34/],
    cssModule: {
      local: 'banner',
      declaration: 'border-left:4px solid #61dafb',
      find: (page) => page.getByText('Welcome to the CRA layout'),
    },
    home: 'CRA layout home',
    homeStyles: [
      { find: (page) => page.locator('header'), property: 'background-color', value: 'rgb(40, 44, 52)' },
      {
        find: (page) => page.getByText('Welcome to the CRA layout'),
        property: 'color',
        value: 'rgb(29, 78, 216)',
      },
    ],
    open: (page) => page.getByRole('link', { name: 'Profile', exact: true }).click(),
    lazy: 'Profile loaded',
    lazyStyles: [],
    lazyPath: '/profile',
  },
  {
    name: 'typescript',
    about: 'src/index.html; .tsx through tsconfig paths (@/*)',
    publicFiles: [],
    links: [],
    htmlWithout: [],
    cssRules: [/body\{[^}]*font-family:system-ui,sans-serif/],
    cssModule: {
      local: 'greeting',
      declaration: 'border-bottom:5px solid #7c3aed',
      find: heading('Hello from the TypeScript layout'),
    },
    home: 'Hello from the TypeScript layout',
    homeStyles: [
      { find: heading('Hello from the TypeScript layout'), property: 'color', value: 'rgb(124, 58, 237)' },
    ],
    open: button('Open settings'),
    lazy: 'Settings loaded',
    // The lazy page renders @/components/Hello too.
    lazyStyles: [
      { find: heading('Hello from the settings page'), property: 'border-bottom-width', value: '5px' },
    ],
  },
];

/** Size and hash of a file, to compare bytes without printing them. */
const fingerprint = (content: Buffer) =>
  `${content.length} bytes, sha256 ${createHash('sha256').update(content).digest('hex').slice(0, 16)}`;
const names = (build: BuildResult) => [...build.files.keys()];
const mainScript = (build: BuildResult) => names(build).find((name) => /^main\.[0-9a-f]{8,}\.js$/.test(name));

/** Every emitted stylesheet, and the `<style>` elements the HTML inlined, as one text. */
function builtCss(build: BuildResult): string {
  const files = names(build).filter((name) => name.endsWith('.css'));
  const inlined = parse(build.text('index.html'))
    .querySelectorAll('style')
    .map((style) => style.text);
  return [...files.map((name) => build.text(name)), ...inlined].join('\n');
}

/** The class the build gave a CSS module's rule, found by a declaration only that rule has. */
function moduleClass(css: string, declaration: string): string | undefined {
  const escaped = declaration.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\.([\\w-]+)\\{[^}]*${escaped}`).exec(css)?.[1];
}

/** Starts recording what goes wrong in the page: console errors, page errors, CSP violations, bad requests. */
async function recordProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    // serveDirectory answers a missing file with index.html (for client routes): a subresource that comes
    // back as HTML was never emitted.
    else if (response.request().resourceType() !== 'document' && type.startsWith('text/html'))
      problems.push(`not emitted (index.html served instead): ${response.url()}`);
  });
  // A string, so it runs in the page without DOM types here.
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (event) => " +
      'console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));',
  });
  return problems;
}

/** Serves the build, runs `visit` in a fresh headless Chromium page, and returns the page's problems. */
async function browse(outputDir: string, visit: (page: Page, origin: string) => Promise<void>) {
  const server = await serveDirectory(outputDir);
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage();
    const problems = await recordProblems(page);
    try {
      await visit(page, server.url);
      await page.waitForLoadState('networkidle');
    } catch (error) {
      // A text that never shows up is usually explained by what failed on the way.
      if (problems.length === 0) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n\nProblems in the page:\n${problems.join('\n')}`, { cause: error });
    }
    return problems;
  } finally {
    await chromium.close();
    await server.close();
  }
}

const computedStyle = (locator: Locator, property: string) =>
  locator.evaluate(
    (element, name) => element.ownerDocument.defaultView?.getComputedStyle(element).getPropertyValue(name),
    property,
  );

async function expectStyles(page: Page, probes: StyleProbe[]): Promise<void> {
  for (const probe of probes) {
    const value = await computedStyle(probe.find(page), probe.property);
    expect({ [probe.property]: value }).toEqual({ [probe.property]: probe.value });
  }
}

const showsText = (page: Page, text: string) => page.getByText(text).first().waitFor({ timeout: 30_000 });

describe.each(layouts)('fixtures/pages/$name ($about) with withPackwise({ context }, {})', (layout) => {
  const dir = fixturePath('pages', layout.name);
  let build: BuildResult;
  beforeAll(async () => {
    build = await compile(withPackwise({ context: dir }, {}));
  }, 180_000);

  it('builds without errors or warnings: hashed main script, .gz/.br siblings, runtime inlined', () => {
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    const main = mainScript(build);
    expect(main).toBeDefined();
    expect(names(build)).toEqual(expect.arrayContaining([`${main}.gz`, `${main}.br`]));
    const scripts = names(build).filter((name) => name.endsWith('.js'));
    expect(scripts.filter((name) => !/\.[0-9a-f]{8,}\.js$/.test(name))).toEqual([]);
    expect(scripts.some((name) => name.startsWith('runtime.'))).toBe(false);
    const html = parse(build.text('index.html'));
    expect(html.querySelectorAll('script:not([src])').map((script) => script.text)).toEqual([
      expect.stringContaining('webpackChunk'),
    ]);
  });

  it('turns its page template into the one index.html, loading the built main script', () => {
    expect(names(build).filter((name) => name.endsWith('.html'))).toEqual(['index.html']);
    const text = build.text('index.html');
    for (const leftover of layout.htmlWithout) expect(text).not.toContain(leftover);
    const html = parse(text);
    expect(html.querySelector('#root')).not.toBeNull();
    const sources = html.querySelectorAll('script[src]').map((script) => script.getAttribute('src') ?? '');
    expect(sources.map((src) => path.posix.basename(src))).toContain(mainScript(build));
    const links = html
      .querySelectorAll('link[rel~="icon"], link[rel="manifest"]')
      .map((link) => link.getAttribute('href'));
    expect(links).toEqual(layout.links);
  });

  if (layout.publicFiles.length > 0) {
    it('copies public/ as it is (the template only as index.html)', async () => {
      for (const file of layout.publicFiles) {
        expect({ [file]: fingerprint(build.read(file)) }).toEqual({
          [file]: fingerprint(await readFile(path.join(dir, 'public', file))),
        });
      }
    });
  }

  it('puts the lazy route in a chunk of its own', () => {
    const holders = names(build).filter(
      (name) => name.endsWith('.js') && build.text(name).includes(layout.lazy),
    );
    expect(holders).toHaveLength(1);
    expect(holders).not.toContain(mainScript(build));
  });

  it('compiles the styles: preprocessed rules, and CSS modules under built class names', () => {
    const css = builtCss(build);
    for (const rule of layout.cssRules) expect(css).toMatch(rule);
    expect(css).not.toMatch(/\$[\w-]+|@use\b|&-/);
    const built = moduleClass(css, layout.cssModule.declaration);
    expect(built).toBeDefined();
    expect(built).not.toBe(layout.cssModule.local);
    expect(css).not.toMatch(new RegExp(`\\.${layout.cssModule.local}(?![\\w-])`));
  });

  it('renders in headless Chromium, styled, and loads the lazy route without a single error', async () => {
    const css = builtCss(build);
    const problems = await browse(build.outputDir, async (page, origin) => {
      await page.goto(`${origin}/`);
      await showsText(page, layout.home);
      await expectStyles(page, layout.homeStyles);
      const classes = (await layout.cssModule.find(page).getAttribute('class'))?.split(/\s+/);
      expect(classes).toContain(moduleClass(css, layout.cssModule.declaration));

      await layout.open(page);
      await showsText(page, layout.lazy);
      await expectStyles(page, layout.lazyStyles);
      if (layout.lazyPath) expect(new URL(page.url()).pathname).toBe(layout.lazyPath);

      // The icon and manifest the page links to are the public/ files, not the index.html fallback.
      for (const href of layout.links) {
        const response = await page.request.get(new URL(href, page.url()).href);
        expect({ [href]: fingerprint(await response.body()) }).toEqual({
          [href]: fingerprint(await readFile(path.join(dir, 'public', path.basename(href)))),
        });
      }

      if (layout.lazyPath) {
        // Opened directly, the client route loads its chunks from the public path too.
        await page.goto(`${origin}${layout.lazyPath}`);
        await showsText(page, layout.lazy);
      }
    });
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('fixtures/pages/typescript with your own HtmlWebpackPlugin and a CSP meta tag', () => {
  const dir = fixturePath('pages', 'typescript');
  const layout = layouts.find((candidate) => candidate.name === 'typescript')!;
  let build: BuildResult;
  beforeAll(async () => {
    const title = 'Own page';
    build = await compile(
      withPackwise(
        { context: dir, plugins: [new HtmlWebpackPlugin({ template: 'src/index.html', title })] },
        // `html: false`: the preset makes no page of its own, so only the user's plugin does.
        { html: false, inline: { html: { csp: { meta: true } } } },
      ),
    );
  }, 180_000);

  it('keeps the preset inlining the runtime into that page, under a CSP without unsafe-inline', () => {
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    expect(names(build).some((name) => name.startsWith('runtime.'))).toBe(false);
    const html = parse(build.text('index.html'));
    expect(html.querySelectorAll('script:not([src])').map((script) => script.text)).toEqual([
      expect.stringContaining('webpackChunk'),
    ]);
    const csp = html.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp ?? 'no CSP meta tag').toMatch(/script-src 'self' 'sha(256|384|512)-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('renders and loads the lazy route in Chromium with no CSP violation', async () => {
    const problems = await browse(build.outputDir, async (page, origin) => {
      await page.goto(`${origin}/`);
      await showsText(page, layout.home);
      await layout.open(page);
      await showsText(page, layout.lazy);
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
