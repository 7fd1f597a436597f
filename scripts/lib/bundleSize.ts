/**
 * What `npm run size` measures in a built site: the JavaScript and CSS the first page needs (the
 * entry script of index.html, the modulepreloads and stylesheets it lists, and every chunk the
 * entry imports statically, followed transitively) and every other chunk, loaded later (lazy).
 * Sizes are bytes, raw and gzip (node:zlib, level 9). The import graph is read from the built
 * files themselves, so any dist/ will do, with or without Vite's manifest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first page's gzip JavaScript may not exceed this many bytes (issue 9). */
export const FIRST_PAGE_JS_BUDGET = 170_000;

export interface FileSize {
  /** The path inside the built folder, with forward slashes: `assets/index-abc.js`. */
  file: string;
  raw: number;
  gzip: number;
}

export interface SizeReport {
  firstPage: { js: FileSize[]; css: FileSize[] };
  /** Every other .js and .css file, largest gzip first. */
  lazy: FileSize[];
}

/**
 * The relative specifiers a built ES module imports statically: `import … from "./x.js"`,
 * `import "./x.js"` and `export … from "./x.js"`, in order, without repeats. Dynamic `import()`
 * is not followed (its chunks are lazy); nor is `import.meta`. A specifier is only a candidate:
 * text that merely looks like an import (inside a string, say) is dropped by the caller when it
 * names no file.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?<![\w$.])(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?(["'`])(\.{1,2}\/[^"'`\n]+)\1/g;
  for (const match of code.matchAll(pattern)) {
    const head = match[0].slice(0, 6);
    // `export "./x"` is no statement: only `export … from` re-exports.
    if (head === 'export' && !/\bfrom\s*["'`]/.test(match[0])) continue;
    found.add(match[2] as string);
  }
  return [...found];
}

export interface EntryAssets {
  /** `<script type="module" src>`: the entry chunks. */
  scripts: string[];
  /** `<link rel="modulepreload" href>`. */
  modulepreloads: string[];
  /** `<link rel="stylesheet" href>`. */
  stylesheets: string[];
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match === null ? undefined : (match[1] ?? match[2] ?? match[3]);
}

/** The local scripts, modulepreloads and stylesheets an index.html names (external URLs are skipped). */
export function entryAssets(html: string): EntryAssets {
  const assets: EntryAssets = { scripts: [], modulepreloads: [], stylesheets: [] };
  const local = (url: string | undefined): url is string =>
    url !== undefined && !/^(?:[a-z]+:)?\/\//i.test(url);
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (attribute(tag, 'type') === 'module' && local(src)) assets.scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const href = attribute(tag, 'href');
    if (!local(href)) continue;
    if (rel === 'modulepreload') assets.modulepreloads.push(href);
    else if (rel === 'stylesheet') assets.stylesheets.push(href);
  }
  return assets;
}

/** A URL of index.html or a specifier of a chunk, as a path inside the built folder (`assets/x.js`). */
function resolveIn(fromFile: string, url: string): string {
  const path = url.split(/[?#]/)[0] as string;
  return path.startsWith('/') ? posix.normalize(path.slice(1)) : posix.join(posix.dirname(fromFile), path);
}

/**
 * The JavaScript files the first page loads, in the order found: the entry scripts and
 * modulepreloads of index.html, then every file they import statically, transitively. `read`
 * returns a file's text, or undefined when there is no such file (those specifiers are dropped).
 */
export function firstPageScripts(html: string, read: (file: string) => string | undefined): string[] {
  const { scripts, modulepreloads } = entryAssets(html);
  const seen = new Set<string>();
  const queue = [...scripts, ...modulepreloads].map((url) => resolveIn('index.html', url));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    const code = read(file);
    if (code === undefined) continue;
    seen.add(file);
    for (const specifier of staticImports(code)) {
      const target = resolveIn(file, specifier);
      if (!seen.has(target) && read(target) !== undefined) queue.push(target);
    }
  }
  return [...seen];
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** Measures a built site folder (one holding index.html). */
export function measureBuild(dir: string): SizeReport {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`no index.html in ${dir}: build the site first`);
  const html = readFileSync(indexPath, 'utf8');
  const read = (file: string): string | undefined => {
    const path = join(dir, ...file.split('/'));
    return file.startsWith('../') || !existsSync(path) || !statSync(path).isFile()
      ? undefined
      : readFileSync(path, 'utf8');
  };
  const size = (file: string): FileSize => {
    const bytes = readFileSync(join(dir, ...file.split('/')));
    return { file, raw: bytes.length, gzip: gzipSize(bytes) };
  };
  const js = firstPageScripts(html, read);
  const css = entryAssets(html)
    .stylesheets.map((url) => resolveIn('index.html', url))
    .filter((file) => read(file) !== undefined);
  const first = new Set([...js, ...css]);
  const lazy = listFiles(dir)
    .filter((file) => /\.(?:m?js|css)$/.test(file) && !first.has(file))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file));
  return { firstPage: { js: js.map(size), css: [...new Set(css)].map(size) }, lazy };
}

export const total = (files: readonly FileSize[], key: 'raw' | 'gzip' = 'gzip'): number =>
  files.reduce((sum, f) => sum + f[key], 0);

/** undefined when the first page's gzip JavaScript is within `budget` bytes, else why not. */
export function checkBudget(report: SizeReport, budget = FIRST_PAGE_JS_BUDGET): string | undefined {
  const js = total(report.firstPage.js);
  if (js <= budget) return undefined;
  return (
    `over budget: the first page needs ${js.toLocaleString('en-US')} bytes of gzip JavaScript, ` +
    `more than the budget of ${budget.toLocaleString('en-US')} bytes ` +
    `(by ${(js - budget).toLocaleString('en-US')})`
  );
}

const kib = (bytes: number) => (bytes / 1024).toFixed(2);

/** The report as a plain-text table. */
export function formatReport(report: SizeReport, budget = FIRST_PAGE_JS_BUDGET): string {
  const rows: string[][] = [];
  const group = (label: string, files: readonly FileSize[]) => {
    for (const f of files) rows.push([`${label}  ${posix.basename(f.file)}`, kib(f.raw), kib(f.gzip)]);
  };
  const { js, css } = report.firstPage;
  group('first page js ', js);
  group('first page css', css);
  rows.push(['first page js, total', kib(total(js, 'raw')), kib(total(js))]);
  rows.push(['first page css, total', kib(total(css, 'raw')), kib(total(css))]);
  rows.push(['', '', '']);
  group('lazy', report.lazy);
  rows.push(['lazy, total', kib(total(report.lazy, 'raw')), kib(total(report.lazy))]);
  const header = ['file', 'raw KiB', 'gzip KiB'];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const jsBytes = total(js);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `first page: ${jsBytes.toLocaleString('en-US')} bytes of gzip JavaScript (budget ` +
      `${budget.toLocaleString('en-US')}, ${((jsBytes / budget) * 100).toFixed(1)}% used), ` +
      `${total(css).toLocaleString('en-US')} bytes of gzip CSS`,
  ].join('\n');
}
