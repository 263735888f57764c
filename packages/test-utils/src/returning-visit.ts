import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { recordNetwork } from './network';
import type { NetworkResponse } from './network';

export type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface VisitResult {
  /** What the first visit (version 1) downloaded. */
  first: NetworkResponse[];
  /** What the same browser downloaded visiting version 2 of the same origin. */
  returning: NetworkResponse[];
  /** Console errors and uncaught page errors, of both visits (but the browser's own /favicon.ico request). */
  errors: string[];
}

/**
 * A visitor's two visits, with one browser profile on one origin: version 1's output is served and `paths` are
 * visited (each one a full page load, so a lazy route's chunks load too), then the same origin serves version 2
 * and the same paths are visited again — what a returning visitor downloads after a deploy. `serve(root)` makes
 * the request handler for an output folder (e.g. @packwise/serve's `createHandler`).
 */
export async function visitTwice({
  versions,
  paths,
  serve,
  ready,
}: {
  versions: [string, string];
  paths: string[];
  serve: (root: string) => RequestHandler;
  /** Waits until a visited page is rendered (e.g. a selector); default: network idle. */
  ready?: (page: Page, path: string) => Promise<void>;
}): Promise<VisitResult> {
  let current = serve(versions[0]);
  const server = http.createServer((request, response) => current(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chromium = await launchChromium();
  try {
    const page = await (await chromium.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      const { url } = message.location();
      // The browser asks for /favicon.ico by itself; an app without one is not broken.
      if (message.type() === 'error' && !url.endsWith('/favicon.ico')) {
        errors.push(url ? `${message.text()} (${url.replace(origin, '')})` : message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const network = await recordNetwork(page);
    const visitAll = async () => {
      for (const path of paths) {
        await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
        await ready?.(page, path);
      }
    };
    await visitAll();
    const first = network.responses.splice(0);
    current = serve(versions[1]);
    await visitAll();
    const returning = network.responses.splice(0);
    await network.stop();
    return { first, returning, errors };
  } finally {
    await chromium.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
