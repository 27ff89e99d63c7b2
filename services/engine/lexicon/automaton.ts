/**
 * One Aho–Corasick automaton over every lexicon term of every rule (DESIGN.md hot path): one
 * pass per transcript segment reports every occurrence of every term, overlapping ones
 * included (a shorter term ending where a longer one ends is still reported: 行业最好 and 最好).
 * Transitions live in one Map keyed by state * 65536 + UTF-16 code unit, built once per ruleset.
 */

export type Automaton = {
  /** Calls onMatch(patternId, start, end) for every occurrence; end is exclusive. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void;
  readonly patterns: readonly string[];
  readonly states: number;
};

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const next = new Map<number, number>();
  const fail: number[] = [0];
  const out: number[][] = [[]]; // patterns ending exactly at this state
  const dictLink: number[] = [-1]; // nearest state on the fail chain with an output
  const depth: number[] = [0];
  let states = 1;
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const key = s * 65536 + p.charCodeAt(i);
      let t = next.get(key);
      if (t === undefined) {
        t = states++;
        next.set(key, t);
        fail.push(0);
        out.push([]);
        dictLink.push(-1);
        depth.push(depth[s]! + 1);
      }
      s = t;
    }
    out[s]!.push(id);
  });
  // Breadth-first fail links. Children of each state are recovered from the key space.
  const children: Array<Array<[number, number]>> = Array.from({ length: states }, () => []);
  for (const [key, t] of next) children[Math.floor(key / 65536)]!.push([key % 65536, t]);
  const queue: number[] = [];
  for (const [, t] of children[0]!) queue.push(t);
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [c, t] of children[s]!) {
      let f = fail[s]!;
      let ft: number | undefined;
      while ((ft = next.get(f * 65536 + c)) === undefined && f !== 0) f = fail[f]!;
      fail[t] = ft !== undefined && ft !== t ? ft : 0;
      const ff = fail[t]!;
      dictLink[t] = out[ff]!.length > 0 ? ff : dictLink[ff]!;
      queue.push(t);
    }
  }
  return {
    patterns,
    states,
    scan(text, onMatch) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let t: number | undefined;
        while ((t = next.get(s * 65536 + c)) === undefined && s !== 0) s = fail[s]!;
        s = t ?? 0;
        for (let o = out[s]!.length > 0 ? s : dictLink[s]!; o > 0; o = dictLink[o]!) {
          const len = depth[o]!;
          for (const id of out[o]!) onMatch(id, i + 1 - len, i + 1);
        }
      }
    },
  };
}
