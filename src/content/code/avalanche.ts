// Cache-aside for pages, with the two defences against an avalanche:
// a random extra on every TTL, so keys set together do not expire
// together, and a warm-up that spreads its writes over a period.
// A `// step:` comment marks the line the Visual highlights.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
}

export interface PageTable {
  selectPage(name: string): Promise<string | null>;
}

/** Time and chance, passed in so tests can control them. */
export interface Runtime {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), like Math.random. */
  random(): number;
}

export const realRuntime: Runtime = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

// The Visual's numbers (the first scenario has no jitter). A real
// site might use an hour plus up to five minutes.
const TTL_SECONDS = 1;
const JITTER_SECONDS = 3;

const pageKey = (name: string) => `page:${name}`;

/** The base TTL plus 0 to JITTER_SECONDS whole seconds. */
export function jitteredTtl(rt: Runtime): number {
  const extra = Math.floor(rt.random() * (JITTER_SECONDS + 1));
  return TTL_SECONDS + extra;
}

/** Read: cache-aside, and every fill draws its own TTL. */
export async function getPage(
  cache: Cache,
  db: PageTable,
  rt: Runtime,
  name: string,
): Promise<string | null> {
  const cached = await cache.get(pageKey(name)); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const page = await db.selectPage(name); // step: read-db
  if (page === null) return null;

  const ttl = { EX: jitteredTtl(rt) };
  await cache.set(pageKey(name), page, ttl); // step: hydrate
  return page; // step: reply
}

/**
 * Warm-up before traffic: writes the pages evenly over spreadMs, so
 * their expiries are spread too, and jitters each TTL on top. Returns
 * how many pages it cached.
 */
export async function warmUp(
  cache: Cache,
  db: PageTable,
  rt: Runtime,
  names: readonly string[],
  spreadMs: number,
): Promise<number> {
  const gapMs = names.length > 0 ? spreadMs / names.length : 0;
  let warmed = 0;
  for (const name of names) {
    const page = await db.selectPage(name);
    if (page !== null) {
      await cache.set(pageKey(name), page, { EX: jitteredTtl(rt) });
      warmed++;
    }
    await rt.sleep(gapMs);
  }
  return warmed;
}
