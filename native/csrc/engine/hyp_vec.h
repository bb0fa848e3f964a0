/* SPDX-License-Identifier: MIT */
/*
 * hyp_vec.h - tanh and sinh of contiguous runs with AVX-512 (see hyp_vec.c).
 */
#ifndef UE_HYP_VEC_H
#define UE_HYP_VEC_H

#include <stdint.h>

/*
 * out[i] = tanh(in[i]) for n contiguous floats (is_double 0) or doubles;
 * out may be in. 1 if done, 0 if the caller must do it (another CPU or
 * architecture).
 */
int hv_tanh(int is_double, const char *in, char *out, intptr_t n);

/* out[i] = sinh(in[i]) for n contiguous doubles, the same way */
int hv_sinh(const char *in, char *out, intptr_t n);

#endif
