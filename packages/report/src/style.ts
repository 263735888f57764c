/** The page's CSS: system fonts, no external resources. */
export const STYLE = String.raw`
:root { --pass: #2f8f55; --near: #d99a1e; --fail: #cf3f3f; --none: #5d73a0; --ink: #1d2230; --muted: #5c6373; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7fa; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 10px 16px; background: #fff; border-bottom: 1px solid #dde1e8; }
header h1 { font-size: 17px; margin: 0 12px 0 0; }
nav { display: flex; gap: 4px; flex-wrap: wrap; }
button, select, input { font: inherit; }
nav button, .crumbs button, .results button { border: 1px solid #c8cdd8; background: #fff; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
nav button[aria-selected="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
button:focus-visible, input:focus-visible, select:focus-visible, .cell:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
main { display: flex; gap: 16px; padding: 12px 16px; align-items: flex-start; }
main > section { flex: 1; min-width: 0; }
aside { width: 320px; flex: none; background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: 10px 12px; }
aside h2 { font-size: 15px; margin: 0 0 6px; }
aside ol { padding-left: 20px; margin: 4px 0; word-break: break-all; }
.summary { display: flex; gap: 16px; flex-wrap: wrap; margin: 0 0 8px; color: var(--muted); }
.legend { display: flex; gap: 10px; align-items: center; font-size: 12px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -2px; }
#treemap { position: relative; width: 100%; height: 560px; background: #e4e7ee; border-radius: 4px; overflow: hidden; }
.cell { position: absolute; overflow: hidden; border: 1px solid rgba(255, 255, 255, 0.7); color: #fff; font-size: 11px; line-height: 14px; padding: 1px 3px; white-space: nowrap; text-overflow: ellipsis; }
.cell[data-kind="chunk"] { cursor: pointer; font-weight: 600; font-size: 12px; }
.cell[data-kind="module"] { cursor: pointer; }
.cell.inert { pointer-events: none; }
.cell.dim { opacity: 0.25; }
.cell.selected { outline: 3px solid #111; z-index: 2; }
.cell .label { display: block; overflow: hidden; text-overflow: ellipsis; text-shadow: 0 1px 1px rgba(0, 0, 0, 0.35); }
.crumbs { display: flex; gap: 6px; align-items: center; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: 0 0 16px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e6e8ee; vertical-align: top; word-break: break-all; }
td.num, th.num { text-align: right; white-space: nowrap; word-break: normal; }
td.nowrap { white-space: nowrap; word-break: normal; }
caption { text-align: left; font-weight: 600; padding: 6px 0; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.status.pass { background: var(--pass); } .status.near { background: var(--near); } .status.fail { background: var(--fail); } .status.none { background: var(--none); }
.results { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.muted { color: var(--muted); }
[hidden] { display: none !important; }
`;
