#!/usr/bin/env node
const { serve } = require('../dist/cli'); // eslint-disable-line @typescript-eslint/no-require-imports
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => controller.abort());
serve({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
