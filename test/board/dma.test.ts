// The PYNQ-style DMA layer on a board: allocate() with flush/invalidate,
// physicalAddress() of views, MMIO over /dev/mem, event-driven UIO
// interrupts, and the DMA engines the board has: the edu PCI device
// (EduDma, every board with PCI) and the ZynqMP's GDMA (Zdma, on zynqmp).
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import {
  DmaAbortError, DmaTimeoutError, EduDma, MMIO, MmioError, NotContiguousError, Udmabuf, Uio, Zdma, allocate, np,
  physicalAddress,
} from 'u-dma-buf';

const hasEdu = existsSync('/sys/bus/pci/devices') &&
  readFileSync('/proc/bus/pci/devices', 'latin1').includes('123411e8');
const compatible = existsSync('/proc/device-tree/compatible') ? readFileSync('/proc/device-tree/compatible', 'latin1') : '';
const hasZdma = compatible.includes('xlnx,zynqmp');

function pattern(a: np.NdArray<'uint8'>, seed: number): void {
  for (let i = 0; i < a.size; i++) a.set(i, (i * 13 + seed) & 0xff);
}

function mismatches(a: np.NdArray<'uint8'>, seed: number): number {
  let bad = 0;
  for (let i = 0; i < a.size; i++) if (a.get(i) !== ((i * 13 + seed) & 0xff)) bad++;
  return bad;
}

// ---- allocate and physicalAddress ---------------------------------------------

test('allocate: a named or unnamed buffer, its address, coherent/cacheable, freebuffer', () => {
  const a = allocate([32, 64], 'uint16');
  const name = a.udmabuf.name;
  assert.match(name, /^pynq-\d+-\d+$/);
  const sys = `/sys/class/u-dma-buf/${name}`;
  assert.is(a.physical_address, parseInt(readFileSync(`${sys}/phys_addr`, 'latin1'), 16));
  assert.is(a.physicalAddress, a.physical_address);
  assert.is(a.coherent, readFileSync(`${sys}/dma_coherent`, 'latin1').trim() === '1');
  assert.is(a.cacheable, true);
  assert.equal(a.shape, [32, 64]);
  np.fill(a, 0x1234);
  a.flush();
  a.invalidate();
  a.flush(a.lo(4, 0).hi(2, 64));
  a.invalidate({ offset: 128, size: 256 });
  assert.is(a.get(31, 63), 0x1234);
  // PYNQ's flush/invalidate take no byte arguments: (0, 64) would have synced the whole array
  const loose = a as unknown as Record<'flush' | 'invalidate' | 'freebuffer', (...args: unknown[]) => void>;
  assert.throws(() => loose.flush(0, 64), /^DmaBuffer\.flush: takes 1 argument; the second, .*, would be ignored$/);
  assert.throws(() => loose.invalidate(0, 64), /^DmaBuffer\.invalidate: takes 1 argument/);
  assert.throws(() => loose.freebuffer(true), /^DmaBuffer\.freebuffer: takes 0 arguments/);
  assert.ok(existsSync(sys), 'not freed by the refused call');
  a.freebuffer();
  a.freebuffer();
  assert.not.ok(existsSync(sys), 'deleted');
  assert.is(a.size === 0 || a.data.length === 0, true, 'views read as zero length');

  const b = allocate(4096, 'uint8', { cacheable: false, name: 'pynq-test-nc' });
  assert.is(b.udmabuf.name, 'pynq-test-nc');
  assert.is(b.udmabuf.sync_mode, 1, 'non-cached: sync_mode 1 with O_SYNC');
  // x86 maps everything cached whatever is asked (PAT keeps RAM write-back)
  assert.is(b.cacheable, process.arch === 'x64');
  b[Symbol.dispose]();
  assert.not.ok(existsSync('/sys/class/u-dma-buf/pynq-test-nc'));
});

test('physicalAddress of views of allocate() and Udmabuf.memmap() arrays', () => {
  using a = allocate([48, 64, 3], 'uint8');
  const base = a.physical_address;
  assert.is(physicalAddress(a.pick(5, null, null)), base + 5 * 192);
  assert.is(physicalAddress(a.lo(7, 0, 0).hi(3, 64, 3)), base + 7 * 192);
  assert.is(physicalAddress(a.pick(2, 10, null)), base + 2 * 192 + 30);
  assert.throws(() => physicalAddress(a.step(2)), (e: unknown) => e instanceof NotContiguousError);
  assert.throws(() => physicalAddress(a.pick(null, null, 1)), /not C-contiguous/);

  const u = new Udmabuf('udmabuf0');
  const m = u.memmap('uint32', [16, 16], { offset: 0x2000 });
  assert.is(physicalAddress(m), u.phys_addr + 0x2000);
  assert.is(physicalAddress(m.pick(3, null).lo(4)), u.phys_addr + 0x2000 + 3 * 64 + 16);
  u.close();
});

// ---- the edu DMA engine ---------------------------------------------------------

/**
 * Set the PCI command register's Interrupt Disable bit: the device's
 * completion interrupt then never reaches UIO, so a wait for it cannot end
 * (whatever the host's load does to timing). enableInterrupts() clears it.
 */
function intxOff(bdf: string): void {
  const fd = openSync(`/sys/bus/pci/devices/${bdf}/config`, 'r+');
  const cmd = Buffer.alloc(2);
  readSync(fd, cmd, 0, 2, 4);
  cmd.writeUInt16LE(cmd.readUInt16LE(0) | 0x400, 0);
  writeSync(fd, cmd, 0, 2, 4);
  closeSync(fd);
}

if (hasEdu) {
  const edu = new EduDma();
  test.after(() => {
    // uio_pci_generic clears Bus Master Enable whenever a /dev/uioN file is
    // closed: give it back to the suites that follow
    edu.close();
    Uio.enableBusMaster(edu.uio.pci!);
  });

  for (const cacheable of [true, false]) {
    test(`EduDma round trip through allocate(cacheable: ${cacheable}), awaited with a timeout`, async () => {
      using src = allocate(1024, 'uint8', { cacheable });
      using dst = allocate(1024 + 64, 'uint8', { cacheable });
      pattern(src, 7);
      np.fill(dst, 0);
      src.flush();
      dst.flush();
      edu.sendchannel.transfer(src);
      assert.ok(edu.sendchannel.running);
      await edu.sendchannel.waitAsync({ timeoutMs: 10000 });
      assert.ok(edu.sendchannel.idle && !edu.sendchannel.error);
      edu.recvchannel.transfer(dst, { nbytes: 1024 });
      await edu.recvchannel.waitAsync({ timeoutMs: 10000 });
      dst.invalidate();
      assert.is(mismatches(dst.hi(1024), 7), 0);
      assert.is(dst.get(1024), 0, 'nothing past the transfer');
    });
  }

  test('EduDma: views with offsets, start/nbytes, the synchronous wait', () => {
    using buf = allocate([8, 256], 'uint8');
    pattern(buf.pick(2, null), 99);
    buf.flush();
    edu.sendchannel.transfer(buf.pick(2, null), { start: 16, nbytes: 128 });
    edu.sendchannel.wait({ timeoutMs: 10000 });
    edu.recvchannel.transfer(buf.pick(6, null), { nbytes: 128 });
    edu.recvchannel.wait({ timeoutMs: 10000 });
    buf.invalidate(buf.pick(6, null));
    for (let i = 0; i < 128; i++) assert.is(buf.get(6, i), ((i + 16) * 13 + 99) & 0xff);
    assert.throws(() => edu.sendchannel.transfer(buf.pick(null, 0)), /not C-contiguous/);
  });

  test('EduDma: a transfer whose completion never comes throws a typed error, in bounded time', async () => {
    using buf = allocate(2048, 'uint8');
    edu.sendchannel.transfer(buf);
    intxOff(edu.uio.pci!);
    const t0 = Date.now();
    const err = await edu.sendchannel.waitAsync({ timeoutMs: 300 }).then(() => undefined, (e: unknown) => e);
    assert.instance(err, DmaTimeoutError, String(err));
    const t = err as DmaTimeoutError;
    assert.is(t.code, 'ETIMEDOUT');
    assert.is(t.engine, 'EduDma sendchannel');
    assert.match(t.message, /^EduDma sendchannel: the transfer did not finish within 300 ms \(command 0x[45], interrupt status 0x(0|100)\)$/);
    assert.ok(Date.now() - t0 < 3000, 'bounded');
    assert.throws(() => edu.sendchannel.wait({ timeoutMs: 50 }), (e: unknown) => e instanceof DmaTimeoutError);
    edu.uio.enableInterrupts(); // the completion arrives now
    await edu.sendchannel.waitAsync({ timeoutMs: 10000 });
    assert.ok(edu.sendchannel.idle);
  });

  test('EduDma: a second transfer while one is in flight is refused', async () => {
    using buf = allocate(2048, 'uint8');
    edu.sendchannel.transfer(buf);
    assert.throws(() => edu.recvchannel.transfer(buf), /EduDma recvchannel: a transfer is still in flight \(command 0x5/);
    await edu.sendchannel.waitAsync({ timeoutMs: 10000 });
  });

  test('EduDma: an AbortSignal gives up the wait', async () => {
    using buf = allocate(1024, 'uint8');
    edu.recvchannel.transfer(buf);
    intxOff(edu.uio.pci!);
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error('stop')), 20);
    const t0 = Date.now();
    const err = await edu.recvchannel.waitAsync({ timeoutMs: 10000, signal: ac.signal }).then(() => undefined, (e: unknown) => e);
    assert.instance(err, DmaAbortError, String(err));
    assert.is((err as DmaAbortError).code, 'ABORT_ERR');
    assert.is(((err as DmaAbortError).cause as Error).message, 'stop');
    assert.ok(Date.now() - t0 < 3000, 'bounded');
    edu.uio.enableInterrupts();
    await edu.recvchannel.waitAsync({ timeoutMs: 10000 });
  });

  test('await uio.interrupt() leaves the event loop running', async () => {
    const IRQ_STATUS = 0x24, IRQ_RAISE = 0x60, IRQ_ACK = 0x64;
    edu.uio.clearInterrupt();
    edu.uio.enableInterrupts();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(() => edu.regs.write(IRQ_RAISE, 0x40), 300);
    const t0 = Date.now();
    const count = await edu.uio.interrupt({ timeoutMs: 10000 });
    const waited = Date.now() - t0;
    clearInterval(ticker);
    assert.ok(count >= 1);
    assert.ok(ticks >= 10, `${ticks} ticks of a 10 ms timer during a ${waited} ms wait`);
    assert.is(edu.regs.read(IRQ_STATUS) & 0x40, 0x40);
    edu.regs.write(IRQ_ACK, 0x40);
    const err = await edu.uio.interrupt({ timeoutMs: 50 }).then(() => undefined, (e: unknown) => e);
    assert.instance(err, DmaTimeoutError, 'no interrupt: a timeout');
  });

  test('MMIO: edu identification through its BAR0 physical address and /dev/mem', () => {
    const resource = readFileSync(`/sys/bus/pci/devices/${edu.uio.pci}/resource`, 'latin1').split('\n')[0];
    const bar0 = parseInt(resource.split(/\s+/)[0], 16);
    let mmio: MMIO;
    try {
      mmio = new MMIO(bar0, 0x100);
    } catch (e) {
      // a kernel with IO_STRICT_DEVMEM refuses a BAR a driver claimed: the error says so
      assert.instance(e, MmioError);
      assert.match((e as Error).message, /STRICT_DEVMEM/);
      console.log(`# MMIO: /dev/mem refused edu BAR0 at 0x${bar0.toString(16)}: ${(e as Error).message}`);
      return;
    }
    assert.is(mmio.read(0x00), 0x010000ed);
    mmio.write(0x04, 0x0f0f0f0f);
    assert.is(mmio.read(0x04), 0xf0f0f0f0, 'liveness: the inverse');
    // edu takes 64-bit accesses from 0x80 on (the DMA registers); below, only 32-bit
    mmio.write(0x80, 0x1_2345_6780n);
    assert.is(mmio.read(0x80, 8), 0x1_2345_6780n, '64-bit write and read');
    console.log(`# MMIO: /dev/mem maps edu BAR0 at 0x${bar0.toString(16)}`);
    mmio.close();
    assert.throws(() => mmio.read(0), /closed/);
  });
}

// ---- the ZynqMP's GDMA ------------------------------------------------------------

if (hasZdma) {
  test('Zdma: allocate, flush, copy awaited with a timeout, invalidate, compare (PYNQ style)', async () => {
    using src = allocate(65536, 'uint8');
    using dst = allocate(65536, 'uint8', { cacheable: false });
    pattern(src, 3);
    np.fill(dst, 0);
    src.flush();
    dst.flush();
    const zdma = new Zdma(0);
    await zdma.copy(dst, src, { timeoutMs: 1000 });
    dst.invalidate();
    assert.is(mismatches(dst, 3), 0);
    assert.ok(zdma.idle && !zdma.running && !zdma.error, zdma.status());
    zdma.close();
  });

  test('Zdma: views with offsets, the synchronous wait, a 2-D row range', () => {
    using src = allocate([256, 256], 'uint8');
    using dst = allocate([256, 256], 'uint8');
    for (let r = 0; r < 256; r++) for (let c = 0; c < 256; c++) src.set(r, c, (r * 7 + c) & 0xff);
    np.fill(dst, 0);
    dst.flush();
    const zdma = new Zdma(1);
    // rows 10-19 of src into rows 100-109 of dst
    zdma.transfer(src.lo(10, 0).hi(10, 256), { dst: dst.lo(100, 0) });
    zdma.wait({ timeoutMs: 1000 });
    for (let r = 0; r < 256; r++) {
      const want = r >= 100 && r < 110 ? ((r - 90) * 7 + 5) & 0xff : 0;
      assert.is(dst.get(r, 5), want, `row ${r}`);
    }
    assert.throws(() => zdma.transfer(src.pick(null, 0), { dst }), /not C-contiguous/);
    zdma.close();
  });

  test('MMIO: a GDMA channel register through /dev/mem', () => {
    const ch = new MMIO(0xfd500000, 0x1000);
    assert.is(ch.read(0x120) >>> 28, 0, 'DATA_ATTR reserved bits');
    ch.close();
  });
}

test.run();
