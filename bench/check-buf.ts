/**
 * The original's check_buf / clear_buf in TypeScript against the same C
 * (native/csrc/checkbuf.c), on the same 1 MiB memory-mapped file, one run.
 * Target: TypeScript check_buf within 2x of C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { np } from 'u-dma-buf';

import { binding } from '../lib/binding.js';
import { check_buf, clear_buf } from './checkbuf.js';
import { fmt, markdownTable, measure } from './harness.js';

const FILE = 'build/bench/checkbuf.bin';
const SIZE = 1 << 20;

mkdirSync('build/bench', { recursive: true });
writeFileSync(FILE, Buffer.alloc(SIZE));
const buf = np.memmap(FILE, { dtype: 'uint8', shape: SIZE }).data as Uint8Array;

const tsCheck = measure('check_buf ts', () => check_buf(buf, SIZE), 1).ms;
const cCheck = measure('check_buf c', () => binding().checkBuf(buf), 1).ms;
const tsClear = measure('clear_buf ts', () => clear_buf(buf, SIZE), 1).ms;
const cClear = measure('clear_buf c', () => binding().clearBuf(buf), 1).ms;

console.log(markdownTable(['1 MiB', 'TypeScript ms', 'C ms', 'TS / C'], [
  ['check_buf', fmt(tsCheck), fmt(cCheck), (tsCheck / cCheck).toFixed(2)],
  ['clear_buf', fmt(tsClear), fmt(cClear), (tsClear / cClear).toFixed(2)],
]));
