// The image-pipeline example on this board's edu DMA engine: every frame
// arrives through the DMA byte for byte (the landing region is poisoned
// first), the np processing over the DMA buffer equals the same processing
// of an ordinary array, and the PNG decodes to the reference picture.
import { mkdirSync, readFileSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { runPipeline } from '../../examples/image-pipeline/pipeline.js';
import { decodePng } from '../../examples/image-pipeline/picture.js';
import { boxBlur3, grayscale } from '../../examples/image-pipeline/process.js';
import { np } from 'u-dma-buf';
import { boardHas } from './devices.js';

// edu where the board has it, else the ZynqMP's ZDMA
const engine = boardHas('edu') ? 'edu' : boardHas('zdma') ? 'zdma' : undefined;
if (engine === undefined) {
  test.skip('the image pipeline: this board has no DMA engine (edu or zdma)', () => {});
} else {
  mkdirSync('build/test-results', { recursive: true });
  const OUT = `build/test-results/pipeline-${process.arch}.png`;
  const result = runPipeline({ frames: 2, height: 24, width: 40, out: OUT, engine });

  test(`each frame went through the ${engine} DMA and arrived intact`, () => {
    assert.is(result.frames.length, 2);
    for (const f of result.frames) {
      // edu: in and out per 2 KiB tile; ZDMA: one memory-to-memory copy
      assert.is(f.transfers, engine === 'edu' ? 2 * Math.ceil((24 * 40 * 3) / 2048) : 1);
      assert.ok(f.dmaExact, `frame ${f.index}`);
    }
  });

  test('the np result over the DMA buffer equals the reference processing', () => {
    for (const f of result.frames) assert.ok(f.matchesReference, `frame ${f.index}`);
  });

  test('the PNG decodes to the reference picture', () => {
    assert.ok(result.pngMatchesReference);
    const png = decodePng(readFileSync(OUT));
    assert.is(png.width, 2 * 40 + 6);
    assert.is(png.height, 2 * (24 + 2) + 2);
  });
}

test('grayscale and blur compute what they say on known pixels', () => {
  const frame = np.zeros([3, 3, 3], 'uint8');
  for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) frame.set(y, x, 0, 255); // pure red
  frame.set(1, 1, 1, 255); // centre yellow
  const g = grayscale(frame);
  assert.is(g.get(0, 0), (77 * 255) >> 8);
  assert.is(g.get(1, 1), ((77 + 150) * 255) >> 8);
  const b = boxBlur3(g);
  assert.equal(b.shape, [1, 1]);
  assert.is(b.get(0, 0), Math.floor((8 * ((77 * 255) >> 8) + (((77 + 150) * 255) >> 8) + 4) / 9));
});

test.run();
