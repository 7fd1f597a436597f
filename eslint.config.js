// @ts-check
import { dirname, resolve, sep } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DESIGN.md's layers, enforced: each entry forbids a layer from reaching where it must not. */
const outside = (layer, allowed) =>
  ['engine', 'content', 'state', 'ui', 'app']
    .filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({
      group: [`**/${other}`, `**/${other}/**`],
      message: `src/${layer} must not import src/${other} (DESIGN.md, Layers).`,
    }));

const uiFrameworks = ['react', 'react-dom', 'react-router', 'motion', 'motion/react', 'zustand', 'zod'].map(
  (name) => ({
    name,
    message: 'src/engine is pure TypeScript: it imports nothing but xstate (DESIGN.md, Layers).',
  }),
);

/**
 * The code labs (src/labs) are Node services that run against real servers; the site shows their
 * text. Import paths are resolved against the importing file, since `../labs/` means src/labs
 * from src/content but src/content/labs from src/content/lessons.
 * - Site code (everything else under src/) may import a file of src/labs only with `?raw`, and
 *   never the labs' server packages, so the bundle holds none of them.
 * - src/labs imports nothing from the rest of src/: it is shown whole, and runs without the site.
 */
const LABS_DIR = resolve(import.meta.dirname, 'src/labs') + sep;
const SRC_DIR = resolve(import.meta.dirname, 'src') + sep;
const LAB_PACKAGES = /^(express|redis|pg|@redis\/[^/]+|pg-[^/]+)(\/|$)/;

/** @type {import('eslint').Rule.RuleModule} */
const labBoundary = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const inLabs = context.filename.startsWith(LABS_DIR);
    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const specifier = node.source?.type === 'Literal' ? node.source.value : undefined;
      if (typeof specifier !== 'string') return;
      const [path = '', query] = specifier.split('?');
      if (!path.startsWith('.')) {
        if (!inLabs && LAB_PACKAGES.test(path))
          context.report({
            node,
            message: `The site must not import ${path}: it belongs to the code labs (src/labs), which run in Node.`,
          });
        return;
      }
      const target = resolve(dirname(context.filename), path);
      if (inLabs && target.startsWith(SRC_DIR) && !target.startsWith(LABS_DIR))
        context.report({
          node,
          message: 'src/labs must not import the site (the rest of src/): a lab is shown whole.',
        });
      if (!inLabs && target.startsWith(LABS_DIR) && query !== 'raw')
        context.report({
          node,
          message: 'The site may import src/labs only as text, with `?raw` (see src/content/labSources.ts).',
        });
    };
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'coverage',
      'reports',
      'test-results',
      'test-results-*',
      'playwright-report',
      'node_modules',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules; the React Compiler's rules only matter to projects that use it.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiFrameworks, patterns: outside('engine', []) }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/engine runs in Node and in workers: no DOM.' },
        { name: 'document', message: 'src/engine runs in Node and in workers: no DOM.' },
        { name: 'setTimeout', message: 'src/engine runs on virtual time: schedule on the event queue.' },
        { name: 'setInterval', message: 'src/engine runs on virtual time: schedule on the event queue.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded random from sim/random.ts.' },
        { object: 'Date', property: 'now', message: 'src/engine runs on virtual time (world.now).' },
        { object: 'performance', property: 'now', message: 'src/engine runs on virtual time (world.now).' },
      ],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside('content', ['engine']),
            {
              group: ['**/engine/*/**', '**/engine/*', '!**/engine/index.ts'],
              message: 'src/content uses the engine only through src/engine/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: outside('state', ['engine', 'content']) }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: outside('ui', ['engine', 'content', 'state']) }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { cachescope: { rules: { 'lab-boundary': labBoundary } } },
    rules: { 'cachescope/lab-boundary': 'error' },
  },
  {
    // The labs are Node services: no DOM.
    files: ['src/labs/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/labs runs in Node.' },
        { name: 'document', message: 'src/labs runs in Node.' },
      ],
    },
  },
);
