/* SPDX-License-Identifier: MIT */
/*
 * hist.h - np.histogram's equal-width bins of float values, numpy's own
 * steps in one pass.
 */
#ifndef UE_HIST_H
#define UE_HIST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Count @n values of @dtype (UE_FLOAT32 or UE_FLOAT64), @step elements
 * apart from @x, into @bins equal bins, adding to @counts (@bins entries),
 * as numpy's histogram does for each value v (every operation in the
 * values' precision unless said):
 *   1. v counts only if first <= v <= last (so never NaN);
 *   2. k = (intp)((v - first) / denom * bins), the division and product in
 *      float when @denom_single is set, else in double (numpy's float64
 *      denominator of Python-number ranges);
 *   3. k == bins becomes bins - 1; then one down if v < edges[k], else one
 *      up if v >= edges[k + 1] and k is not the last bin.
 * @first, @last and @denom hold values of the precision they are used in;
 * @edges (@bins + 1 of @dtype) are numpy's linspace edges. Large inputs
 * are shared among the worker threads, each counting its own piece.
 * Returns 0, -1 for a bad dtype or an empty bin list, -2 out of memory.
 */
int ue_hist_uniform(int dtype, const void *x, intptr_t n, intptr_t step, double first, double last, double denom,
		    int denom_single, const void *edges, intptr_t bins, int64_t *counts);

#ifdef __cplusplus
}
#endif

#endif
