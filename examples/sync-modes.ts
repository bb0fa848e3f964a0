/**
 * Which sync_mode should I use? Maps one u-dma-buf under every sync_mode,
 * without and with O_SYNC, and prints the time to write a block for the
 * device and to read one back, side by side, with the fastest choices.
 *
 * usage: node dist/examples/sync-modes.js [NAME] [BYTES]   (udmabuf0, up to 4 MiB)
 */
import { Udmabuf } from 'u-dma-buf';

import { describeMachine } from '../lib/syncmode/machine.js';
import { compareSyncModes } from './sync-modes/compare.js';

const name = process.argv[2] ?? 'udmabuf0';
const size = new Udmabuf(name);
const bytes = Number(process.argv[3] ?? Math.min(size.buf_size, 4 << 20)) & ~3;
size.close();
const machine = describeMachine();

console.log(`sync_mode comparison on ${name}, ${bytes} bytes, ${machine.arch} (${machine.cpu})`);
if (machine.emulated) console.log(`\nCAVEAT: ${machine.note}\n`);

const rows = compareSyncModes(name, bytes);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('sync_mode', 10)}${pad('O_SYNC', 8)}${pad('mapping', 15)}${pad('write+sync ms', 15)}${pad('sync+read ms', 14)}data`);
for (const r of rows) {
  console.log(`${pad(String(r.sync_mode), 10)}${pad(r.o_sync ? 'yes' : 'no', 8)}${pad(r.mapping, 15)}` +
    `${pad(r.writeMs.toFixed(2), 15)}${pad(r.readMs.toFixed(2), 14)}${r.intact ? 'intact' : 'CHANGED'}`);
}
const best = (key: 'writeMs' | 'readMs') => rows.reduce((a, b) => (b[key] < a[key] ? b : a));
const describe = (r: (typeof rows)[number]) => `sync_mode ${r.sync_mode}${r.o_sync ? ' with O_SYNC' : ''} (${r.mapping})`;
console.log(`\nfastest for the CPU writing data for the device: ${describe(best('writeMs'))}`);
console.log(`fastest for the CPU reading what the device wrote: ${describe(best('readMs'))}`);
console.log(machine.emulated
  ? 'These are emulated figures: on real hardware a cached mapping with sync_for_cpu/sync_for_device ' +
    '(sync_mode 0, or no O_SYNC) is usually fastest for reading, write-combine for streaming writes.'
  : 'Pick the row that fits how your program uses the buffer.');
process.exitCode = rows.every((r) => r.intact) ? 0 : 1;
