// Read-only arrays (broadcast_to views, memmap mode 'r', their views) refuse
// every write path of np with numpy's ValueError, and nothing is changed.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

const dir = mkdtempSync(join(tmpdir(), 'np-readonly-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function refuses(what: string, write: () => unknown): void {
  assert.throws(write, (e: Error) => e.name === 'ValueError' && /read-only/.test(e.message), what);
}

test('writes into a broadcast_to view are refused and change nothing', () => {
  const base = np.arange(3, undefined, 1, 'int32');
  const b = np.broadcast_to(base, [2, 3]);
  refuses('add out', () => np.add(b, 1, { out: b }));
  refuses('iadd', () => np.iadd(b, 1));
  refuses('copyto', () => np.copyto(b, 5));
  refuses('fill', () => np.fill(b, 5));
  refuses('copyto of a view of it', () => np.copyto(np.index(b, '0'), 7));
  assert.equal(Array.from(base.data), [0, 1, 2]);
});

test("writes into a memmap opened with mode 'r' are refused; the file is unchanged", () => {
  const path = join(dir, 'r.bin');
  writeFileSync(path, Buffer.from([1, 2, 3, 4]));
  const m = np.memmap(path, { dtype: 'uint8', mode: 'r' });
  refuses('add out', () => np.add(m, 1, { out: m }));
  refuses('fill', () => np.fill(m, 0));
  refuses('copyto', () => np.copyto(np.index(m, '1:'), 9));
  refuses('set', () => m.set(0, 9));
  assert.equal(Array.from(m.data as Uint8Array), [1, 2, 3, 4]);
  assert.equal([...readFileSync(path)], [1, 2, 3, 4]);
});

test.run();
