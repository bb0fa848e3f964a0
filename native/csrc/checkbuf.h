/* SPDX-License-Identifier: MIT */
#ifndef UD_CHECKBUF_H
#define UD_CHECKBUF_H

#ifdef __cplusplus
extern "C" {
#endif

/* The original README's benchmark loops; both return their error count. */
int ud_check_buf(unsigned char *buf, unsigned int size);
int ud_clear_buf(unsigned char *buf, unsigned int size);

#ifdef __cplusplus
}
#endif

#endif
