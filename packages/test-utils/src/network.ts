import type { Page } from 'playwright-core';

/** One response as the browser saw it over the network. */
export interface NetworkResponse {
  url: string;
  status: number;
  /** The request's `Available-Dictionary`, as sent (after the browser added it). */
  availableDictionary?: string;
  contentEncoding?: string;
  /** The body's bytes on the wire (`Content-Length`), when the server sent one. */
  bodyBytes?: number;
  /** CDP's `encodedDataLength` at `loadingFinished`: body and response headers. */
  encodedDataLength: number;
  fromCache: boolean;
}

const header = (headers: Record<string, unknown>, name: string): string | undefined => {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found === undefined ? undefined : String(found[1]);
};

/**
 * Records what a page downloads through Chromium's DevTools protocol: the request headers the network stack
 * really sent (with `Available-Dictionary`), the response's encoding and the bytes transferred.
 */
export async function recordNetwork(
  page: Page,
): Promise<{ responses: NetworkResponse[]; stop(): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const requests = new Map<string, Partial<NetworkResponse>>();
  const responses: NetworkResponse[] = [];
  const of = (id: string) => {
    let entry = requests.get(id);
    if (!entry) requests.set(id, (entry = {}));
    return entry;
  };
  session.on('Network.requestWillBeSentExtraInfo', (event) => {
    of(event.requestId).availableDictionary = header(event.headers, 'available-dictionary');
  });
  session.on('Network.requestServedFromCache', (event) => {
    of(event.requestId).fromCache = true;
  });
  session.on('Network.responseReceived', (event) => {
    const entry = of(event.requestId);
    const { response } = event;
    entry.url = response.url;
    entry.status = response.status;
    entry.contentEncoding = header(response.headers, 'content-encoding');
    const length = header(response.headers, 'content-length');
    entry.bodyBytes = length === undefined ? undefined : Number(length);
    entry.fromCache = Boolean(entry.fromCache || response.fromDiskCache);
  });
  session.on('Network.loadingFinished', (event) => {
    const entry = of(event.requestId);
    if (entry.url === undefined) return;
    responses.push({ ...entry, encodedDataLength: event.encodedDataLength } as NetworkResponse);
    requests.delete(event.requestId);
  });
  return { responses, stop: () => session.detach() };
}
