/**
 * udmabuf_test.py from the original README, ported line by line.
 *
 * Runs test_1 (nine rounds of `a *= 0; a += 0x31`) on the whole u-dma-buf
 * mapped as uint8, then on an ordinary array, and checks that both hold the
 * same bytes. The original's point: the mapped buffer is as fast as the
 * ordinary array, because without O_SYNC the mapping is cached.
 *
 * usage: node dist/examples/udmabuf_test.js [NAME]   (default udmabuf0)
 */
import { performance } from 'node:perf_hooks';

import { Udmabuf, np } from 'u-dma-buf';

const time = { time: (): number => performance.now() / 1000 };

function test_1(a: np.NdArray): void {
  for (let i = 0; i < 9; i++) {
    np.imul(a, 0); //        a *= 0
    np.iadd(a, 0x31); //     a += 0x31
  }
}

const udmabuf = new Udmabuf(process.argv[2] ?? 'udmabuf0');
const test_dtype = np.uint8;
const test_size = udmabuf.buf_size / np.dtype(test_dtype).itemsize;
udmabuf.memmap(test_dtype, test_size);
const comparison = np.zeros(test_size, test_dtype);
console.log(`test_size  : ${test_size}`);
let start = time.time();
test_1(udmabuf.mem_map!);
let elapsed_time = time.time() - start;
console.log(`udmabuf0   : elapsed_time:${elapsed_time}[sec]`);
start = time.time();
test_1(comparison);
elapsed_time = time.time() - start;
console.log(`comparison : elapsed_time:${elapsed_time}[sec]`);
if (np.array_equal(udmabuf.mem_map!, comparison)) {
  console.log('udmabuf0 == comparison : OK');
} else {
  console.log('udmabuf0 != comparison : NG');
}
udmabuf.close();
