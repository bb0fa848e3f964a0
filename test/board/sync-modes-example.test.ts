// The sync_mode comparison example on this board: every sync_mode with and
// without O_SYNC maps, the data written reads back unchanged, the mapping
// reported is the driver's table for this architecture, and the buffer's
// own sync_mode is put back afterwards.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { Udmabuf } from 'u-dma-buf';

import { compareSyncModes, mappingOf } from '../../examples/sync-modes/compare.js';

test('all 16 rows ran with the data intact, and sync_mode was put back', () => {
  const u = new Udmabuf('udmabuf0');
  u.sync_mode = 3;
  const rows = compareSyncModes('udmabuf0', 256 << 10, 1);
  assert.is(rows.length, 16);
  assert.equal(rows.filter((r) => !r.intact), []);
  assert.ok(rows.every((r) => r.writeMs > 0 && r.readMs > 0));
  assert.is(u.sync_mode, 3);
  u.sync_mode = 1;
  u.close();
});

test("the mapping column is the driver's table", () => {
  assert.is(mappingOf(1, true, 'arm64'), 'non-cached');
  assert.is(mappingOf(2, true, 'arm'), 'write-combine');
  assert.is(mappingOf(7, false, 'arm'), 'DMA-coherent');
  assert.is(mappingOf(7, false, 'arm64'), 'write-combine');
  assert.is(mappingOf(5, false, 'x64'), 'cached');
  assert.is(mappingOf(4, true, 'arm64'), 'cached');
});

test.run();
