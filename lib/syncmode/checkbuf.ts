/**
 * check_buf() and clear_buf() from the original README, in TypeScript, as
 * written there: the benchmark behind its sync_mode tables (Tables 1 and 2).
 * The C originals are in native/csrc/checkbuf.c.
 */

/** Write and read back 0..255 in 256-byte runs, nine times over. */
export function check_buf(buf: Uint8Array, size: number): number {
  let m = 256;
  let n = 10;
  let error_count = 0;
  while (--n > 0) {
    for (let i = 0; i < size; i = i + m) {
      m = i + 256 < size ? 256 : size - i;
      for (let k = 0; k < m; k++) {
        buf[i + k] = k & 0xff;
      }
      for (let k = 0; k < m; k++) {
        if (buf[i + k] !== (k & 0xff)) {
          error_count++;
        }
      }
    }
  }
  return error_count;
}

/** memset the buffer 99 times. */
export function clear_buf(buf: Uint8Array, size: number): number {
  let n = 100;
  const error_count = 0;
  while (--n > 0) {
    buf.fill(0, 0, size);
  }
  return error_count;
}
