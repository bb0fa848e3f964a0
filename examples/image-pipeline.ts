/**
 * An image pipeline on a real DMA engine: frames in a u-dma-buf, moved by
 * QEMU's edu device through UIO, processed with np, written as a PNG.
 * Runs on every emulated board (`make vm-run ARCH=arm64
 * MODARGS=udmabuf0=1048576 CMD='node dist/examples/image-pipeline.js'`).
 *
 * On the ZynqMP board one GDMA channel (ZDMA) moves the frames instead
 * (`make pipeline ARCH=zynqmp`).
 *
 * usage: image-pipeline [--frames N] [--out FILE.png] [--scale N] [--buffer NAME] [--engine edu|zdma]
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';

import { runPipeline } from './image-pipeline/pipeline.js';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '3' },
    out: { type: 'string', default: 'build/examples/pipeline.png' },
    scale: { type: 'string', default: '1' },
    buffer: { type: 'string', default: 'udmabuf0' },
    engine: { type: 'string' },
  },
});
if (values.engine !== undefined && values.engine !== 'edu' && values.engine !== 'zdma') {
  console.error(`image-pipeline: --engine ${values.engine}: use edu or zdma`);
  process.exit(2);
}
mkdirSync(dirname(values.out), { recursive: true });
const r = runPipeline({
  frames: Number(values.frames),
  out: values.out,
  scale: Number(values.scale),
  buffer: values.buffer,
  engine: values.engine as 'edu' | 'zdma' | undefined,
  log: (line) => console.log(line),
});
const ok = r.pngMatchesReference && r.frames.every((f) => f.dmaExact && f.matchesReference);
console.log(ok ? 'pipeline: every frame matches the reference' : 'pipeline: MISMATCH (see above)');
process.exitCode = ok ? 0 : 1;
