import { describe, expect, it } from 'vitest';
import { RedisSession } from '../../src/engine/index.ts';
import { commandHelp, helpFor } from '../../src/content/redisHelp.ts';

describe('HELP for the console', () => {
  it('describes only commands the simulated cache answers', () => {
    for (const entry of commandHelp) {
      const [reply] = new RedisSession().run(entry.name.split(' '));
      const text = reply?.type === 'error' ? reply.value : '';
      expect(text, entry.name).not.toMatch(/unknown command|unknown subcommand|does not simulate/);
    }
  });

  it('has an entry for every command the cache answers', () => {
    const [listing] = new RedisSession().run(['COMMAND']);
    if (listing?.type !== 'array') throw new Error('COMMAND did not list commands');
    const names = listing.value.map((pair) => {
      const name = pair.type === 'array' ? pair.value[0] : undefined;
      return name?.type === 'bulk' ? String(name.value).toUpperCase() : '';
    });
    // Container commands are documented by their subcommands (CONFIG GET, OBJECT FREQ, …).
    for (const name of names) {
      expect(helpFor(name) ?? commandHelp.find((e) => e.name.startsWith(`${name} `)), name).toBeDefined();
    }
  });
});
