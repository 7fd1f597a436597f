/** The id of the invalidation event for a committed row version: the same version, the same id. */
export function eventIdFor(key: string, version: number): string {
  return `${key}#v${version}`;
}

/** Request id for background traffic no client asked for (relay, broker, consumers, flushes). */
export const BACKGROUND_REQUEST = 0;
