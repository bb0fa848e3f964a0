/* SPDX-License-Identifier: MIT */
/*
 * range.h - the values of np.arange and np.linspace for floats: numpy's
 * fill, first + i * delta, in the array's own precision.
 */
#ifndef UE_RANGE_H
#define UE_RANGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * dst[i] = first + (T)i * delta for @from <= i < @n, T float (@dtype
 * UE_FLOAT32: @first and @delta rounded to float first, every operation in
 * float, as numpy's FLOAT_fill) or double (UE_FLOAT64). A product and a
 * sum, each rounded: never fused (the engine is built -std=c11, which
 * keeps a * b + c two operations). Returns 0, or -1 for another dtype.
 */
int ue_fill_range(void *dst, int dtype, intptr_t from, intptr_t n, double first, double delta);

#ifdef __cplusplus
}
#endif

#endif
