/* SPDX-License-Identifier: MIT */
/*
 * count.h - np.bincount's kernels (the range of an integer run, the count
 * of each value in it) and np.nonzero's.
 */
#ifndef UE_COUNT_H
#define UE_COUNT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The least and the greatest of the @n integers of dtype @dtype (an enum
 * ue_dtype code) at @data, as int64_t (uint64 values are read as int64: a
 * value of 2**63 or more comes out negative, as numpy's cast to intp).
 * 0, or -1 for a dtype that is not an integer or bool, or @n == 0.
 */
int ue_int_range(int dtype, const void *data, size_t n, int64_t *min, int64_t *max);

/*
 * Overwrite @counts[0..@len) with how often each value occurs among the @n
 * integers at @data, which must all lie in [0, @len) (ue_int_range first).
 * @counts holds int64_t when @out64, else int32_t, and must not overlap
 * @data. 0, or -1 for a dtype that is not an integer or bool.
 */
int ue_bincount(int dtype, const void *data, size_t n, void *counts, size_t len, int out64);

/*
 * Add @w[i] to @sums[v] for each of the @n integers v at @data, in order
 * (numpy's weighted bincount, in double); every value must lie in
 * [0, @len) (ue_int_range first). 0, or -1 for a dtype that is not an
 * integer or bool.
 */
/*
 * The elements of @src (@n of @itemsize 1, 2, 4 or 8 bytes, contiguous)
 * whose @mask byte is nonzero, in order, into @out, which has room for
 * exactly @nout of them (the nonzero count of @mask). Returns how many were
 * written (@nout when the count was right), or -1 for another item size.
 */
intptr_t ue_mask_compress(const void *src, const uint8_t *mask, size_t n, size_t itemsize, void *out, size_t nout);

int ue_bincount_weighted(int dtype, const void *data, size_t n, const double *w, double *sums, size_t len);

/*
 * np.nonzero: the positions of the nonzero bytes among the @n bytes at
 * @flags, read as a C-ordered array of @nd >= 1 dimensions @shape (whose
 * product is @n). The k-th position found, in C order, has its index along
 * axis d written to outs[d][k] (int64_t when @out64, else int32_t), for at
 * most @cap positions. Returns how many were written.
 */
size_t ue_nonzero(const uint8_t *flags, size_t n, int nd, const intptr_t *shape,
		  void *const *outs, int out64, size_t cap);

/*
 * np.searchsorted of @m values of dtype @dtype (bool, an integer of up to
 * 32 bits, float32 or float64) at @v into the @n ascending, NaN-free
 * doubles at @keys: out[i] is the number of keys below v[i] (@right: not
 * above it); a NaN value sorts after every key (n). @out holds int64_t
 * when @out64, else int32_t. 0, or -1 for another dtype.
 */
int ue_searchsorted(const double *keys, size_t n, int dtype, const void *v, size_t m, int right, void *out,
		    int out64);

#ifdef __cplusplus
}
#endif

#endif
