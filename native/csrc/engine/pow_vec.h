/* SPDX-License-Identifier: MIT */
/*
 * pow_vec.h - float power of contiguous runs with AVX-512 (see pow_vec.c).
 */
#ifndef UE_POW_VEC_H
#define UE_POW_VEC_H

#include <stdint.h>

/*
 * out[i] = pow(a[i], b[i]) (or pow(a[i], *b) when b_scalar) for n contiguous
 * floats (is_double 0) or doubles; 1 if done, 0 if the caller must do it
 * (another CPU or architecture).
 */
int pv_pow(int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n);

#endif
