// The DMA layer without hardware: physicalAddress() of views of a Udmabuf
// over a sysfs fixture, Zdma's register programming against a fake register
// file (a tiny model of QEMU's xlnx-zdma that really moves bytes between
// fake bus addresses), its timeout/abort/error paths, and Uio.interrupt()
// on a FIFO standing in for /dev/uioN (the addon's libuv watch).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ndarray from 'ndarray';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import {
  DmaBusyError, DmaAbortError, DmaEngineError, DmaTimeoutError, MMIO, NotContiguousError, NotDmaMemoryError, Udmabuf,
  UdmabufManager, Uio, ZDMA, Zdma, allocate, physicalAddress,
} from 'u-dma-buf';
import type { NdArray } from '../../lib/np/ndarray.js';
import { registerBusMemory } from '../../lib/dma/registry.js';
import { Registers } from '../../lib/uio.js';

/** assert.throws with an error class. */
function throwsA(fn: () => unknown, type: new (...a: never[]) => Error, msg?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof type, msg);
}

const root = mkdtempSync(join(tmpdir(), 'dma-fixture-'));
test.after(() => rmSync(root, { recursive: true, force: true }));

function fixtureBuffer(name: string, phys: number, size: number): Udmabuf {
  const dir = join(root, 'class', name);
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(root, 'dev'), { recursive: true });
  for (const [k, v] of Object.entries({ phys_addr: `0x${phys.toString(16)}`, size: `${size}`, dma_coherent: '0' })) {
    writeFileSync(join(dir, k), `${v}\n`);
  }
  writeFileSync(join(root, 'dev', name), Buffer.alloc(size));
  return new Udmabuf(name, { devDir: join(root, 'dev'), classDir: join(root, 'class') });
}

// ---- physicalAddress ----------------------------------------------------------

test('physicalAddress: memmap arrays and lo / hi / pick / step(1) views', () => {
  const u = fixtureBuffer('pa', 0x3b000000, 65536);
  const a = u.memmap('uint16', [16, 32], { offset: 0x1000 });
  assert.is(physicalAddress(a), 0x3b001000);
  assert.is(physicalAddress(a.pick(3, null)), 0x3b001000 + 3 * 64);
  assert.is(physicalAddress(a.lo(2, 0)), 0x3b001000 + 2 * 64);
  assert.is(physicalAddress(a.lo(2, 0).hi(4, 32)), 0x3b001000 + 2 * 64);
  assert.is(physicalAddress(a.pick(5, 7)), 0x3b001000 + 5 * 64 + 7 * 2, 'a 0-d view');
  assert.is(physicalAddress(a.pick(1, null).lo(4).hi(8)), 0x3b001000 + 64 + 8, 'a row piece');
  u.close();
});

test('physicalAddress refuses non-contiguous views, plain memory and closed mappings', () => {
  const u = fixtureBuffer('pb', 0x3c000000, 65536);
  const a = u.memmap('uint8', [64, 64, 3]);
  assert.throws(() => physicalAddress(a.step(2)), (e: Error) => e instanceof NotContiguousError && /strides in bytes \(384, 3, 1\)/.test(e.message));
  throwsA(() => physicalAddress(a.lo(0, 1)), NotContiguousError, 'a column range');
  throwsA(() => physicalAddress(a.pick(null, null, 0)), NotContiguousError, 'a channel');
  throwsA(() => physicalAddress(a.transpose(1, 0, 2)), NotContiguousError);
  throwsA(() => physicalAddress(ndarray(new Uint8Array(16)) as unknown as NdArray), NotDmaMemoryError);
  u.close();
  assert.throws(() => physicalAddress(a), /closed/);
});

// ---- Zdma against a fake channel ----------------------------------------------

/** A fake bus: memory at bus addresses. */
class FakeBus {
  private readonly ranges: { base: number; bytes: Uint8Array }[] = [];
  add(base: number, size: number): NdArray<'uint8'> {
    const bytes = new Uint8Array(size);
    registerBusMemory(bytes, base);
    this.ranges.push({ base, bytes });
    return ndarray(bytes, [size]) as unknown as NdArray<'uint8'>;
  }
  at(addr: number): { bytes: Uint8Array; index: number } {
    const r = this.ranges.find((x) => addr >= x.base && addr < x.base + x.bytes.length);
    if (!r) throw new Error(`fake bus: nothing at 0x${addr.toString(16)}`);
    return { bytes: r.bytes, index: addr - r.base };
  }
}

/** The channel's registers with QEMU xlnx-zdma's simple-mode behaviour. */
class FakeZdma {
  regs = new Map<number, number>([[ZDMA.CTRL0, 0x80], [ZDMA.IMR, 0xfff], [ZDMA.DATA_ATTR, 0x0483d20f]]);
  log: [number, number][] = [];
  stuck = false;
  failing = false;
  constructor(private readonly bus: FakeBus) {}
  read(offset: number): number {
    return this.regs.get(offset) ?? 0;
  }
  write(offset: number, value: number): void {
    this.log.push([offset, value]);
    if (offset === ZDMA.ISR || offset === ZDMA.TOTAL_BYTE) this.regs.set(offset, this.read(offset) & ~value);
    else if (offset === ZDMA.IDS) this.regs.set(ZDMA.IMR, this.read(ZDMA.IMR) | value);
    else this.regs.set(offset, value >>> 0);
    if (offset === ZDMA.CTRL2 && value & 1 && !this.stuck) this.run();
  }
  private run(): void {
    if (this.failing) {
      this.regs.set(ZDMA.ISR, 1 << 8); // AXI_RD_DATA
      this.regs.set(ZDMA.STATUS, 3);
      this.regs.set(ZDMA.CTRL2, 0);
      return;
    }
    assert.is(this.read(ZDMA.CTRL0) & 0x70, 0, 'simple mode, read-write');
    const src = this.read(ZDMA.SRC_DSCR_WORD0) + this.read(ZDMA.SRC_DSCR_WORD1) * 2 ** 32;
    const dst = this.read(ZDMA.DST_DSCR_WORD0) + this.read(ZDMA.DST_DSCR_WORD1) * 2 ** 32;
    const n = this.read(ZDMA.SRC_DSCR_WORD2);
    const s = this.bus.at(src);
    const d = this.bus.at(dst);
    d.bytes.set(s.bytes.subarray(s.index, s.index + n), d.index);
    this.regs.set(ZDMA.TOTAL_BYTE, this.read(ZDMA.TOTAL_BYTE) + n);
    this.regs.set(ZDMA.ISR, this.read(ZDMA.ISR) | (1 << 10));
    this.regs.set(ZDMA.STATUS, 0);
    this.regs.set(ZDMA.CTRL2, 0);
  }
}

function setup(): { bus: FakeBus; fake: FakeZdma; zdma: Zdma; src: NdArray<'uint8'>; dst: NdArray<'uint8'> } {
  const bus = new FakeBus();
  const src = bus.add(0x1_2345_6000, 4096);
  const dst = bus.add(0x7000_0000, 4096);
  for (let i = 0; i < 4096; i++) src.set(i, (i * 7 + 3) & 0xff);
  const fake = new FakeZdma(bus);
  return { bus, fake, zdma: new Zdma(0, { registers: fake }), src, dst };
}

test('Zdma programs simple mode: descriptors in the registers, then EN last', async () => {
  const { fake, zdma, src, dst } = setup();
  await zdma.copy(dst.lo(16), src.lo(256).hi(1000), { timeoutMs: 100 });
  const w = new Map(fake.log);
  assert.is(w.get(ZDMA.SRC_DSCR_WORD0), 0x2345_6100);
  assert.is(w.get(ZDMA.SRC_DSCR_WORD1), 1, 'address bits 32-48');
  assert.is(w.get(ZDMA.SRC_DSCR_WORD2), 1000);
  assert.is(w.get(ZDMA.DST_DSCR_WORD0), 0x7000_0010);
  assert.is(w.get(ZDMA.DST_DSCR_WORD1), 0);
  assert.is(w.get(ZDMA.DST_DSCR_WORD2), 1000);
  assert.is(w.get(ZDMA.CTRL0)! & 0x40, 0, 'POINT_TYPE register (simple) mode');
  assert.is(w.get(ZDMA.ISR), 0xfff, 'ISR cleared first');
  assert.equal(fake.log[fake.log.length - 1], [ZDMA.CTRL2, 1]);
  assert.ok(fake.log.findIndex(([o]) => o === ZDMA.ISR) < fake.log.findIndex(([o]) => o === ZDMA.SRC_DSCR_WORD0));
  for (let i = 0; i < 1000; i++) if (dst.get(16 + i) !== src.get(256 + i)) assert.unreachable(`byte ${i}`);
  assert.is(dst.get(15), 0);
  assert.is(dst.get(1016), 0);
  assert.ok(zdma.idle && !zdma.running && !zdma.error);
  zdma.transfer(src, { dst, nbytes: 64, start: 8 });
  zdma.wait({ timeoutMs: 100 });
  assert.is(dst.get(0), src.get(8));
});

test('Zdma: a stuck channel times out with its status, in bounded time', async () => {
  const { fake, zdma, src, dst } = setup();
  fake.stuck = true;
  const t0 = Date.now();
  try {
    await zdma.copy(dst, src, { timeoutMs: 50 });
    assert.unreachable('no timeout');
  } catch (e) {
    assert.instance(e, DmaTimeoutError);
    const err = e as DmaTimeoutError;
    assert.is(err.code, 'ETIMEDOUT');
    assert.is(err.engine, 'Zdma 0');
    assert.match(err.message, /Zdma 0: the transfer did not finish within 50 ms \(STATUS 0x0, ISR 0x0, CTRL2 0x1/);
  }
  assert.ok(Date.now() - t0 < 1000);
  assert.ok(zdma.running);
  throwsA(() => zdma.transfer(src, { dst }), DmaBusyError);
  throwsA(() => zdma.wait({ timeoutMs: 20 }), DmaTimeoutError);
});

test('Zdma: an AbortSignal gives up the wait', async () => {
  const { fake, zdma, src, dst } = setup();
  fake.stuck = true;
  const ac = new AbortController();
  setTimeout(() => ac.abort(new Error('user gave up')), 20);
  const t0 = Date.now();
  try {
    await zdma.copy(dst, src, { timeoutMs: 10000, signal: ac.signal });
    assert.unreachable('no abort');
  } catch (e) {
    assert.instance(e, DmaAbortError);
    assert.is((e as DmaAbortError).code, 'ABORT_ERR');
    assert.is(((e as DmaAbortError).cause as Error).message, 'user gave up');
  }
  assert.ok(Date.now() - t0 < 2000);
});

test('Zdma: an engine error is a DmaEngineError with the status', async () => {
  const { fake, zdma, src, dst } = setup();
  fake.failing = true;
  try {
    await zdma.copy(dst, src, { timeoutMs: 100 });
    assert.unreachable('no error');
  } catch (e) {
    assert.instance(e, DmaEngineError);
    assert.match((e as Error).message, /STATUS 0x3, ISR 0x100/);
  }
});

test('Zdma refuses what it cannot move', () => {
  const { zdma, src, dst } = setup();
  assert.throws(() => zdma.transfer(src, { dst: dst.hi(100) }), /do not fit/);
  throwsA(() => zdma.transfer(src.step(2), { dst }), NotContiguousError);
  assert.throws(() => new Zdma(8), /0-7/);
});

// ---- Uio.interrupt on a FIFO (the addon's libuv watch) -------------------------

function fifo(name: string): string {
  const path = join(root, name);
  execFileSync('mkfifo', [path]);
  return path;
}

function count(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

test('Uio.interrupt resolves with the count while timers keep ticking', async () => {
  const path = fifo('uio-a');
  const uio = new Uio(path);
  const writer = openSync(path, 'w');
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  setTimeout(() => writeSync(writer, count(42)), 100);
  const n = await uio.interrupt({ timeoutMs: 5000 });
  clearInterval(ticker);
  assert.is(n, 42);
  assert.ok(ticks >= 5, `the loop ran during the wait (${ticks} ticks)`);
  writeSync(writer, count(43));
  assert.is(await uio.interrupt({ timeoutMs: 1000 }), 43, 'one that came before the wait is not lost');
  closeSync(writer);
  uio.close();
});

test('Uio.interrupt times out and aborts', async () => {
  const path = fifo('uio-b');
  const uio = new Uio(path);
  const t0 = Date.now();
  await uio.interrupt({ timeoutMs: 50 }).then(
    () => assert.unreachable('resolved'),
    (e) => {
      assert.instance(e, DmaTimeoutError);
      assert.match(e.message, /uio-b: no interrupt came within 50 ms/);
    },
  );
  assert.ok(Date.now() - t0 < 1000);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 20);
  await uio.interrupt({ timeoutMs: 10000, signal: ac.signal }).then(
    () => assert.unreachable('resolved'),
    (e) => assert.instance(e, DmaAbortError),
  );
  const aborted = AbortSignal.abort();
  await uio.interrupt({ signal: aborted }).then(() => assert.unreachable('resolved'), (e) => assert.instance(e, DmaAbortError));
  uio.close();
});

// ---- options objects -------------------------------------------------------------

/** A TypeError whose message is `where: unknown option 'key'; the options are …` (the options it has listed). */
function unknownOption(fn: () => unknown, where: string, key: string, known: string): void {
  assert.throws(fn, (e: unknown) => e instanceof TypeError &&
    e.message === `${where}: unknown option '${key}'; the options are ${known}`, `${where} { ${key} }`);
}

async function unknownOptionAsync(p: () => Promise<unknown>, where: string, key: string, known: string): Promise<void> {
  let err: unknown;
  try {
    await p();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof TypeError && err.message === `${where}: unknown option '${key}'; the options are ${known}`,
    `${where} { ${key} }: ${String(err)}`);
}

// A misspelt key used to be read as absent, so the default was used without a
// word: { ofset: 4096 } mapped offset 0, { readonly: true } exported read-write.
test('every options object of the buffer and DMA API refuses a key it does not have, naming the call; nothing is done', async () => {
  const u = fixtureBuffer('udmabuf-opts', 0x4000_0000, 8192);
  unknownOption(() => new Udmabuf('udmabuf-opts', { devdir: '/dev' } as never), 'new Udmabuf', 'devdir', 'devDir, classDir');
  unknownOption(() => u.memmap('uint8', [16], { ofset: 4096 } as never), 'Udmabuf.memmap', 'ofset', 'offset, sync');
  assert.is(u.array, null, 'no mapping was made');
  unknownOption(() => u.export({ readonly: true } as never), 'Udmabuf.export', 'readonly', 'offset, size, readOnly, sync');
  assert.throws(() => u.memmap('uint8', [16], 4096 as never), (e: unknown) => e instanceof TypeError &&
    e.message === 'Udmabuf.memmap: the options are an object with offset, sync; got the number 4096', 'a number as the options');
  const a = u.memmap('uint8', [16], { offset: 4096 });
  assert.is(physicalAddress(a), 0x4000_1000, 'the offset option is used');
  u.close();

  const mgrPath = join(root, 'no-such-mgr');
  unknownOption(() => UdmabufManager.create('udmabuf9', 4096, { dmamask: 32, mgrPath } as never), 'UdmabufManager.create', 'dmamask',
    'mgrPath, device, bus, dmaMask, quirkMmapPage');
  unknownOption(() => UdmabufManager.delete('udmabuf9', { mgr: mgrPath } as never), 'UdmabufManager.delete', 'mgr', 'mgrPath');
  unknownOption(() => allocate([4], 'uint8', { cachable: false, mgrPath } as never), 'allocate', 'cachable', 'cacheable, name, mgrPath');
  unknownOption(() => new MMIO(0x1000, 4, { dev: '/dev/null' } as never), 'new MMIO', 'dev', 'device');

  const { zdma, src, dst } = setup();
  unknownOption(() => new Zdma(0, { regs: {} } as never), 'new Zdma', 'regs', 'registers');
  unknownOption(() => zdma.transfer(src, { dst, dst_start: 8 } as never), 'Zdma 0.transfer', 'dst_start', 'start, nbytes, dst, dstStart');
  assert.ok(zdma.idle, 'no transfer was started');
  unknownOption(() => zdma.wait({ timeout: 5 } as never), 'Zdma 0.wait', 'timeout', 'timeoutMs');
  await unknownOptionAsync(() => zdma.waitAsync({ timeout: 5 } as never), 'Zdma 0.waitAsync', 'timeout', 'timeoutMs, signal');
  await unknownOptionAsync(() => zdma.copy(dst, src, { bytes: 8 } as never), 'Zdma 0.copy', 'bytes', 'timeoutMs, signal, nbytes');
  assert.ok(zdma.idle, 'no copy was started');
  await zdma.copy(dst, src, { nbytes: 64, timeoutMs: 1000 });
  assert.equal([...(dst.data as Uint8Array).subarray(0, 64)], [...(src.data as Uint8Array).subarray(0, 64)], 'known options still work');

  const uio = new Uio(fifo('uio-opts'));
  assert.throws(() => uio.interrupt({ timeout: 5 } as never),
    (e: unknown) => e instanceof TypeError && e.message === "Uio.interrupt: unknown option 'timeout'; the options are timeoutMs, signal");
  uio.close();
});

// ---- arguments past the last one -------------------------------------------------

/** A TypeError `where: takes N argument(s); the <nth>, <value>, would be ignored`. */
function extraArg(fn: () => unknown, where: string, count: number): void {
  const nth = ['first', 'second', 'third', 'fourth', 'fifth'][count];
  const re = new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: takes ${count} arguments?; the ${nth}, .+, would be ignored$`);
  assert.throws(fn, (e: unknown) => e instanceof TypeError && re.test(e.message), `${where} with ${count + 1} arguments`);
}

async function extraArgAsync(p: () => Promise<unknown>, where: string, count: number): Promise<void> {
  let err: unknown;
  try {
    await p();
  } catch (e) {
    err = e;
  }
  extraArg(() => { throw err; }, where, count);
}

/** obj.method(...args) with any arguments, as JavaScript allows (TypeScript refuses extra ones). */
function call(obj: object | null, method: string | ((...a: never[]) => unknown), ...args: unknown[]): unknown {
  const f = (typeof method === 'string' ? (obj as Record<string, unknown>)[method] : method) as (...a: unknown[]) => unknown;
  return f.apply(obj, args);
}

// JavaScript drops an argument past the last one: sync_for_cpu(0, 4096), as
// another API would write a range, synced the whole stored area.
test('every method of the buffer and DMA API refuses an argument past its last one, naming it; nothing is done', async () => {
  const u = fixtureBuffer('udmabuf-args', 0x4000_0000, 8192);
  const attr = (name: string) => join(root, 'class', 'udmabuf-args', name);
  writeFileSync(attr('sync_offset'), '0\n');
  writeFileSync(attr('sync_mode'), '1\n');
  const x = 'extra';
  extraArg(() => Reflect.construct(Udmabuf, ['udmabuf-args', { classDir: join(root, 'class') }, x]), 'new Udmabuf', 2);
  extraArg(() => call(u, 'sync_for_cpu', { offset: 0, size: 64 }, x), 'Udmabuf.sync_for_cpu', 1);
  extraArg(() => call(u, 'sync_for_device', 0, 4096), 'Udmabuf.sync_for_device', 1);
  extraArg(() => call(u, 'syncForCpu', 0, 4096), 'Udmabuf.syncForCpu', 1);
  extraArg(() => call(u, 'syncForDevice', 0, 4096), 'Udmabuf.syncForDevice', 1);
  extraArg(() => call(u, 'get_value', 'size', 10, x), 'Udmabuf.get_value', 2);
  extraArg(() => call(u, 'getValue', 'size', 10, x), 'Udmabuf.getValue', 2);
  extraArg(() => call(u, 'set_value', 'sync_mode', 2, x), 'Udmabuf.set_value', 2);
  extraArg(() => call(u, 'setValue', 'sync_mode', 2, x), 'Udmabuf.setValue', 2);
  extraArg(() => call(u, 'set_sync_area', 1, 4096, 64, x), 'Udmabuf.set_sync_area', 3);
  extraArg(() => call(u, 'setSyncArea', 1, 4096, 64, x), 'Udmabuf.setSyncArea', 3);
  extraArg(() => call(u, 'set_sync_to_device', 4096, 64, x), 'Udmabuf.set_sync_to_device', 2);
  extraArg(() => call(u, 'setSyncToDevice', 4096, 64, x), 'Udmabuf.setSyncToDevice', 2);
  extraArg(() => call(u, 'set_sync_to_cpu', 4096, 64, x), 'Udmabuf.set_sync_to_cpu', 2);
  extraArg(() => call(u, 'setSyncToCpu', 4096, 64, x), 'Udmabuf.setSyncToCpu', 2);
  extraArg(() => call(u, 'set_sync_to_bidirectional', 4096, 64, x), 'Udmabuf.set_sync_to_bidirectional', 2);
  extraArg(() => call(u, 'setSyncToBidirectional', 4096, 64, x), 'Udmabuf.setSyncToBidirectional', 2);
  assert.is(u.get_value('sync_offset'), 0, 'no sync area was written');
  assert.is(u.get_value('sync_mode'), 1, 'no attribute was written');
  extraArg(() => call(u, 'memmap', 'uint8', [16], {}, x), 'Udmabuf.memmap', 3);
  assert.is(u.array, null, 'no mapping was made');
  extraArg(() => call(u, 'export', {}, x), 'Udmabuf.export', 1);
  extraArg(() => call(u, 'close', x), 'Udmabuf.close', 0);
  // a range that is not one: refused before anything is synced
  assert.throws(() => u.sync_for_cpu(4096 as never), (e: unknown) => e instanceof TypeError &&
    e.message === 'Udmabuf.sync_for_cpu: the options are an object with offset, size, direction; got the number 4096');
  assert.throws(() => u.sync_for_device({ ofset: 0, size: 64 } as never), (e: unknown) => e instanceof TypeError &&
    e.message.startsWith("Udmabuf.sync_for_device: unknown option 'ofset'"));
  assert.throws(() => u.sync_for_cpu({ offset: 0, size: '64' } as never), (e: unknown) => e instanceof TypeError &&
    e.message.startsWith("Udmabuf.sync_for_cpu: the range's offset and size are whole numbers of bytes"));
  const a = u.memmap('uint8', [16]);
  assert.is(a.shape[0], 16, 'the buffer is still open and maps');
  u.close();

  const mgrPath = join(root, 'no-such-mgr');
  extraArg(() => call(UdmabufManager, 'create', 'udmabuf9', 4096, { mgrPath }, x), 'UdmabufManager.create', 3);
  extraArg(() => call(UdmabufManager, 'delete', 'udmabuf9', { mgrPath }, x), 'UdmabufManager.delete', 2);
  extraArg(() => call(null, allocate, [4], 'uint8', { mgrPath }, x), 'allocate', 3);
  extraArg(() => Reflect.construct(MMIO, [0x1000, 4, {}, x]), 'new MMIO', 3);

  const { zdma, src, dst } = setup();
  extraArg(() => Reflect.construct(Zdma, [0, {}, x]), 'new Zdma', 2);
  extraArg(() => call(zdma, 'transfer', src, { dst }, x), 'Zdma 0.transfer', 2);
  assert.ok(zdma.idle, 'no transfer was started');
  extraArg(() => call(zdma, 'wait', {}, x), 'Zdma 0.wait', 1);
  await extraArgAsync(() => call(zdma, 'waitAsync', {}, x) as Promise<unknown>, 'Zdma 0.waitAsync', 1);
  await extraArgAsync(() => call(zdma, 'copy', dst, src, {}, x) as Promise<unknown>, 'Zdma 0.copy', 3);
  assert.ok(zdma.idle, 'no copy was started');
  extraArg(() => call(zdma, 'close', x), 'Zdma 0.close', 0);

  const view = new Uint32Array(4);
  const regs = new Registers(view);
  extraArg(() => call(regs, 'write', 4, 7, x), 'Registers.write', 2);
  extraArg(() => call(regs, 'read', 4, 8), 'Registers.read', 1);
  assert.equal([...view], [0, 0, 0, 0], 'no register was written');
  const path = fifo('uio-args');
  extraArg(() => Reflect.construct(Uio, [path, undefined, x]), 'new Uio', 2);
  extraArg(() => call(Uio, 'fromPci', 0x1234, 0x11e8, x), 'Uio.fromPci', 2);
  extraArg(() => call(Uio, 'enableBusMaster', '0000:00:04.0', x), 'Uio.enableBusMaster', 1);
  const uio = new Uio(path);
  extraArg(() => call(uio, 'map', 0, x), 'Uio.map', 1);
  extraArg(() => call(uio, 'mapResource', 0, x), 'Uio.mapResource', 1);
  extraArg(() => call(uio, 'enableInterrupts', x), 'Uio.enableInterrupts', 0);
  extraArg(() => call(uio, 'waitInterrupt', 5, x), 'Uio.waitInterrupt', 1);
  extraArg(() => call(uio, 'interrupt', {}, x), 'Uio.interrupt', 1);
  extraArg(() => call(uio, 'clearInterrupt', x), 'Uio.clearInterrupt', 0);
  extraArg(() => call(uio, 'close', x), 'Uio.close', 0);
  uio.close();
});

test.run();
