import { z } from 'zod';
import { SPEED_LOG2_MAX, SPEED_LOG2_MIN } from './playerSettings.ts';
import { storedLessonSchema } from './progress.ts';
import { READ_ALOUD_RATES } from './readAloud.ts';
import { storedCardSchema } from './review.ts';
import { migrate, pathText } from './savedState.ts';
import type { MigrationSteps } from './savedState.ts';
import type { UserData } from './userData.ts';

/**
 * The progress file: every store's user data in one versioned JSON document, for export, import
 * and moving to another browser. Import validates the whole file and names each problem by its
 * path, so a learner (or whoever edited the file) can find it.
 */
export const PROGRESS_FILE_FORMAT = 'cachescope-progress';
export const PROGRESS_FILE_VERSION = 1;
/** Version 1 is the only one so far; a version 2 adds its step `1: (v1) => v2` here. */
export const PROGRESS_FILE_MIGRATIONS: MigrationSteps = {};
/** A real file is a few kilobytes; anything this big is not one. */
export const PROGRESS_FILE_MAX_BYTES = 5_000_000;

export interface ProgressFile extends UserData {
  format: typeof PROGRESS_FILE_FORMAT;
  version: typeof PROGRESS_FILE_VERSION;
  exportedAt: string;
}

export function progressFile(data: UserData, now: Date): ProgressFile {
  return {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    ...data,
  };
}

export function progressFileName(now: Date): string {
  return `cachescope-progress-${now.toISOString().slice(0, 10)}.json`;
}

const isoDate = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected a date');

const fileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_FILE_VERSION),
  exportedAt: isoDate,
  progress: z.object({ lessons: z.record(z.string(), storedLessonSchema) }),
  review: z.object({
    cards: z.record(z.string(), storedCardSchema).superRefine((cards, context) => {
      for (const key of Object.keys(cards)) {
        if (!key.includes('/')) {
          context.addIssue({ code: 'custom', path: [key], message: 'expected a card id like "lesson/card"' });
        }
      }
    }),
  }),
  settings: z.object({
    questions: z.object({ enabled: z.boolean() }),
    readAloud: z.object({
      rate: z.literal([...READ_ALOUD_RATES]),
      voiceURI: z.string().min(1).nullable(),
    }),
    player: z.object({
      speedLog2: z.number().min(SPEED_LOG2_MIN).max(SPEED_LOG2_MAX),
      diagramView: z.enum(['topology', 'sequence']),
    }),
  }),
});

export interface FileProblem {
  /** Where in the file, e.g. `review.cards['alpha/x'].due`; empty for the file as a whole. */
  path: string;
  reason: string;
}

export type FileReading = { ok: true; file: ProgressFile } | { ok: false; problems: FileProblem[] };

/** Reads an imported file's text. Never throws; changes nothing. */
export function readProgressFile(text: string): FileReading {
  if (text.length > PROGRESS_FILE_MAX_BYTES) {
    return fail('', 'the file is larger than 5 MB; a CacheScope progress file is a few kilobytes');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('', `the file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', 'expected a JSON object with the fields format, version, progress, review and settings');
  }
  const head = data as Record<string, unknown>;
  if (head.format !== PROGRESS_FILE_FORMAT) {
    return fail('format', `expected "${PROGRESS_FILE_FORMAT}": this is not a CacheScope progress file`);
  }
  if (typeof head.version === 'number' && head.version > PROGRESS_FILE_VERSION) {
    return fail(
      'version',
      `this file comes from a newer CacheScope (file version ${head.version}); this page reads version ${PROGRESS_FILE_VERSION}`,
    );
  }
  // Older files are brought up to this version one step at a time (none older exists yet).
  let migrated: unknown = data;
  if (typeof head.version === 'number' && Number.isInteger(head.version)) {
    try {
      migrated = migrate(data, head.version, PROGRESS_FILE_VERSION, PROGRESS_FILE_MIGRATIONS);
    } catch {
      return fail('version', `expected version ${PROGRESS_FILE_VERSION}`);
    }
  }
  const parsed = fileSchema.safeParse(migrated);
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, migrated)) };
}

function fail(path: string, reason: string): FileReading {
  return { ok: false, problems: [{ path, reason }] };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  null: 'null',
};

function describeIssue(issue: z.core.$ZodIssue, data: unknown): FileProblem {
  const path = pathText(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      const found = valueAt(data, issue.path);
      return {
        path,
        reason:
          found === undefined
            ? `missing (expected ${expected})`
            : `expected ${expected}, got ${shown(found)}`,
      };
    }
    case 'invalid_value':
      return {
        path,
        reason: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${shown(valueAt(data, issue.path))}`,
      };
    case 'too_small':
      return {
        path,
        reason: `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        path,
        reason: `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`,
      };
    default:
      return { path, reason: issue.message };
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A found value in a few characters: the problem list is for reading, not for dumping the file. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
