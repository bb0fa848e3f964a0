/**
 * The CPU side of the pipeline, all in `np`: grayscale (ITU-R BT.601
 * weights in 8-bit fixed point) and a 3×3 box blur over the interior.
 * Integer arithmetic throughout, so the result is the same bytes wherever
 * it runs and can be compared exactly.
 */
import { np } from 'u-dma-buf';

/** H×W×3 uint8 → H×W uint8: (77 R + 150 G + 29 B) >> 8. */
export function grayscale(frame: np.NdArray): np.NdArray {
  const wide = np.astype(frame, 'uint16');
  const y = np.multiply(wide.pick(null, null, 0), 77);
  np.add(y, np.multiply(wide.pick(null, null, 1), 150), y);
  np.add(y, np.multiply(wide.pick(null, null, 2), 29), y);
  return np.astype(np.right_shift(y, 8), 'uint8');
}

/** H×W uint8 → (H-2)×(W-2) uint8: each pixel the rounded mean of its 3×3 neighbourhood. */
export function boxBlur3(image: np.NdArray): np.NdArray {
  const [h, w] = image.shape;
  const sum = np.full([h - 2, w - 2], 4, 'uint16'); // + 4: round to nearest
  for (let dy = 0; dy < 3; dy++) {
    for (let dx = 0; dx < 3; dx++) np.add(sum, image.lo(dy, dx).hi(h - 2, w - 2), sum);
  }
  return np.astype(np.divide(sum, 9), 'uint8');
}

/** The whole CPU stage: grayscale, then blur. */
export function processFrame(frame: np.NdArray): np.NdArray {
  return boxBlur3(grayscale(frame));
}
