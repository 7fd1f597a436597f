import { beforeEach, describe, expect, it } from 'vitest';
import { PLAYER_SETTINGS_KEY, usePlayerSettings } from '../../src/state/playerSettings.ts';

describe('player settings', () => {
  beforeEach(() => {
    usePlayerSettings.setState({ speedLog2: 0, diagramView: 'topology' });
  });

  it('keeps the speed inside 0.25\u00d7 to 4\u00d7', () => {
    usePlayerSettings.getState().setSpeedLog2(9);
    expect(usePlayerSettings.getState().speedLog2).toBe(2);
  });

  it('saves the speed for the next visit', () => {
    usePlayerSettings.getState().setSpeedLog2(1);
    expect(JSON.parse(localStorage.getItem(PLAYER_SETTINGS_KEY) ?? '{}')).toEqual({
      state: { speedLog2: 1, diagramView: 'topology' },
      version: 1,
    });
  });

  it('saves the diagram view, and reads settings saved before it existed as the topology view', async () => {
    usePlayerSettings.getState().setDiagramView('sequence');
    expect(JSON.parse(localStorage.getItem(PLAYER_SETTINGS_KEY) ?? '{}').state.diagramView).toBe('sequence');
    localStorage.setItem(PLAYER_SETTINGS_KEY, JSON.stringify({ state: { speedLog2: 1 }, version: 1 }));
    await usePlayerSettings.persist.rehydrate();
    expect(usePlayerSettings.getState()).toMatchObject({ speedLog2: 1, diagramView: 'topology' });
  });

  it.each([
    ['not JSON at all', '{oops', 0],
    ['a wrong shape', JSON.stringify({ state: { speedLog2: 'fast' }, version: 1 }), 0],
    ['an out-of-range value', JSON.stringify({ state: { speedLog2: 40 }, version: 1 }), 2],
    ['an older version', JSON.stringify({ state: { speedLog2: -1 }, version: 0 }), -1],
    ['an older version with another shape', JSON.stringify({ state: { speed: 3 }, version: 0 }), 0],
  ])('recovers from %s in storage', async (_, stored, expected) => {
    // Written after beforeEach's setState, which saves the store too.
    localStorage.setItem(PLAYER_SETTINGS_KEY, stored);
    await usePlayerSettings.persist.rehydrate();
    expect(usePlayerSettings.getState().speedLog2).toBe(expected);
  });
});
