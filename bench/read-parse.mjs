// The reference for `npm run bench:scan`: reads a JSON Lines file and JSON.parses every line,
// nothing else (same chunked line reading as `supervisor scan`). Plain JS, no tsx.
// Usage: node bench/read-parse.mjs FILE  → prints "<lines> lines" on stderr.
import { openSync, readSync, closeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: read-parse.mjs FILE.jsonl\n');
  process.exit(2);
}
const fd = openSync(file, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
let carry = '';
const decoder = new StringDecoder('utf8'); // a chunk may end inside a character
let lines = 0;
let sink = 0;
const parse = (line) => {
  lines++;
  if (line.trim().length === 0) return;
  try {
    const o = JSON.parse(line);
    sink += typeof o === 'object' && o !== null ? 1 : 0;
  } catch {
    sink--;
  }
};
for (;;) {
  const n = readSync(fd, buf, 0, buf.length, null);
  if (n === 0) break;
  const text = carry + decoder.write(buf.subarray(0, n));
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    parse(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
    start = nl + 1;
  }
  carry = text.slice(start);
}
carry += decoder.end();
if (carry.length > 0) parse(carry);
closeSync(fd);
process.stderr.write(`${lines} lines, ${sink} objects\n`);
