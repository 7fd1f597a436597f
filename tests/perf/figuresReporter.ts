import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints the figures the perf specs attach (`test.info().annotations` whose type starts with
 * `perf:`) as one table at the end of the run, so `npm run perf` reports them whether the checks
 * pass or not.
 */
export default class FiguresReporter implements Reporter {
  private readonly rows: string[][] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const { type, description } of result.annotations) {
      if (type.startsWith('perf:'))
        this.rows.push([test.title, type.slice('perf:'.length), description ?? '']);
    }
  }

  onEnd(result: FullResult): void {
    if (this.rows.length === 0) return;
    const header = ['test', 'figure', 'value'];
    const widths = header.map((_, c) => Math.max(...[header, ...this.rows].map((r) => (r[c] ?? '').length)));
    const line = (r: readonly string[]) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd();
    const text = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...this.rows.map(line)];
    console.log(`\nperf figures (${result.status}):\n${text.join('\n')}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
