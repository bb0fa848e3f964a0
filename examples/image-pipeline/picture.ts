/**
 * The pipeline's picture: one row per frame, the input in colour on the
 * left and the processed result (grey) on the right, written as a PNG with
 * pngjs. `scale` enlarges pixels (nearest neighbour) for viewing.
 */
import { PNG } from 'pngjs';

import { type np } from 'u-dma-buf';

const GAP = 2;

/** One frame's input (H×W×3) and result ((H-2)×(W-2), centred under the input's interior). */
export interface Panel {
  input: np.NdArray;
  output: np.NdArray;
}

/** RGBA pixels of the picture: width, height, data. */
export function compose(panels: readonly Panel[], scale = 1): { width: number; height: number; data: Buffer } {
  const [h, w] = panels[0].input.shape;
  const width = (2 * w + 3 * GAP) * scale;
  const height = (panels.length * (h + GAP) + GAP) * scale;
  const data = Buffer.alloc(width * height * 4, 0xff);
  const put = (px: number, py: number, r: number, g: number, b: number) => {
    for (let sy = 0; sy < scale; sy++) {
      for (let sx = 0; sx < scale; sx++) {
        const i = ((py * scale + sy) * width + px * scale + sx) * 4;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
      }
    }
  };
  panels.forEach(({ input, output }, k) => {
    const top = GAP + k * (h + GAP);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        put(GAP + x, top + y, input.get(y, x, 0) as number, input.get(y, x, 1) as number, input.get(y, x, 2) as number);
      }
    }
    for (let y = 0; y < h - 2; y++) {
      for (let x = 0; x < w - 2; x++) {
        const v = output.get(y, x) as number;
        put(2 * GAP + w + 1 + x, top + 1 + y, v, v, v);
      }
    }
  });
  return { width, height, data };
}

/** Encode RGBA pixels as PNG. */
export function encodePng(picture: { width: number; height: number; data: Buffer }): Buffer {
  const png = new PNG({ width: picture.width, height: picture.height });
  picture.data.copy(png.data);
  return PNG.sync.write(png);
}

/** Decode a PNG into RGBA pixels. */
export function decodePng(file: Buffer): { width: number; height: number; data: Buffer } {
  const png = PNG.sync.read(file);
  return { width: png.width, height: png.height, data: png.data };
}
