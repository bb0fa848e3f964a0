// The UIO helper against QEMU's edu device (1234:11e8) in the board:
// identification, liveness, factorial, an interrupt raised and acknowledged,
// and a DMA round trip through a u-dma-buf, all from TypeScript.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { Udmabuf, Uio, np } from 'u-dma-buf';
import { boardHas } from './devices.js';

const ID = 0x00, LIVENESS = 0x04, FACTORIAL = 0x08, STATUS = 0x20;
const IRQ_STATUS = 0x24, IRQ_RAISE = 0x60, IRQ_ACK = 0x64;
const DMA_SRC = 0x80, DMA_DST = 0x88, DMA_COUNT = 0x90, DMA_CMD = 0x98;
const EDU_BUFFER = 0x40000;

if (!boardHas('edu')) {
  test.skip('the UIO helper on edu: this board has no edu device', () => {});
} else {
  const edu = Uio.fromPci(0x1234, 0x11e8);
  const regs = edu.mapResource(0);
  test.after(() => edu.close());

  function until(done: () => boolean, what: string): void {
    const deadline = Date.now() + 20000;
    while (!done()) if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }

  test('identification and liveness registers', () => {
    assert.is(regs.read(ID), 0x010000ed);
    regs.write(LIVENESS, 0x12345678);
    assert.is(regs.read(LIVENESS), ~0x12345678 >>> 0);
  });

  test('factorial', () => {
    regs.write(FACTORIAL, 5);
    until(() => (regs.read(STATUS) & 1) === 0, 'the factorial');
    assert.is(regs.read(FACTORIAL), 120);
  });

  test('an interrupt is raised, waited for and acknowledged', () => {
    edu.enableInterrupts();
    regs.write(IRQ_RAISE, 0x1234);
    const count = edu.waitInterrupt(5000);
    assert.ok(count >= 1);
    assert.is(regs.read(IRQ_STATUS), 0x1234);
    regs.write(IRQ_ACK, 0x1234);
    assert.is(regs.read(IRQ_STATUS), 0);
  });

  test('DMA from a u-dma-buf into the device and back, with sync around it', () => {
    const u = new Udmabuf('udmabuf0');
    const out = u.memmap('uint8', 1024, { offset: 0x1000 });
    const back = u.memmap('uint8', 1024 + 64, { offset: 0x3000 });
    for (let i = 0; i < 1024; i++) out.set(i, (i * 5 + 1) & 0xff);
    np.fill(back, 0);
    u.sync_for_device({ offset: 0, size: 0x4000, direction: 0 });
    const dma = (src: number, dst: number, toRam: boolean) => {
      regs.write(DMA_SRC, src);
      regs.write(DMA_DST, dst);
      regs.write(DMA_COUNT, 1024);
      regs.write(DMA_CMD, toRam ? 3 : 1);
      until(() => (regs.read(DMA_CMD) & 1) === 0, 'the DMA');
    };
    dma(u.phys_addr + 0x1000, EDU_BUFFER, false);
    dma(EDU_BUFFER, u.phys_addr + 0x3000, true);
    u.sync_for_cpu({ offset: 0, size: 0x4000, direction: 0 });
    let bad = 0;
    for (let i = 0; i < 1024; i++) if (back.get(i) !== ((i * 5 + 1) & 0xff)) bad++;
    assert.is(bad, 0, `bytes ${back.get(0)} ${back.get(1)}…, src 0x${regs.read(DMA_SRC).toString(16)}`);
    assert.is(back.get(1024), 0, 'nothing past the transfer');
    u.close();
  });
}

test.run();
