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

#ifdef __cplusplus
}
#endif

#endif
