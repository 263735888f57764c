#!/usr/bin/env node
// Deprecated for one release: the `packwise` command is @packwise/cli's; this forwards to it when installed.
const { forward } = require('../dist/cli/forward'); // eslint-disable-line @typescript-eslint/no-require-imports
forward({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
