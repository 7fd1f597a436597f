/**
 * `npm run outlines`: writes src/content/lessonOutlines.ts and lessonTerms.ts, the ids and the
 * glossary terms of every lesson (content/lessonOutline.ts says why). The lessons import their code
 * samples with Vite's `?raw`, so they are loaded through Vite's module loader, not Node's.
 * tests/content/lessonOutlines.test.ts fails when the files no longer match the lessons.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createServer } from 'vite';
import type { Lesson } from '../src/content/lessonSchema.ts';
import type * as Outline from '../src/content/lessonOutline.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function writeModule(file: string, exported: string, type: string, data: unknown) {
  const target = fileURLToPath(new URL(`../src/content/${file}`, import.meta.url));
  const text = `// Written by \`npm run outlines\` from the lessons: do not edit by hand.
// tests/content/lessonOutlines.test.ts fails when it no longer matches them.
import type { ${type} } from './lessonOutline.ts';

export const ${exported}: readonly ${type}[] = ${JSON.stringify(data)};\n`;
  const options = await prettier.resolveConfig(target);
  writeFileSync(target, await prettier.format(text, { ...options, filepath: target }));
  console.log(`wrote src/content/${file}`);
}

async function main() {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    // Nothing to pre-bundle: this loads a few content modules once.
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { lessons } = (await server.ssrLoadModule('/src/content/lessons/index.ts')) as {
      lessons: readonly Lesson[];
    };
    const { outlineOf, termsOf } = (await server.ssrLoadModule(
      '/src/content/lessonOutline.ts',
    )) as typeof Outline;
    await writeModule('lessonOutlines.ts', 'lessonOutlines', 'LessonOutline', lessons.map(outlineOf));
    await writeModule('lessonTerms.ts', 'lessonTerms', 'LessonTerms', lessons.map(termsOf));
  } finally {
    await server.close();
  }
}

await main();
