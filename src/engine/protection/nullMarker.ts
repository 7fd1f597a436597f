/**
 * What null caching stores for a key whose row does not exist. Real code stores a sentinel like
 * this (or an empty string) rather than nothing, since a missing key already means "not cached".
 */
export const NULL_MARKER = '__null__';

/**
 * The version a null marker carries: "no row" is older than every committed version (1 and up), so
 * once the row is created the consistency check sees the marker as a stale copy, which it is.
 */
export const NULL_MARKER_VERSION = 0;
