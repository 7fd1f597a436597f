import { describe, expect, it } from 'vitest';
import {
  buildLabScenario,
  checkScenario,
  labDefaults,
  readNumber,
  type LabParameter,
  type LabScenario,
  type LabValues,
} from '../../src/engine/index.ts';
import { curriculum } from '../../src/content/curriculum.ts';
import { getLabScenario, labScenarios } from '../../src/content/labs/index.ts';
import { scenarioSchema } from '../../src/content/schema.ts';

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every combination worth building: each choice of each choice parameter, each number at both ends. */
function variants(lab: LabScenario): LabValues[] {
  const defaults = labDefaults(lab);
  const out: LabValues[] = [defaults];
  for (const p of lab.parameters) {
    if (p.kind === 'choice') for (const c of p.choices) out.push({ ...defaults, [p.name]: c.value });
  }
  for (const p of lab.parameters) {
    if (p.kind !== 'number') continue;
    // With its `when` made true, so the number is in use.
    const base = p.when === undefined ? defaults : { ...defaults, [p.when.parameter]: p.when.is[0]! };
    out.push({ ...base, [p.name]: p.min }, { ...base, [p.name]: p.max });
  }
  return out;
}

describe('lab scenarios', () => {
  it('have unique ids and are found by id', () => {
    expect(new Set(labScenarios.map((l) => l.id)).size).toBe(labScenarios.length);
    for (const lab of labScenarios) expect(getLabScenario(lab.id)).toBe(lab);
  });

  it.each(labScenarios.map((l) => [l.id, l] as const))('%s is well formed', (_, lab) => {
    expect(lab.id).toMatch(NAME);
    expect(curriculum.map((c) => c.id)).toContain(lab.lesson);
    expect(lab.base.load, 'a lab scenario has a load').toBeDefined();
    expect(() => scenarioSchema.parse(lab.base)).not.toThrow();
    const names = lab.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    lab.parameters.forEach((p: LabParameter, i) => {
      expect(p.name).toMatch(NAME);
      expect(p.help.length).toBeGreaterThan(10);
      if (p.kind === 'number') {
        expect(p.min).toBeLessThan(p.max);
        expect(readNumber(p, String(p.default)), `${p.name}'s default`).toEqual({ value: p.default });
        expect(p.paths.length).toBeGreaterThan(0);
      } else {
        expect(p.choices.map((c) => c.value)).toContain(p.default);
        for (const c of p.choices) expect(c.value).toMatch(NAME);
      }
      if (p.when !== undefined) {
        // A `when` names a choice listed before it, and values it has.
        const on = lab.parameters.slice(0, i).find((q) => q.name === p.when!.parameter);
        expect(on?.kind, `${p.name} depends on ${p.when.parameter}`).toBe('choice');
        const values = on?.kind === 'choice' ? on.choices.map((c) => c.value) : [];
        for (const v of p.when.is) expect(values).toContain(v);
      }
    });
  });

  it.each(labScenarios.map((l) => [l.id, l] as const))(
    '%s builds a valid, runnable scenario with every choice and every number at both ends of its range',
    (_, lab) => {
      for (const values of variants(lab)) {
        const scenario = buildLabScenario(lab, values);
        expect(() => scenarioSchema.parse(scenario), JSON.stringify(values)).not.toThrow();
        expect(() => checkScenario(scenario), JSON.stringify(values)).not.toThrow();
      }
    },
  );
});
