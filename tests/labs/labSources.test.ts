/**
 * What the site shows is what runs: src/content/labSources.ts (the site's `?raw` view) and
 * src/labs/catalog.ts (what `npm run lab` starts) list the same labs and files, each text is the
 * file on disk byte for byte, no file of a lab is left out, and the `// step:` markers match the
 * steps of the engine's scenarios that the lesson's Visual plays.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculum } from '../../src/content/curriculum.ts';
import { labSources } from '../../src/content/labSources.ts';
import { getScenario } from '../../src/content/scenarios/index.ts';
import { runScenario } from '../../src/engine/index.ts';
import { labs } from '../../src/labs/catalog.ts';
import { LABS_DIR } from './support/harness.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Every `// step: <marker>` in a source, in order. */
function markersIn(source: string): string[] {
  return [...source.matchAll(/\/\/\s*step:\s*([a-z-]+)\s*$/gm)].map((match) => match[1] as string);
}

describe('the code labs as the site shows them', () => {
  it('lists the same labs, titles and files as `npm run lab`', () => {
    expect(Object.keys(labSources)).toEqual(labs.map((lab) => lab.id));
    for (const lab of labs) {
      const shown = labSources[lab.id];
      expect(shown?.title).toBe(lab.title);
      expect(shown?.files.map((file) => file.path)).toEqual(lab.files.map((file) => `src/labs/${file}`));
    }
  });

  it('shows each file byte for byte as it is on disk', () => {
    for (const { files } of Object.values(labSources))
      for (const file of files) expect(file.source).toBe(readFileSync(join(ROOT, file.path), 'utf8'));
  });

  it('leaves out no file of a lab, and no lab', () => {
    const dirs = readdirSync(LABS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => entry.name)
      .sort();
    expect(dirs).toEqual(labs.map((lab) => lab.id).sort());
    for (const lab of labs) {
      const listed = lab.files
        .filter((file) => file.startsWith(`${lab.id}/`))
        .map((file) => file.slice(lab.id.length + 1));
      expect(readdirSync(join(LABS_DIR, lab.id)).sort()).toEqual([...listed].sort());
    }
  });

  it('belongs to lessons of the curriculum', () => {
    const lessonIds = new Set(curriculum.map((entry) => entry.id));
    for (const [id, { lesson }] of Object.entries(labSources))
      expect(lessonIds.has(lesson), `${id}: ${lesson}`).toBe(true);
  });

  it('marks each step once per file, and every step its scenarios take', () => {
    for (const [id, { scenarios, files }] of Object.entries(labSources)) {
      const service = files[0]?.source ?? '';
      const markers = markersIn(service);
      expect(markers.length, id).toBeGreaterThanOrEqual(3);
      expect(new Set(markers).size, `${id}: a marker used twice`).toBe(markers.length);
      for (const scenarioId of scenarios) {
        const scenario = getScenario(scenarioId);
        expect(scenario, scenarioId).toBeDefined();
        if (scenario === undefined) continue;
        const trace = runScenario(scenario, { seed: 1, record: 'frames' });
        const taken = new Set(
          trace.frames.flatMap((frame) => (frame.code === null ? [] : [frame.code.marker])),
        );
        expect(
          [...taken].filter((marker) => !markers.includes(marker)),
          `${id} against ${scenarioId}`,
        ).toEqual([]);
      }
    }
  });
});
