// @ts-check
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

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'reports', 'test-results', 'playwright-report', 'node_modules'] },
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
);
