/* SPDX-License-Identifier: MIT */
/*
 * kernels.h - element-wise and reduction kernels of np, in plain C
 *
 * Contiguous arrays of one dtype; a "step" of 1 walks an operand, a step of
 * 0 repeats its first element (a scalar). Integer arithmetic wraps around
 * (done in unsigned types, so no C undefined behaviour), min/max propagate
 * NaN and pick the second of two equal values, as numpy's loops do. The
 * loops are written for the compiler to vectorise; on x86_64 each has an
 * AVX2 clone chosen at load time.
 *
 * Nothing here knows about Node: native/src/kernels.cc is the binding.
 */
#ifndef UD_KERNELS_H
#define UD_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* dtype codes: the order of lib/np/dtype.ts */
enum ud_type {
	UD_INT8, UD_UINT8, UD_INT16, UD_UINT16, UD_INT32, UD_UINT32,
	UD_INT64, UD_UINT64, UD_FLOAT32, UD_FLOAT64, UD_NTYPES
};

enum ud_op {
	UD_ADD, UD_SUBTRACT, UD_MULTIPLY, UD_DIVIDE, UD_AND, UD_OR, UD_XOR,
	UD_MINIMUM, UD_MAXIMUM, UD_NOPS
};

/*
 * out[i] = a[i * a_step] op b[i * b_step] for i < n, all of dtype @type.
 * UD_DIVIDE takes float types only (integers: ud_divide_to_f64); the
 * bitwise ops integer types only. Returns 0, or -1 for a combination that
 * does not exist.
 */
int ud_binary(int op, int type, void *out, const void *a, size_t a_step,
	      const void *b, size_t b_step, size_t n);

/* numpy's true division of integers: both cast to double. */
int ud_divide_to_f64(int type, double *out, const void *a, size_t a_step,
		     const void *b, size_t b_step, size_t n);

/* out[i] = *value for i < n. */
int ud_fill(int type, void *out, const void *value, size_t n);

/*
 * numpy's sum: integers add up in 64 bits (int64 for signed, uint64 for
 * unsigned, wrapping), floats as numpy's pairwise summation in their own
 * type. *result receives an int64_t, uint64_t, float or double.
 */
int ud_sum(int type, const void *a, size_t n, void *result);

/* Smallest (want_max 0) or largest element; NaN if any is NaN. n > 0. */
int ud_extreme(int type, const void *a, size_t n, int want_max, void *result);

/* 1 if a[i] == b[i] for all i (NaN never equals), else 0; -1 bad type. */
int ud_equal(int type, const void *a, const void *b, size_t n);

/* Bytes per element of a dtype code, 0 if unknown. */
size_t ud_itemsize(int type);

#ifdef __cplusplus
}
#endif

#endif
