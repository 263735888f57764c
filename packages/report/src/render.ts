import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT } from './client';
import type { ReportModel } from './model';
import { STYLE } from './style';

let d3Source: string | undefined;

/** d3-hierarchy's UMD build (it defines `window.d3`), inlined so that the page loads nothing. */
function d3Hierarchy(): string {
  if (d3Source === undefined) {
    // The package's `exports` hides dist/ from require.resolve: resolve its entry and walk to the file.
    const entry = require.resolve('d3-hierarchy');
    const root = entry.slice(
      0,
      entry.lastIndexOf(`${path.sep}d3-hierarchy${path.sep}`) + '/d3-hierarchy/'.length,
    );
    d3Source = readFileSync(path.join(root, 'dist', 'd3-hierarchy.min.js'), 'utf8');
  }
  return d3Source;
}

/** JSON safe inside a `<script>`: every `<` escaped (no `</script>`, no `<!--`), and the JS line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Our own code inside `<script>`: it must not contain the closing tag. */
const inlineScript = (code: string) => code.replace(/<\/script/gi, '<\\/script');

const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface RenderOptions {
  /** The page title. @default 'packwise report' */
  title?: string;
}

/**
 * One self-contained HTML page: inline CSS, d3-hierarchy and the page's script, the model as JSON. It makes no
 * request and works from file://. Names from the build are only ever set as text in the page.
 */
export function renderReportHtml(model: ReportModel, options: RenderOptions = {}): string {
  const title = escapeText(options.title ?? 'packwise report');
  const tab = (id: string, label: string) =>
    `<button type="button" role="tab" id="tab-${id}" aria-controls="view-${id}" aria-selected="false">${label}</button>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<nav role="tablist" aria-label="Views">${tab('treemap', 'Treemap')}${tab('routes', 'Routes')}${tab('duplicates', 'Duplicates')}${tab('budgets', 'Budgets')}${tab('diff', 'Diff')}${tab('table', 'Table view')}</nav>
<label>Size <select id="metric"><option value="brotli">brotli</option><option value="gzip">gzip</option><option value="raw">raw</option></select></label>
<label>Search <input id="search" type="search" placeholder="module or package" autocomplete="off"></label>
</header>
<main>
<section aria-label="Report">
<p id="summary" class="summary"></p>
<ul id="results" class="results" aria-live="polite"></ul>
<div id="view-treemap" role="tabpanel" aria-labelledby="tab-treemap">
<div class="crumbs" id="crumbs"></div>
<div class="legend"><span><i style="background:var(--pass)"></i>pass</span><span><i style="background:var(--near)"></i>within 10 % of a limit</span><span><i style="background:var(--fail)"></i>over a limit</span><span><i style="background:var(--none)"></i>no budget</span><span class="muted">Area: the chunk's compressed size, shared among its modules by their source bytes.</span></div>
<div id="treemap" aria-label="Treemap of chunks, packages and modules; the Table view lists the same data"></div>
</div>
<div id="view-routes" role="tabpanel" aria-labelledby="tab-routes" hidden><div id="routes"></div></div>
<div id="view-duplicates" role="tabpanel" aria-labelledby="tab-duplicates" hidden><div id="duplicates"></div></div>
<div id="view-budgets" role="tabpanel" aria-labelledby="tab-budgets" hidden><div id="budgets"></div></div>
<div id="view-diff" role="tabpanel" aria-labelledby="tab-diff" hidden><div id="diff"></div></div>
<div id="view-table" role="tabpanel" aria-labelledby="tab-table" hidden><div id="table"></div></div>
</section>
<aside id="why" aria-live="polite"><h2>Why is this here?</h2><p class="muted">Select a module in the treemap (click, or Tab and Enter) or search for one.</p></aside>
</main>
<script type="application/json" id="packwise-data">${scriptJson(model)}</script>
<script>${inlineScript(d3Hierarchy())}</script>
<script>${inlineScript(CLIENT)}</script>
</body>
</html>
`;
}

/** The model embedded in a report page: a packwise-report.html can be the baseline of the next one. */
export function readModelFromHtml(html: string): ReportModel | undefined {
  const match = /<script type="application\/json" id="packwise-data">([\s\S]*?)<\/script>/.exec(html);
  return match?.[1] ? (JSON.parse(match[1]) as ReportModel) : undefined;
}
