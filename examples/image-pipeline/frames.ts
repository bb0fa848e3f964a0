/**
 * Test frames for the pipeline: H×W×3 uint8 pictures that change from
 * frame to frame (colour ramps, a moving square, a ring), made with
 * integer arithmetic only so every board draws the same bytes.
 */
import { np } from 'u-dma-buf';

/** Frame `k` of `height` × `width`, in an ordinary (non-DMA) array. */
export function testFrame(k: number, height: number, width: number): np.NdArray<'uint8'> {
  const f = np.zeros([height, width, 3], 'uint8') as np.NdArray<'uint8'>;
  const side = Math.floor(height / 3);
  const sx = (8 + k * 17) % (width - side);
  const sy = Math.floor(height / 2) - Math.floor(side / 2);
  const cx = width - 1 - sx;
  const cy = Math.floor(height / 3);
  const r2 = (side * side) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = Math.floor((x * 255) / (width - 1));
      let g = Math.floor((y * 255) / (height - 1));
      let b = ((x + y + 16 * k) * 3) & 0xff;
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      if (d2 < r2 && d2 > r2 / 3) [r, g, b] = [20, 40, 200];
      if (x >= sx && x < sx + side && y >= sy && y < sy + side) [r, g, b] = [250, 250, 240];
      f.set(y, x, 0, r);
      f.set(y, x, 1, g);
      f.set(y, x, 2, b);
    }
  }
  return f;
}
