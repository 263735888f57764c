import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHandler } from './handler';
import { COMPRESS_MANIFEST, readManifestSync } from './manifest';
import { caddyDictionaryRoutes, nginxDictionaryMaps } from './server-config';

export interface OutputStream {
  write(text: string): unknown;
}

export interface ServeOptions {
  argv: readonly string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Closes the server when aborted (the bin aborts it on SIGINT and SIGTERM); `serve` then resolves 0. */
  signal?: AbortSignal;
}

export const EXIT = { closed: 0, failed: 1, usage: 2 } as const;
const DEFAULT_PORT = 4173;

export const USAGE = `Usage: packwise-serve <dir> [--port N] [--host H] [--manifest file] [--no-spa]
       packwise-serve <dir> --print nginx|caddy [--manifest file]

Serves a built folder with the best precompressed variant per request (dcz/dcb deltas, zstd, br, gzip).

  --port N         port to listen on, 0 for a free one (default ${DEFAULT_PORT})
  --host H         address to listen on (default 127.0.0.1)
  --manifest file  @packwise/compress's manifest (default <dir>/compress-manifest.json when it exists)
  --no-spa         answer 404 for unknown paths instead of <dir>/index.html
  --print S        print the dictionary part of an nginx or Caddy config for the manifest, and exit
`;

const PRINTERS = { nginx: nginxDictionaryMaps, caddy: caddyDictionaryRoutes } as const;
type Printer = keyof typeof PRINTERS;

class UsageError extends Error {}

interface Command {
  root: string;
  label: string;
  port: number;
  host: string;
  manifest?: string;
  spa: boolean;
  print?: Printer;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port <= 65535)) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

function parseCommand(argv: readonly string[], cwd: string): Command | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        manifest: { type: 'string' },
        'no-spa': { type: 'boolean' },
        print: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'which folder? packwise-serve <dir>' : 'one folder only');
  }
  const label = positionals[0] as string;
  if (values.host === '') throw new UsageError('--host must not be empty');
  if (values.print !== undefined && !(values.print in PRINTERS)) {
    throw new UsageError(`--print takes nginx or caddy, not "${values.print}"`);
  }
  return {
    root: path.resolve(cwd, label),
    label,
    port: parsePort(values.port),
    host: values.host ?? '127.0.0.1',
    ...(values.manifest === undefined ? {} : { manifest: path.resolve(cwd, values.manifest) }),
    spa: !values['no-spa'],
    ...(values.print === undefined ? {} : { print: values.print as Printer }),
  };
}

async function checkFolder(root: string, label: string): Promise<void> {
  const stats = await stat(root).catch(() => undefined);
  if (!stats) throw new UsageError(`${label} does not exist`);
  if (!stats.isDirectory()) throw new UsageError(`${label} is not a folder`);
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

const urlHost = (address: AddressInfo): string =>
  address.family === 'IPv6' ? `[${address.address}]` : address.address;

/**
 * The `packwise-serve` CLI as a function: starts an HTTP server for `<dir>` and resolves when it closes (0),
 * or at once with 2 for a usage error (a missing folder, a bad port) and 1 when it cannot listen. Every error
 * is one `packwise serve: <reason>` line on stderr.
 */
export async function serve(options: ServeOptions): Promise<number> {
  let command: Command | 'help';
  let server: http.Server;
  try {
    command = parseCommand(options.argv, options.cwd);
    if (command === 'help') {
      options.stdout.write(USAGE);
      return EXIT.closed;
    }
    await checkFolder(command.root, command.label);
    if (command.print) {
      const manifest = readManifestSync(command.manifest ?? path.join(command.root, COMPRESS_MANIFEST));
      options.stdout.write(PRINTERS[command.print](manifest));
      return EXIT.closed;
    }
    const handler = createHandler({
      root: command.root,
      ...(command.manifest ? { manifest: command.manifest } : {}),
      ...(command.spa ? {} : { spa: false }),
    });
    server = http.createServer((request, response) => handler(request, response));
  } catch (error) {
    options.stderr.write(`packwise serve: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const closed = new Promise<void>((resolve) => server.once('close', resolve));
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  let address: AddressInfo;
  try {
    address = await listen(server, command.port, command.host);
  } catch (error) {
    options.stderr.write(
      `packwise serve: cannot listen on ${command.host}:${command.port}: ${(error as Error).message}\n`,
    );
    return EXIT.failed;
  }
  options.stdout.write(`packwise serve: http://${urlHost(address)}:${address.port}/ (${command.label})\n`);
  if (options.signal?.aborted) close();
  else options.signal?.addEventListener('abort', close, { once: true });
  await closed;
  return EXIT.closed;
}
