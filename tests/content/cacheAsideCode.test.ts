import { describe, expect, it } from 'vitest';
import {
  getEmail,
  updateEmail,
  updateEmailDeleteFirst,
  type Cache,
  type UserTable,
} from '../../src/content/code/cache-aside.ts';

// The lesson's code sample is real code: here it runs against in-memory stand-ins that log calls.

function fakes(emails: Record<number, string>) {
  const log: string[] = [];
  const store = new Map<string, string>();
  const versions = new Map<number, number>();
  const cache: Cache = {
    get: async (key) => (log.push(`GET ${key}`), store.get(key) ?? null),
    set: async (key, value, { EX }) => (log.push(`SET ${key} ${value} EX ${EX}`), store.set(key, value)),
    del: async (key) => (log.push(`DEL ${key}`), store.delete(key) ? 1 : 0),
  };
  const db: UserTable = {
    selectEmail: async (id) => (log.push(`SELECT ${id}`), emails[id] ?? null),
    updateEmail: async (id, email) => {
      log.push(`UPDATE ${id} ${email}`);
      emails[id] = email;
      const version = (versions.get(id) ?? 1) + 1;
      versions.set(id, version);
      return version;
    },
  };
  return { cache, db, log };
}

describe('the cache-aside code sample', () => {
  it('reads through the cache: miss, load, fill; then a hit', async () => {
    const { cache, db, log } = fakes({ 42: 'ada@example.com' });
    expect(await getEmail(cache, db, 42)).toBe('ada@example.com');
    expect(await getEmail(cache, db, 42)).toBe('ada@example.com');
    expect(log).toEqual([
      'GET user:42:email',
      'SELECT 42',
      'SET user:42:email ada@example.com EX 30',
      'GET user:42:email',
    ]);
  });

  it('does not cache a missing row', async () => {
    const { cache, db, log } = fakes({});
    expect(await getEmail(cache, db, 7)).toBeNull();
    expect(log).toEqual(['GET user:7:email', 'SELECT 7']);
  });

  it('writes the database, then deletes the key, and the next read loads the new value', async () => {
    const { cache, db, log } = fakes({ 42: 'ada@old.example' });
    await getEmail(cache, db, 42);
    expect(await updateEmail(cache, db, 42, 'ada@new.example')).toBe(2);
    expect(await getEmail(cache, db, 42)).toBe('ada@new.example');
    expect(log.slice(3)).toEqual([
      'UPDATE 42 ada@new.example',
      'DEL user:42:email',
      'GET user:42:email',
      'SELECT 42',
      'SET user:42:email ada@new.example EX 30',
    ]);
  });

  it('the delete-first variant deletes before it writes', async () => {
    const { cache, db, log } = fakes({ 42: 'ada@old.example' });
    await updateEmailDeleteFirst(cache, db, 42, 'ada@new.example');
    expect(log).toEqual(['DEL user:42:email', 'UPDATE 42 ada@new.example']);
  });
});
