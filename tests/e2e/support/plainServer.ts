import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, resolve, sep } from 'node:path';
import { CONTENT_TYPES, fileFor } from '../../../scripts/lib/staticServer.ts';

/**
 * A plain static file server of a few lines, which knows nothing of the site: no rewrites, no
 * headers beyond the content type, no compression or caching rules (scripts/lib/staticServer.ts
 * has those; its file lookup and content types are shared). Used to prove the build works from any
 * folder (hosting.spec.ts) and to put a new version of it in place while a page is open
 * (update.spec.ts).
 */

export interface PlainServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export interface PlainServerOptions {
  /** The path the folder is served under, with slashes at both ends ('/' by default). */
  prefix?: string;
  /** What to send for a file instead of its bytes: given its path inside the folder. */
  rewrite?: (file: string, body: Buffer) => Buffer;
}

export function servePlain(
  root: string,
  { prefix = '/', rewrite }: PlainServerOptions = {},
): Promise<PlainServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (prefix !== '/' && path === prefix.slice(0, -1)) {
      response.writeHead(301, { location: prefix }).end();
      return;
    }
    const file = path.startsWith(prefix) ? fileFor(root, `/${path.slice(prefix.length)}`) : undefined;
    if (file === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    let body: Buffer = readFileSync(file);
    if (rewrite !== undefined) body = rewrite(relative(resolve(root), file).split(sep).join('/'), body);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    });
    response.end(body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      }),
    ),
  );
}
