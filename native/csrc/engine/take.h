/* SPDX-License-Identifier: MIT */
/*
 * take.h - np.take's kernel: a gather of elements (or of runs of them)
 * along one axis by an index array.
 */
#ifndef UE_TAKE_H
#define UE_TAKE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* np.take's modes for indices out of [0, n) */
enum ue_take_mode { UE_TAKE_RAISE, UE_TAKE_WRAP, UE_TAKE_CLIP };

/*
 * out[p, k, q] = src[p, idx[k], q] for p < @pre, k < @nidx, q < @post: @src
 * is C-contiguous (@pre, @n, @post) elements of @itemsize bytes, @out
 * C-contiguous (@pre, @nidx, @post) and not overlapping @src or @idx. The
 * @nidx indices at @idx have dtype @idx_dtype (an enum ue_dtype code: an
 * integer or bool). With UE_TAKE_RAISE a negative index counts from the
 * end and an index outside [-n, n) is an error: nothing is written and
 * *@bad is the position of the first such index. UE_TAKE_WRAP takes it
 * modulo @n, UE_TAKE_CLIP clamps it to [0, n). A uint64 index is read as
 * int64 (2**64 - 1 is -1), as numpy's cast to intp.
 * Returns 0, 1 for an index out of range, -1 for a bad dtype, mode or an
 * empty axis (@n == 0) with indices to take, -2 when out of memory.
 */
int ue_take(const char *src, intptr_t pre, intptr_t n, intptr_t post, size_t itemsize,
	    int idx_dtype, const void *idx, intptr_t nidx, int mode, char *out, intptr_t *bad);

#ifdef __cplusplus
}
#endif

#endif
