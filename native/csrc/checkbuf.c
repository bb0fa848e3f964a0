/* SPDX-License-Identifier: MIT */
/*
 * checkbuf.c - check_buf() and clear_buf() from the original README, the
 * benchmark behind its sync_mode tables: byte writes and reads in 256-byte
 * runs, and memset. Kept as the original wrote them (int sizes included).
 *
 * NOTE: compiled without auto-vectorisation, as the original's compiler did
 * (GCC enables it at -O2 since GCC 12): its tables time byte accesses, and
 * on non-cached memory 16-byte vector stores would measure something else.
 */
#include <string.h>

#include "checkbuf.h"

#if defined(__GNUC__) && !defined(__clang__)
#define UD_BYTEWISE __attribute__((optimize("no-tree-vectorize")))
#else
#define UD_BYTEWISE
#endif

UD_BYTEWISE int ud_check_buf(unsigned char *buf, unsigned int size)
{
	int m = 256;
	int n = 10;
	int i, k;
	int error_count = 0;

	while (--n > 0) {
		for (i = 0; i < (int)size; i = i + m) {
			m = (i + 256 < (int)size) ? 256 : (int)(size - i);
			for (k = 0; k < m; k++)
				buf[i + k] = (k & 0xFF);
			for (k = 0; k < m; k++)
				if (buf[i + k] != (k & 0xFF))
					error_count++;
		}
	}
	return error_count;
}

int ud_clear_buf(unsigned char *buf, unsigned int size)
{
	int n = 100;
	int error_count = 0;

	while (--n > 0)
		memset((void *)buf, 0, size);
	return error_count;
}
