/** The 1-based line carrying `// step: <marker>` in a code sample, or null when there is none. */
export function codeLineForMarker(source: string, marker: string): number | null {
  const pattern = new RegExp(`//\\s*step:\\s*${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const index = source.split('\n').findIndex((line) => pattern.test(line));
  return index === -1 ? null : index + 1;
}
