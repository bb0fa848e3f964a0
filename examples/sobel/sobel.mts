/**
 * Sobel edge magnitude: examples/sobel/sobel.py ported line by line (the same numbered comment
 * ends the same line of each file): `a[i, j:k]` is `np.index(a, 'i, j:k')`, `a * b` is
 * `np.multiply(a, b)`, `a.astype(t)` is `np.astype(a, t)`. A .mts file, outside tsc's build: it
 * calls np functions that land with other parts of np (load, save, index, pad, sqrt, mean);
 * test/host/example-port type-checks, transpiles and runs it once they are there (then: .ts).
 * usage: node build/example-port/sobel.mjs IN.npy OUT.npy   (written by that test)
 */
import { np } from 'u-dma-buf';

const { add, astype, index, multiply, subtract } = np;

function sobel(img: np.NdArray<'uint8'>): np.NdArray {
  const r = astype(index(img, ':, :, 0'), 'uint16'); // 1 channel views, widened to uint16
  const g = astype(index(img, ':, :, 1'), 'uint16'); // 2
  const b = astype(index(img, ':, :, 2'), 'uint16'); // 3
  const gray = astype(np.right_shift(add(add(multiply(r, 77), multiply(g, 150)), multiply(b, 29)), 8), 'int16'); // 4 integer luma (BT.601 weights / 256)
  const p = np.pad(gray, [[1, 1], [1, 1]], { mode: 'edge' }); // 5 replicate the border
  let gx: np.NdArray = subtract(add(add(index(p, ':-2, 2:'), multiply(2, index(p, '1:-1, 2:'))), index(p, '2:, 2:')), // 6 right column ...
    add(add(index(p, ':-2, :-2'), multiply(2, index(p, '1:-1, :-2'))), index(p, '2:, :-2'))); // 7 ... minus left column
  let gy: np.NdArray = subtract(add(add(index(p, '2:, :-2'), multiply(2, index(p, '2:, 1:-1'))), index(p, '2:, 2:')), // 8 bottom row ...
    add(add(index(p, ':-2, :-2'), multiply(2, index(p, ':-2, 1:-1'))), index(p, ':-2, 2:'))); // 9 ... minus top row
  gx = astype(gx, 'float32'); // 10
  gy = astype(gy, 'float32'); // 11
  const mag = np.sqrt(add(multiply(gx, gx), multiply(gy, gy))); // 12 gradient magnitude (float32, exact squares)
  const peak = Number(np.max(mag)); // 13
  const scale = peak > 0 ? Math.fround(255.0 / peak) : 0.0; // 14 the strongest edge becomes 255 (float32 / Python float stays float32: NEP 50)
  return astype(multiply(mag, scale), 'uint8'); // 15 truncated, as astype does
}

function main(): void {
  const img = np.load(process.argv[2]) as np.NdArray<'uint8'>; // 16
  const edges = sobel(img); // 17
  np.save(process.argv[3], edges); // 18
  console.log(`${edges.shape[0]}x${edges.shape[1]} edges, mean ${Number(np.mean(edges)).toFixed(3)}, max ${np.max(edges)}`); // 19
}

main();
