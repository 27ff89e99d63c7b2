/**
 * Generates seeds/normalise/t2s.json: single-character traditional → simplified folds taken
 * from OpenCC (opencc-js, Taiwan and Hong Kong variants → mainland). The engine stays pure and
 * the table is versioned data: rerun this script to refresh it, then commit the file.
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const map: Record<string, string> = {};
// CJK Unified Ideographs and Extension A: where traditional characters live in the BMP.
const ranges: Array<[number, number]> = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
for (const [lo, hi] of ranges) {
  for (let c = lo; c <= hi; c++) {
    const ch = String.fromCharCode(c);
    for (const convert of [fromTw, fromHk]) {
      const out = convert(ch);
      if (out !== ch && out.length === 1) { map[ch] = out; break; }
    }
  }
}
// OpenCC's Taiwan table also maps some simplified characters onward (么 → 幺): a character that
// is itself the simplified form of another is never folded again, so 什麼 and 什么 agree.
const simplified = new Set(Object.values(map));
for (const ch of Object.keys(map)) if (simplified.has(ch)) delete map[ch];
writeFileSync(new URL('../seeds/normalise/t2s.json', import.meta.url), `${JSON.stringify(map)}\n`);
console.log(`t2s: ${Object.keys(map).length} characters`);
