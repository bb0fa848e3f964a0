/**
 * The pipeline: frames go into a u-dma-buf, a DMA engine moves each one into
 * a second region — QEMU's edu PCI device tile by tile through its own
 * buffer, or on the ZynqMP one GDMA channel (ZDMA) memory to memory — the
 * CPU processes what arrived with `np` and stores the result in a third
 * region. Caches are handed over with sync_for_device / sync_for_cpu at
 * each step. Every frame is checked against the same processing done on
 * an ordinary array, and the picture is checked after its PNG round trip.
 *
 *   region    offset     holds                        written by
 *   input     0          H×W×3 frame                  CPU (np.copyto)
 *   moved     1 × R      H×W×3 frame after the DMA    edu (tiles) or ZDMA
 *   result    2 × R      (H-2)×(W-2) grey             CPU (np)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { Udmabuf, Zdma, np } from 'u-dma-buf';

import { EDU_TILE, EduDma } from './edu.js';
import { testFrame } from './frames.js';
import { type Panel, compose, decodePng, encodePng } from './picture.js';
import { processFrame } from './process.js';

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  /** The u-dma-buf to use; default 'udmabuf0'. */
  buffer?: string;
  frames?: number;
  height?: number;
  width?: number;
  /** Where the PNG goes; default 'build/examples/pipeline.png'. */
  out?: string;
  /** Pixel enlargement of the PNG (the checks are made at scale 1 too). */
  scale?: number;
  log?: (line: string) => void;
  /** The DMA engine; default the board's: edu where PCI has one, else ZDMA on a ZynqMP. */
  engine?: 'edu' | 'zdma';
  /** The GDMA channel for ZDMA; default 7 (the test tree keeps Linux off it). */
  zdmaChannel?: number;
}

/** A DMA engine that moves a whole frame from one region into another. */
interface Mover {
  readonly name: string;
  transfers: number;
  move(src: np.NdArray, dst: np.NdArray, bytes: number): void;
  close(): void;
}

function eduMover(): Mover {
  const edu = new EduDma();
  return {
    name: `edu transfers of ≤ ${EDU_TILE} bytes`,
    get transfers() { return edu.transfers; },
    move(src, dst, bytes) {
      for (let off = 0; off < bytes; off += EDU_TILE) {
        const n = Math.min(EDU_TILE, bytes - off);
        edu.sendchannel.transfer(src, { start: off, nbytes: n });
        edu.sendchannel.wait({ timeoutMs: 10000 });
        edu.recvchannel.transfer(dst, { start: off, nbytes: n });
        edu.recvchannel.wait({ timeoutMs: 10000 });
      }
    },
    close: () => edu.close(),
  };
}

function zdmaMover(channel: number): Mover {
  const zdma = new Zdma(channel);
  const mover = {
    name: `ZDMA (GDMA channel ${channel}) copies`,
    transfers: 0,
    move(src: np.NdArray, dst: np.NdArray, bytes: number) {
      zdma.transfer(src, { dst, nbytes: bytes });
      zdma.wait({ timeoutMs: 10000 });
      mover.transfers++;
    },
    close: () => zdma.close(),
  };
  return mover;
}

/** The board's engine: edu on PCI boards, ZDMA on a ZynqMP, else an error saying so. */
function defaultEngine(): 'edu' | 'zdma' {
  if (existsSync('/proc/bus/pci/devices') && readFileSync('/proc/bus/pci/devices', 'latin1').includes('123411e8')) return 'edu';
  const compatible = existsSync('/proc/device-tree/compatible') ? readFileSync('/proc/device-tree/compatible', 'latin1') : '';
  if (compatible.includes('xlnx,zynqmp')) return 'zdma';
  throw new Error('no DMA engine: this example needs QEMU\'s edu PCI device (1234:11e8) or a ZynqMP\'s GDMA');
}

/** What happened to one frame. */
export interface FrameReport {
  index: number;
  transfers: number;
  dmaSeconds: number;
  cpuSeconds: number;
  /** The moved region holds exactly the input frame. */
  dmaExact: boolean;
  /** The result region equals the processing of the ordinary array. */
  matchesReference: boolean;
}

/** What the whole run did. */
export interface PipelineResult {
  frames: FrameReport[];
  png: string;
  /** The PNG, decoded, is pixel for pixel the picture of the reference results. */
  pngMatchesReference: boolean;
}

const PAGE = 4096;

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** Run the pipeline over `frames` test frames. */
export function runPipeline(opts: PipelineOptions = {}): PipelineResult {
  const [h, w] = [opts.height ?? 64, opts.width ?? 96];
  const bytes = h * w * 3;
  const region = Math.ceil(bytes / PAGE) * PAGE;
  const out = opts.out ?? 'build/examples/pipeline.png';
  const log = opts.log ?? (() => {});
  const u = new Udmabuf(opts.buffer ?? 'udmabuf0');
  const engine = opts.engine ?? defaultEngine();
  const dma = engine === 'zdma' ? zdmaMover(opts.zdmaChannel ?? 7) : eduMover();
  try {
    const input = u.memmap('uint8', [h, w, 3], { offset: 0 });
    const moved = u.memmap('uint8', [h, w, 3], { offset: region });
    const result = u.memmap('uint8', [h - 2, w - 2], { offset: 2 * region });
    const panels: Panel[] = [];
    const references: Panel[] = [];
    const frames: FrameReport[] = [];
    for (let k = 0; k < (opts.frames ?? 3); k++) {
      const frame = testFrame(k, h, w);
      np.copyto(input, frame);
      np.fill(moved, 0xa5); // anything the DMA does not overwrite shows
      u.sync_for_device({ offset: 0, size: bytes, direction: 1 });
      u.sync_for_device({ offset: region, size: bytes, direction: 2 });

      const dmaStart = process.hrtime.bigint();
      const before = dma.transfers;
      dma.move(input, moved, bytes);
      const dmaSeconds = seconds(dmaStart);
      u.sync_for_cpu({ offset: region, size: bytes, direction: 2 });

      const cpuStart = process.hrtime.bigint();
      np.copyto(result, processFrame(moved));
      const cpuSeconds = seconds(cpuStart);

      const reference = processFrame(frame);
      const report: FrameReport = {
        index: k,
        transfers: dma.transfers - before,
        dmaSeconds,
        cpuSeconds,
        dmaExact: np.array_equal(moved, frame),
        matchesReference: np.array_equal(result, reference),
      };
      frames.push(report);
      panels.push({ input: np.astype(input, 'uint8'), output: np.astype(result, 'uint8') });
      references.push({ input: frame, output: reference });
      log(`frame ${k}: ${report.transfers} ${dma.name} in ${dmaSeconds.toFixed(2)} s; ` +
        `np grayscale + blur ${(cpuSeconds * 1000).toFixed(0)} ms; DMA copy exact: ${report.dmaExact ? 'yes' : 'NO'}; ` +
        `result = reference: ${report.matchesReference ? 'yes' : 'NO'}`);
    }
    const scale = opts.scale ?? 1;
    writeFileSync(out, encodePng(compose(panels, scale)));
    const decoded = decodePng(readFileSync(out));
    const pngMatchesReference = decoded.data.equals(compose(references, scale).data);
    log(`wrote ${out} (${decoded.width}×${decoded.height}); PNG = reference picture: ${pngMatchesReference ? 'yes' : 'NO'}`);
    return { frames, png: out, pngMatchesReference };
  } finally {
    dma.close();
    u.close();
  }
}
