#!/usr/bin/env node
const { run } = require('../dist/run'); // eslint-disable-line @typescript-eslint/no-require-imports
run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
