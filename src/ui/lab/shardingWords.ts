/** The sharding lab's result in words. Pure, so tests can pin them down. */
import type { ReshardingReport, ShardingScheme } from '../../engine/index.ts';
import type { ReshardingResult } from './labProtocol.ts';
import { SCHEME_WORDS, formatCount, formatPercent } from './labWords.ts';
import type { SchemeKind } from './shardingLink.ts';

export function schemeKindOf(scheme: ShardingScheme): SchemeKind {
  switch (scheme.kind) {
    case 'modulo':
      return 'modulo';
    case 'hash-ring':
      return 'ring';
    case 'cluster-slots':
      return 'slots';
  }
}

/** `Hash ring, 100 virtual nodes each` */
export function schemeTitle(scheme: ShardingScheme): string {
  const name = SCHEME_WORDS[schemeKindOf(scheme)].name;
  return scheme.kind === 'hash-ring'
    ? `${name}, ${formatCount(scheme.virtualNodesPerNode)} virtual node${scheme.virtualNodesPerNode === 1 ? '' : 's'} each`
    : name;
}

/** `node-5 joins 4 nodes` or `node-4 leaves 4 nodes`. */
export function describeChange(report: ReshardingReport): string {
  const count = report.nodesBefore.length;
  const nodes = `${count} node${count === 1 ? '' : 's'}`;
  return report.change.kind === 'add-node'
    ? `${report.change.node} joins ${nodes}`
    : `${report.change.node} leaves ${nodes}`;
}

/** `1/5`: the ideal share as the fraction a person would write. */
export function idealFraction(report: ReshardingReport): string {
  return `1/${Math.max(report.nodesBefore.length, report.nodesAfter.length)}`;
}

export function shardingSummary(result: ReshardingResult): string {
  const [first] = result.reports;
  if (first === undefined) return '';
  const moved = result.reports
    .map(
      (report) => `${SCHEME_WORDS[schemeKindOf(report.scheme)].name} ${formatPercent(report.movedFraction)}`,
    )
    .join(', ');
  const spread = result.reports
    .map(
      (report) => `${SCHEME_WORDS[schemeKindOf(report.scheme)].name} ${report.after.maxOverMean.toFixed(2)}`,
    )
    .join(', ');
  return (
    `When ${describeChange(first)}, the share of ${formatCount(first.keyCount)} keys that move is: ${moved}. ` +
    `The least any scheme can move is ${formatPercent(first.idealMovedFraction)} (${idealFraction(first)}). ` +
    `Busiest node over the average afterwards (1.00 is even): ${spread}.`
  );
}
