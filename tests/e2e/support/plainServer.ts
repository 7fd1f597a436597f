import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, resolve, sep } from 'node:path';

/**
 * A plain static file server of a few lines, which knows nothing of the site: no rewrites, no
 * headers beyond the content type. Used to prove the build works from any folder (hosting.spec.ts)
 * and to put a new version of it in place while a page is open (update.spec.ts).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

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
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (prefix !== '/' && path === prefix.slice(0, -1)) {
      response.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    const inside = path.slice(prefix.length) || 'index.html';
    const file = resolve(base, inside.endsWith('/') ? `${inside}index.html` : inside);
    if (!file.startsWith(base + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end('not found');
      return;
    }
    if (rewrite !== undefined) body = rewrite(relative(base, file).split(sep).join('/'), body);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
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
