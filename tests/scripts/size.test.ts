import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkBudget,
  entryAssets,
  firstPageScripts,
  formatReport,
  gzipSize,
  measureBuild,
  staticImports,
} from '../../scripts/lib/bundleSize.ts';

/** `length` letters that compress poorly (a fixed LCG), so a file's gzip size stays near its raw size. */
function noise(length: number, seed: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    text += String.fromCharCode(97 + (state % 26));
  }
  return text;
}

/** A built site in miniature, laid out as Vite lays one out (index.html, assets/). */
const FIXTURE: Record<string, string> = {
  'index.html': `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/runtime-b2.js">
    <link rel="stylesheet" crossorigin href="./assets/index-c3.css">
    <link rel="stylesheet" href="https://fonts.example.com/font.css">
    <link rel="icon" href="./favicon.svg">
  </head><body><div id="root"></div></body></html>`,
  // The entry: two static imports (one reached again through shared-d4), a lazy page behind
  // import(), import.meta, and a string that only looks like an import of a file that is not there.
  'assets/index-a1.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./Page-e5.js"])))=>i.map(i=>d[i]);' +
    'import{t as e}from"./runtime-b2.js";import{a as n,b as r}from"./shared-d4.js";' +
    'const code=`import express from "./server.ts"`;const u=new URL(`x`,import.meta.url);' +
    'const p=()=>import("./Page-e5.js");console.log(e,n,r,code,u,p);',
  'assets/runtime-b2.js': 'export const t=1;',
  'assets/shared-d4.js': 'import"./runtime-b2.js";export*from"./vendor-f6.js";export const a=1,b=2;',
  'assets/vendor-f6.js': `export const v=${JSON.stringify('vendor '.repeat(200))};`,
  // Lazy: the page, its own import, its stylesheet, and a worker nobody imports statically.
  'assets/Page-e5.js': 'import{a}from"./shared-d4.js";import{w}from"./pageOnly-g7.js";export default [a,w];',
  'assets/pageOnly-g7.js': `export const w="${noise(2_000, 7)}";`,
  'assets/Page-h8.css': '.page{color:red}',
  'assets/worker-i9.js': 'self.onmessage=()=>{};',
  'assets/index-c3.css': 'body{margin:0}',
  'assets/index-a1.js.map': '{"version":3}',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

const root = mkdtempSync(join(tmpdir(), 'size-test-'));
for (const [file, text] of Object.entries(FIXTURE)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gz = (file: string) => gzipSize(Buffer.from(FIXTURE[file] as string));

describe('npm run size: the import graph', () => {
  it('staticImports: import … from, bare import and export … from; not import() or import.meta', () => {
    expect(staticImports(FIXTURE['assets/index-a1.js'] as string)).toEqual([
      './runtime-b2.js',
      './shared-d4.js',
      './server.ts', // a look-alike inside a string: dropped later, since no such file exists
    ]);
    expect(staticImports(FIXTURE['assets/shared-d4.js'] as string)).toEqual([
      './runtime-b2.js',
      './vendor-f6.js',
    ]);
    expect(staticImports('import * as ns from "../x.js";\nimport d, { y } from \'./y.js\'')).toEqual([
      '../x.js',
      './y.js',
    ]);
    expect(
      staticImports('a.import("./no.js");reimport"./no.js";import("./lazy.js");export const z=1;'),
    ).toEqual([]);
  });

  it('entryAssets: the local module scripts, modulepreloads and stylesheets of index.html', () => {
    expect(entryAssets(FIXTURE['index.html'] as string)).toEqual({
      scripts: ['./assets/index-a1.js'],
      modulepreloads: ['./assets/runtime-b2.js'],
      stylesheets: ['./assets/index-c3.css'],
    });
  });

  it('firstPageScripts: the entry and its static imports, transitively, each once', () => {
    const read = (file: string) => FIXTURE[file];
    expect(firstPageScripts(FIXTURE['index.html'] as string, read)).toEqual([
      'assets/index-a1.js',
      'assets/runtime-b2.js',
      'assets/shared-d4.js',
      'assets/vendor-f6.js',
    ]);
  });

  it('measureBuild: first-page JS and CSS, and every other chunk as lazy, largest gzip first', () => {
    const report = measureBuild(root);
    expect(report.firstPage.js.map((f) => f.file)).toEqual([
      'assets/index-a1.js',
      'assets/runtime-b2.js',
      'assets/shared-d4.js',
      'assets/vendor-f6.js',
    ]);
    expect(report.firstPage.css).toEqual([
      { file: 'assets/index-c3.css', raw: 14, gzip: gz('assets/index-c3.css') },
    ]);
    expect(report.lazy.map((f) => f.file)).toEqual([
      'assets/pageOnly-g7.js',
      'assets/Page-e5.js',
      'assets/worker-i9.js',
      'assets/Page-h8.css',
    ]);
    const vendor = report.firstPage.js[3];
    expect(vendor).toEqual({
      file: 'assets/vendor-f6.js',
      raw: (FIXTURE['assets/vendor-f6.js'] as string).length,
      gzip: gz('assets/vendor-f6.js'),
    });
    expect(vendor?.gzip).toBeLessThan(vendor?.raw ?? 0);
  });

  it('measureBuild: a folder without index.html is an error that says so', () => {
    expect(() => measureBuild(join(root, 'assets'))).toThrow(/no index\.html/);
  });
});

describe('npm run size: the budget', () => {
  const report = measureBuild(root);
  const firstPageJs = [
    'assets/index-a1.js',
    'assets/runtime-b2.js',
    'assets/shared-d4.js',
    'assets/vendor-f6.js',
  ]
    .map(gz)
    .reduce((a, b) => a + b, 0);

  it('passes at or under the budget', () => {
    expect(checkBudget(report, firstPageJs)).toBeUndefined();
    expect(checkBudget(report)).toBeUndefined(); // the real budget: 170,000 bytes
  });

  it('fails over the budget, naming the budget and the figure', () => {
    const message = checkBudget(report, firstPageJs - 1);
    expect(message).toContain(`needs ${firstPageJs.toLocaleString('en-US')} bytes of gzip JavaScript`);
    expect(message).toContain(`budget of ${(firstPageJs - 1).toLocaleString('en-US')} bytes`);
  });

  it('formatReport: a row per file, the totals and the budget line', () => {
    const text = formatReport(report, 1_000);
    expect(text).toMatch(/^file +raw KiB +gzip KiB$/m);
    expect(text).toMatch(/^first page js +vendor-f6\.js +[\d.]+ +[\d.]+$/m);
    expect(text).toMatch(/^lazy +pageOnly-g7\.js/m);
    expect(text).toContain(
      `first page: ${firstPageJs.toLocaleString('en-US')} bytes of gzip JavaScript (budget 1,000`,
    );
  });
});
