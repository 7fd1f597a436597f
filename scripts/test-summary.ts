/**
 * Sums the test runners' JSON reports into one line, `tests: N passed, M failed`, for CI.
 * Exits non-zero when a report is missing or unreadable, when any test failed or was skipped
 * (a skipped test is a defect here), or when no test ran at all.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const problems: string[] = [];

function readJson(path: string): unknown {
  if (!existsSync(path)) {
    problems.push(`${path} is missing (did that runner run?)`);
    return null;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${path} is not valid JSON: ${(error as Error).message}`);
    return null;
  }
}

function vitest(path: string): Counts {
  const report = readJson(path) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
  } | null;
  return {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

function playwright(path: string): Counts {
  const report = readJson(path) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  } | null;
  const stats = report?.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

const runners = [vitest('reports/vitest.json'), playwright('reports/playwright.json')];
const total = runners.reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));

for (const problem of problems) console.error(`test-summary: ${problem}`);
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`,
);
const ok = problems.length === 0 && total.failed === 0 && total.skipped === 0 && total.passed > 0;
process.exitCode = ok ? 0 : 1;
