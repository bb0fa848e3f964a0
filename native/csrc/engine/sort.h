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
 * Write the stable sorting permutation of the @n elements at @data to
 * @out: int64_t indices when @out64, else int32_t. 0 on success, -1 as
 * ue_sort.
 */
int ue_argsort(int dtype, const void *data, size_t n, void *out, int out64);

/*
 * ue_sort and ue_argsort over @count lanes of @n elements, one after the
 * other at @data (the permutations, lane-relative, likewise at @out):
 * short lanes (up to 16-48 elements by item size) by insertion (stable, NaN
 * bits kept).
 */
int ue_sort_lanes(int dtype, void *data, size_t n, size_t count);
int ue_argsort_lanes(int dtype, const void *data, size_t n, size_t count, void *out, int out64);

#ifdef __cplusplus
}
#endif

#endif
