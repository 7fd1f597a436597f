/**
 * Redis's glob matcher (`stringmatchlen` in util.c), ported so KEYS, SCAN MATCH, PSUBSCRIBE and
 * CONFIG GET accept exactly what Redis accepts: `*`, `?`, `[abc]`, `[^a-z]`, `[a-]`, and `\` to
 * escape. An unclosed `[` matches up to the end of the pattern, and an empty string matches no
 * pattern at all (not even `*`), both as in Redis.
 */
export function globMatch(pattern: string, text: string, noCase = false): boolean {
  return matchFrom(pattern, 0, text, 0, noCase);
}

function matchFrom(p: string, pi: number, s: string, si: number, noCase: boolean): boolean {
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    const c = p[pi] as string;
    switch (c) {
      case '*': {
        while (pi + 1 < plen && p[pi + 1] === '*') pi++;
        if (pi + 1 === plen) return true;
        for (let k = si; k < slen; k++) {
          if (matchFrom(p, pi + 1, s, k, noCase)) return true;
        }
        return false;
      }
      case '?':
        si++;
        break;
      case '[': {
        pi++;
        const not = p[pi] === '^';
        if (not) pi++;
        let match = false;
        const ch = fold(s[si] as string, noCase);
        for (;;) {
          if (pi >= plen) {
            pi--; // an unclosed class ends at the pattern's end (Redis steps back one)
            break;
          }
          const pc = p[pi] as string;
          if (pc === '\\' && pi + 1 < plen) {
            pi++;
            if (p[pi] === s[si]) match = true;
          } else if (pc === ']') {
            break;
          } else if (pi + 2 < plen && p[pi + 1] === '-') {
            let start = fold(pc, noCase);
            let end = fold(p[pi + 2] as string, noCase);
            if (start > end) [start, end] = [end, start];
            pi += 2;
            if (ch >= start && ch <= end) match = true;
          } else if (fold(pc, noCase) === ch) {
            match = true;
          }
          pi++;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        break;
      }
      default:
        // `\` escapes the next character, which is then matched literally.
        if (c === '\\' && pi + 1 < plen) pi++;
        if (fold(p[pi] as string, noCase) !== fold(s[si] as string, noCase)) return false;
        si++;
        break;
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p[pi] === '*') pi++;
      break;
    }
  }
  return pi === plen && si === slen;
}

function fold(c: string, noCase: boolean): string {
  return noCase ? c.toLowerCase() : c;
}
