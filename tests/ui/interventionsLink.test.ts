import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../src/engine/index.ts';
import {
  deepLinkSearch,
  formatInterventions,
  parseInterventions,
  parseRunChoice,
} from '../../src/ui/player/deepLink.ts';

const EXAMPLE =
  '12:crash:app-a,15:drop:37,20:delay:app-a~cache~100,22:partition:app-b+cache,30:heal,31:slowdb:100,33:restart:app-a';

const EXAMPLE_INTERVENTIONS: Intervention[] = [
  { atStep: 12, fault: { kind: 'crash', node: 'app-a' } },
  { atStep: 15, fault: { kind: 'drop message', messageId: 37 } },
  { atStep: 20, fault: { kind: 'delay link', a: 'app-a', b: 'cache', extraMs: 100 } },
  { atStep: 22, fault: { kind: 'partition', nodes: ['app-b', 'cache'] } },
  { atStep: 30, fault: { kind: 'heal' } },
  { atStep: 31, fault: { kind: 'slow database', extraMs: 100 } },
  { atStep: 33, fault: { kind: 'restart', node: 'app-a' } },
];

describe('the fx parameter', () => {
  it('reads every kind of entry', () => {
    expect(parseInterventions(EXAMPLE)).toEqual({ interventions: EXAMPLE_INTERVENTIONS, problems: [] });
  });

  it('writes what it reads', () => {
    expect(formatInterventions(EXAMPLE_INTERVENTIONS)).toBe(EXAMPLE);
    expect(parseInterventions(formatInterventions(EXAMPLE_INTERVENTIONS)).interventions).toEqual(
      EXAMPLE_INTERVENTIONS,
    );
    const failing: Intervention[] = [{ atStep: 3, fault: { kind: 'fail database writes', count: 2 } }];
    expect(parseInterventions(formatInterventions(failing)).interventions).toEqual(failing);
  });

  it('survives a round trip through a readable address', () => {
    const search = deepLinkSearch({
      scenarioId: 'coherence-pubsub',
      seed: 1,
      step: 23,
      interventions: EXAMPLE_INTERVENTIONS,
    });
    expect(search).toBe(`scenario=coherence-pubsub&seed=1&fx=${EXAMPLE}&step=23`);
    // A raw `+` reads back as a space; the partition still has both nodes.
    const parsed = parseRunChoice(new URLSearchParams(search), {
      scenarioIds: ['coherence-pubsub'],
      titleOf: () => 'Pub/sub',
      defaultSeed: 7,
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.choice).toEqual({
      scenarioId: 'coherence-pubsub',
      seed: 1,
      interventions: EXAMPLE_INTERVENTIONS,
    });
    expect(parsed.stepParam).toBe('23');
  });

  it('leaves fx out of the address when there are no interventions', () => {
    expect(deepLinkSearch({ scenarioId: 'a', seed: 1, step: 0, interventions: [] })).toBe(
      'scenario=a&seed=1&step=0',
    );
  });

  it('drops each bad entry with a problem in words, and keeps the rest', () => {
    const { interventions, problems } = parseInterventions(
      '12:crash:app-a,x:crash:app-b,5:explode:db,6:drop:abc,7:delay:app-a~100,8:heal:now,9:crash:,10:slowdb:-1,,11:partition:a++b,13:heal',
    );
    expect(interventions).toEqual([
      { atStep: 12, fault: { kind: 'crash', node: 'app-a' } },
      { atStep: 13, fault: { kind: 'heal' } },
    ]);
    expect(problems.map((p) => p.value)).toEqual([
      'x:crash:app-b',
      '5:explode:db',
      '6:drop:abc',
      '7:delay:app-a~100',
      '8:heal:now',
      '9:crash:',
      '10:slowdb:-1',
      '',
      '11:partition:a++b',
    ]);
    expect(problems.every((p) => p.param === 'fx' && p.message.endsWith('so it was left out.'))).toBe(true);
    expect(problems[0]?.message).toContain('does not start with a step number');
    expect(problems[1]?.message).toContain('\u201cexplode\u201d, which is not a fault');
    expect(problems[2]?.message).toContain('needs a message number');
  });

  it('reports bad entries through parseRunChoice and keeps the good ones', () => {
    const parsed = parseRunChoice(new URLSearchParams('scenario=a&fx=2:crash:app-a,oops&step=3'), {
      scenarioIds: ['a'],
      titleOf: () => 'A',
      defaultSeed: 1,
    });
    expect(parsed.choice.interventions).toEqual([{ atStep: 2, fault: { kind: 'crash', node: 'app-a' } }]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ param: 'fx', value: 'oops' });
  });

  it('treats an empty fx as no interventions', () => {
    expect(parseInterventions('')).toEqual({ interventions: [], problems: [] });
  });
});
