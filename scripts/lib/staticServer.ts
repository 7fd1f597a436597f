/**
 * A small static file server (node:http) for a built site: on a loopback address and, by default,
 * a free port the system picks. It serves what a static host would: the files of one folder,
 * index.html for a folder, gzip when the client accepts it (compressible types only), and a long
 * cache lifetime for Vite's content-hashed assets/. Nothing outside the folder is ever served.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|manifest\+json|xml|javascript)|image\/svg\+xml)/;

export interface StaticServerOptions {
  /** Loopback by default. */
  host?: string;
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  /** Gzip compressible responses for clients that accept it (default true). */
  compress?: boolean;
}

export interface StaticServer {
  /** `http://host:port/`, with the trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file under `root` a request path names, or undefined when it names none (or leaves root). */
export function fileFor(root: string, requestPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const base = resolve(root);
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const { host = '127.0.0.1', port = 0, compress = true } = options;
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`no index.html in ${root}: build the site first`);
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, request.url ?? '/');
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const hashed = file.includes(`${sep}assets${sep}`);
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (compress && acceptsGzip && COMPRESSIBLE.test(type)) {
      let body = gzipped.get(file);
      if (body === undefined) {
        body = gzipSync(readFileSync(file), { level: 9 });
        gzipped.set(file, body);
      }
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      headers['content-length'] = String(body.length);
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    headers['content-length'] = String(statSync(file).size);
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolveStart({
        url: `http://${shownHost}:${bound}/`,
        port: bound,
        close: () =>
          new Promise<void>((resolveClose, rejectClose) => {
            server.closeAllConnections();
            server.close((error) => (error ? rejectClose(error) : resolveClose()));
          }),
      });
    });
  });
}
