/* SPDX-License-Identifier: MIT */
/*
 * checkbuf.c - check_buf() and clear_buf() from the original README, the
 * benchmark behind its sync_mode tables: byte writes and reads in 256-byte
 * runs, and memset. Kept as the original wrote them (int sizes included).
 */
#include <string.h>

#include "checkbuf.h"

int ud_check_buf(unsigned char *buf, unsigned int size)
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
