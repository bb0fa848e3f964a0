/* SPDX-License-Identifier: MIT */
/*
 * sort.h - np's sorts: stable LSD radix sorts of one contiguous run, in
 * numpy's order (NaN after +inf, -0 equal to 0), for values in place and
 * for the sorting permutation.
 */
#ifndef UE_SORT_H
#define UE_SORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Sort @n elements of dtype @dtype (an enum ue_dtype code) at @data in
 * place, stably: -0 and 0 keep their input order; NaNs go last (as one
 * canonical quiet NaN each). 0 on success, -1 for an unknown dtype or when
 * memory for the scratch buffer is short.
 */
int ue_sort(int dtype, void *data, size_t n);

/*
 * @n 32-bit unsigned keys in ascending order by an AVX-512 quicksort
 * (sort_vec.c): 1 when sorted, 0 (keys permuted, not sorted) when the CPU
 * lacks AVX-512, memory is short or a range went too deep.
 */
int ue_sort_u32_vec(uint32_t *key, size_t n);

/* the same for 64-bit keys (8 a vector) */
int ue_sort_u64_vec(uint64_t *key, size_t n);

/* 1 when this CPU takes the two sorts above (AVX-512), so their inputs are worth preparing */
int ue_sort_vec_cpu(void);

/*
 * Write the stable sorting permutation of the @n elements at @data to
 * @out: int64_t indices when @out64, else int32_t. 0 on success, -1 as
 * ue_sort.
 */
int ue_argsort(int dtype, const void *data, size_t n, void *out, int out64);

/*
 * ue_sort and ue_argsort over @count lanes of @n elements, one after the
 * other at @data (the permutations, lane-relative, likewise at @out):
 * lanes of 2-64 elements of up to 4 bytes by sorting networks, of 8-byte
 * items up to 32 by insertion (both stable, NaN bits kept), others by the
 * radix sort.
 */
int ue_sort_lanes(int dtype, void *data, size_t n, size_t count);
int ue_argsort_lanes(int dtype, const void *data, size_t n, size_t count, void *out, int out64);

/*
 * Sort along the middle axis of a C-ordered (@pre, @n, @post) array in
 * place, or write the permutations (same layout) to @out: sorting networks
 * over the columns, for item sizes up to 4 bytes and 2 <= @n <= 64; -2
 * for anything else (the caller moves the axis last and sorts lanes).
 */
int ue_sort_axis(int dtype, void *data, size_t pre, size_t n, size_t post);
int ue_argsort_axis(int dtype, const void *data, size_t pre, size_t n, size_t post, void *out, int out64);

#ifdef __cplusplus
}
#endif

#endif
