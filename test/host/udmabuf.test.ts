// The Udmabuf class against a sysfs fixture (plain files in a temporary
// folder) and a regular file standing in for /dev/<name>: attribute parsing,
// the Python-compatible sync-area semantics, mapping checks and close().
// Everything that needs the driver itself runs on the boards (test/board).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { ClosedError, ModuleNotLoadedError, NoSuchBufferError, ShapeError, Udmabuf, np } from 'u-dma-buf';

const root = mkdtempSync(join(tmpdir(), 'udmabuf-fixture-'));
const devDir = join(root, 'dev');
const classDir = join(root, 'class');
const SIZE = 16384;

function fixture(name: string): void {
  const dir = join(classDir, name);
  mkdirSync(dir, { recursive: true });
  mkdirSync(devDir, { recursive: true });
  const attrs: Record<string, string> = {
    phys_addr: '0x3b00000\n', size: `${SIZE}\n`, sync_mode: '1\n', sync_offset: '0\n',
    sync_size: `${SIZE}\n`, sync_direction: '0\n', sync_owner: '0\n', dma_coherent: '0\n',
  };
  for (const [k, v] of Object.entries(attrs)) writeFileSync(join(dir, k), v);
  writeFileSync(join(devDir, name), Buffer.alloc(SIZE));
}

test.before(() => fixture('udmabuf0'));
test.after(() => rmSync(root, { recursive: true, force: true }));

const open = (name = 'udmabuf0'): Udmabuf => new Udmabuf(name, { devDir, classDir });

test('construction reads phys_addr (hex) and size, as the Python class', () => {
  const u = open();
  assert.is(u.name, 'udmabuf0');
  assert.is(u.device_name, join(devDir, 'udmabuf0'));
  assert.is(u.class_path, join(classDir, 'udmabuf0'));
  assert.is(u.phys_addr, 0x3b00000);
  assert.is(u.buf_size, SIZE);
  assert.is(u.physAddr, u.phys_addr);
  assert.is(u.bufSize, SIZE);
});

test('sync fields are null until set_sync_area, which writes what is given and reads the rest', () => {
  const u = open();
  assert.is(u.sync_offset, null);
  assert.is(u.sync_size, null);
  assert.is(u.sync_direction, null);
  u.set_sync_area(2, 4096);
  assert.is(u.sync_offset, 4096);
  assert.is(u.sync_size, SIZE);
  assert.is(u.sync_direction, 2);
  assert.is(readFileSync(join(classDir, 'udmabuf0', 'sync_offset'), 'utf8'), '4096');
  u.set_sync_to_device(0, 1024);
  assert.is(u.syncDirection, 1);
  u.set_sync_to_cpu();
  assert.is(u.sync_direction, 2);
  u.set_sync_to_bidirectional();
  assert.is(u.sync_direction, 0, 'bidirectional is 0, not the original 3');
  assert.is(readFileSync(join(classDir, 'udmabuf0', 'sync_direction'), 'utf8'), '0');
});

test('get_value / set_value and the sync_mode property', () => {
  const u = open();
  u.set_value('sync_mode', 5);
  assert.is(u.sync_mode, 5);
  u.syncMode = 2;
  assert.is(u.getValue('sync_mode'), 2);
  assert.is(u.get_value('phys_addr', 16), 0x3b00000);
  writeFileSync(join(classDir, 'udmabuf0', 'sync_owner'), 'junk\n');
  assert.throws(() => u.sync_owner, /not a base-10 number/);
  writeFileSync(join(classDir, 'udmabuf0', 'sync_owner'), '0\n');
});

test('memmap views the buffer without a copy; .array, .mem_map and .item_size are set', () => {
  const u = open();
  const a = u.memmap('uint16', [64, 64]);
  assert.is(u.array, a);
  assert.is(u.mem_map, a);
  assert.is(u.item_size, 2);
  np.fill(a, 0x3132);
  assert.is(readFileSync(join(devDir, 'udmabuf0'))[0], 0x32);
  const rgb = u.memmap(np.uint8, [16, 16, 3], { offset: 8192 });
  rgb.set(0, 0, 1, 7);
  assert.is(readFileSync(join(devDir, 'udmabuf0'))[8193], 7);
  u.close();
});

test('shapes, offsets and dtypes that do not fit are refused', () => {
  const u = open();
  assert.throws(() => u.memmap('uint8', SIZE + 1), (e: Error) => e instanceof ShapeError && /needs 16385 bytes; udmabuf0 has 16384/.test(e.message));
  assert.throws(() => u.memmap('float32', 16, { offset: 2 }), (e: Error) => e instanceof ShapeError);
  assert.throws(() => u.memmap('uint8', 16, { offset: SIZE }), (e: Error) => e instanceof ShapeError);
  assert.throws(() => u.memmap('float16' as string as np.DTypeLike, 16), /unknown dtype/);
  u.close();
});

test('after close, views read as zero length and the object refuses use', () => {
  const u = open();
  const a = u.memmap('uint8', SIZE);
  a.set(0, 1);
  u.close();
  assert.is((a.data as Uint8Array).length, 0);
  assert.is(a.get(0), undefined);
  assert.throws(() => u.memmap('uint8', 16), (e: Error) => e instanceof ClosedError);
  assert.throws(() => u.sync_for_cpu(), (e: Error) => e instanceof ClosedError);
  u.close(); // idempotent
});

test('missing module and missing buffer are told apart', () => {
  assert.throws(
    () => new Udmabuf('udmabuf0', { devDir, classDir: join(root, 'nothing') }),
    (e: Error) => e instanceof ModuleNotLoadedError && /insmod/.test(e.message),
  );
  assert.throws(
    () => new Udmabuf('udmabuf9', { devDir, classDir }),
    (e: Error) => e instanceof NoSuchBufferError && /udmabuf9/.test(e.message),
  );
});

test.run();
