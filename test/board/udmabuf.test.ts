// The TypeScript layer against the real driver, inside a board booted with
// udmabuf0=1048576 (vm/test). Data written through a view is checked with
// plain read(2) on the device, and the other way round.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import {
  BufferTooLargeError, BusyError, ClosedError, NoSuchBufferError, ShapeError, Udmabuf, UdmabufError,
  UdmabufManager, np,
} from 'u-dma-buf';

const NAME = 'udmabuf0';
const SIZE = 1048576;

function readDevice(name: string, offset: number, length: number): Buffer {
  const fd = openSync(`/dev/${name}`, 'r');
  const buf = Buffer.alloc(length);
  readSync(fd, buf, 0, length, offset);
  closeSync(fd);
  return buf;
}

function writeDevice(name: string, offset: number, data: Buffer): void {
  const fd = openSync(`/dev/${name}`, 'r+');
  writeSync(fd, data, 0, data.length, offset);
  closeSync(fd);
}

test('the buffer is found with its phys_addr and size', () => {
  const u = new Udmabuf(NAME);
  assert.is(u.buf_size, SIZE);
  assert.ok(u.phys_addr > 0);
  assert.is(u.sync_mode, 1);
  assert.is(u.sync_offset, null);
  u.close();
});

test('every dtype views the buffer in little-endian order, both ways', () => {
  const u = new Udmabuf(NAME);
  for (const dt of np.allDTypes().filter((d) => d.kind !== 'b')) {
    const n = 256;
    const a = u.memmap(dt, n, { offset: 4096 });
    const value = dt.kind === 'f' ? -1.25 : dt.kind === 'i' ? -3 : 200;
    np.fill(a, dt.isBigInt ? BigInt(value) : value);
    const bytes = readDevice(NAME, 4096, n * dt.itemsize);
    const expected = Buffer.from(new dt.ArrayType(n).fill((dt.isBigInt ? BigInt(value) : value) as never).buffer);
    assert.ok(bytes.equals(expected), `${dt.name} view -> read()`);
    const src = new dt.ArrayType(n);
    for (let i = 0; i < n; i++) src[i] = (dt.isBigInt ? BigInt(i) : i) as never;
    writeDevice(NAME, 4096, Buffer.from(src.buffer));
    assert.equal(a.get(77), dt.isBigInt ? 77n : 77, `write() -> ${dt.name} view`);
  }
  // bool: one byte per element, true stored as 1
  const b = u.memmap('bool', 256, { offset: 4096 });
  np.fill(b, true);
  assert.ok(readDevice(NAME, 4096, 256).equals(Buffer.alloc(256, 1)), 'bool view -> read()');
  writeDevice(NAME, 4096 + 77, Buffer.from([0]));
  assert.equal([b.get(76), b.get(77)], [true, false], 'write() -> bool view');
  u.close();
});

test('an HxWx3 uint8 image view at an offset, with channel views', () => {
  const u = new Udmabuf(NAME);
  const [H, W] = [48, 64];
  const offset = 65536 + 3;
  const img = u.memmap('uint8', [H, W, 3], { offset });
  np.fill(img, 0);
  np.fill(img.pick(null, null, 1), 0x80);
  const row = readDevice(NAME, offset + 10 * W * 3, W * 3);
  for (let x = 0; x < W; x++) assert.equal([row[3 * x], row[3 * x + 1], row[3 * x + 2]], [0, 0x80, 0]);
  img.set(H - 1, W - 1, 2, 9);
  assert.is(readDevice(NAME, offset + H * W * 3 - 1, 1)[0], 9);
  u.close();
});

test('O_SYNC mappings under each sync_mode keep data consistent', () => {
  const u = new Udmabuf(NAME);
  for (let mode = 0; mode <= 7; mode++) {
    u.sync_mode = mode;
    const a = u.memmap('uint32', 1024, { sync: true, offset: 8192 });
    np.fill(a, mode * 0x01010101);
    assert.is(readDevice(NAME, 8192 + 4 * 1000, 4).readUInt32LE(0), mode * 0x01010101, `sync_mode ${mode}`);
  }
  u.sync_mode = 1;
  u.close();
});

test('sync_for_device / sync_for_cpu move sync_owner, with and without a range', () => {
  const u = new Udmabuf(NAME);
  u.set_sync_to_device(0, 65536);
  u.sync_for_device();
  assert.is(u.sync_owner, 1);
  u.sync_for_cpu();
  assert.is(u.sync_owner, 0);
  u.syncForDevice({ offset: 4096, size: 8192, direction: 1 });
  assert.is(u.syncOwner, 1);
  u.syncForCpu({ offset: SIZE - 16, size: 16, direction: 2 });
  assert.is(u.sync_owner, 0);
  assert.is(u.get_value('sync_offset'), 0, 'a one-off range leaves the stored area');
  assert.is(u.get_value('sync_size'), 65536);
  u.sync_for_device();
  assert.throws(() => u.sync_for_cpu({ offset: SIZE, size: 16 }), (e: Error) => e instanceof ShapeError);
  assert.is(u.sync_owner, 1, 'a refused sync keeps the owner');
  u.sync_for_cpu();
  u.set_sync_to_bidirectional(0, SIZE);
  assert.is(u.get_value('sync_direction'), 0);
  u.close();
});

test('the manager creates and deletes; delete is refused while mapped', () => {
  UdmabufManager.create('tsbuf', 65536);
  const u = new Udmabuf('tsbuf');
  assert.is(u.buf_size, 65536);
  const a = u.memmap('uint8', 65536);
  np.fill(a, 0x5a);
  assert.throws(() => UdmabufManager.delete('tsbuf'), (e: Error) => e instanceof BusyError && /close/.test(e.message));
  assert.is(readDevice('tsbuf', 100, 1)[0], 0x5a, 'data intact after the refused delete');
  u.close();
  UdmabufManager.delete('tsbuf');
  assert.throws(() => new Udmabuf('tsbuf'), (e: Error) => e instanceof NoSuchBufferError);
  assert.throws(() => UdmabufManager.delete('tsbuf'), (e: Error) => e instanceof NoSuchBufferError);
  assert.throws(() => UdmabufManager.create(NAME, 4096), (e: Error) => e instanceof UdmabufError && e.code === 'EEXIST');
  assert.throws(() => UdmabufManager.create('a/b', 4096), (e: Error) => e instanceof UdmabufError && e.code === 'EINVAL');
  assert.throws(() => UdmabufManager.create('tsbig', 2 ** 40), (e: Error) => e instanceof BufferTooLargeError && /cma=/.test(e.message));
});

test('after close, views are empty and the buffer can be deleted', () => {
  UdmabufManager.create('tsclose', 4096);
  const u = new Udmabuf('tsclose');
  const a = u.memmap('uint8', 4096);
  u.close();
  assert.is(a.size, 4096, 'the ndarray keeps its shape');
  assert.is((a.data as Uint8Array).length, 0, 'but its data is detached');
  assert.throws(() => u.memmap('uint8', 16), (e: Error) => e instanceof ClosedError);
  UdmabufManager.delete('tsclose');
});

test('one-off sync ranges need no alignment; the driver gets them widened to 16 bytes', () => {
  const u = new Udmabuf(NAME);
  u.sync_for_device({ offset: 5, size: 3, direction: 1 });
  assert.is(u.sync_owner, 1);
  u.sync_for_cpu({ offset: SIZE - 1, size: 1, direction: 2 });
  assert.is(u.sync_owner, 0);
  assert.throws(() => u.sync_for_cpu({ offset: 0, size: 16, direction: 3 as 0 }), (e: Error) => e instanceof RangeError);
  u.close();
});

test('export() gives a dma-buf of a range that maps the same memory and blocks delete', () => {
  UdmabufManager.create('tsexp', 65536);
  const u = new Udmabuf('tsexp');
  const a = u.memmap('uint8', 65536);
  for (let i = 0; i < 65536; i++) a.set(i, (i * 7) & 255);
  const fd = u.export({ offset: 8192, size: 16384 });
  assert.is(fstatSync(fd).size, 16384, 'the dma-buf has the range\'s size');
  u.close();
  assert.throws(() => UdmabufManager.delete('tsexp'), (e: Error) => e instanceof BusyError, 'delete while exported');
  closeSync(fd);
  UdmabufManager.delete('tsexp');
});

test('export() refuses a range outside the buffer or not page-aligned', () => {
  const u = new Udmabuf(NAME);
  assert.throws(() => u.export({ offset: 100 }), (e: Error) => e instanceof ShapeError && /multiple of/.test(e.message));
  assert.throws(() => u.export({ offset: 0, size: SIZE + 1 }), (e: Error) => e instanceof ShapeError);
  u.close();
});

test('the manager makes page-mode buffers; a missing parent device is named', () => {
  UdmabufManager.create('tspage', 65536, { quirkMmapPage: true });
  const u = new Udmabuf('tspage');
  assert.is(u.quirk_mmap_mode, 4);
  assert.is(u.quirkMmapMode, 4);
  const a = u.memmap('uint32', 16384);
  np.fill(a, 0xdeadbeef);
  assert.is(readDevice('tspage', 65532, 4).readUInt32LE(0), 0xdeadbeef);
  u.close();
  UdmabufManager.delete('tspage');
  assert.is(new Udmabuf(NAME).quirk_mmap_mode, 2, 'the default is the PFN map');
  assert.throws(() => UdmabufManager.create('tspar', 4096, { bus: 'pci', device: '0000:99:1f.7' }),
    (e: Error) => e instanceof UdmabufError && e.code === 'ENODEV' && /0000:99:1f.7/.test(e.message));
  assert.throws(() => UdmabufManager.create('tspar', 4096, { device: 'x', dmaMask: 32 }),
    (e: Error) => e instanceof UdmabufError && /dmaMask/.test(e.message));
  assert.throws(() => new Udmabuf('tspar'), (e: Error) => e instanceof NoSuchBufferError);
});

test('Symbol.dispose closes', () => {
  const u = new Udmabuf(NAME);
  const a = u.memmap('uint8', 16);
  u[Symbol.dispose]();
  assert.is((a.data as Uint8Array).length, 0);
});

test.run();
