/**
 * Turns an actor's dotted XState state value into the words a learner reads on the diagram.
 * Known states get a phrase; unknown ones are spelled out from their camelCase names, so a new
 * machine state still reads sensibly before anyone adds a phrase for it.
 */
const PHRASES: Record<string, string> = {
  idle: 'idle',
  busy: 'handling requests',
  waiting: 'waiting for a reply',
  up: 'up',
  down: 'down',
  crashed: 'crashed',
};

export function stateInWords(stateValue: string): string {
  const segments = stateValue.split('.').filter((segment) => segment !== '');
  // `up.busy` says "busy": being up is implied once there is something more specific to say.
  const meaningful = segments.length > 1 && segments[0] === 'up' ? segments.slice(1) : segments;
  if (meaningful.length === 0) return 'unknown';
  return meaningful.map((segment) => PHRASES[segment] ?? spellOut(segment)).join(', ');
}

function spellOut(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
