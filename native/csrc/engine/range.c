/* SPDX-License-Identifier: MIT */
/*
 * range.c - np.arange and np.linspace of floats (range.h).
 */
#include "engine.h"
#include "range.h"
#include "types.h"

UE_HOT static void fill_f32(float *d, intptr_t from, intptr_t n, float first, float delta)
{
	for (intptr_t i = from; i < n; i++)
		d[i] = first + (float)i * delta;
}

UE_HOT static void fill_f64(double *d, intptr_t from, intptr_t n, double first, double delta)
{
	for (intptr_t i = from; i < n; i++)
		d[i] = first + (double)i * delta;
}

int ue_fill_range(void *dst, int dtype, intptr_t from, intptr_t n, double first, double delta)
{
	if (dtype == UE_FLOAT32)
		fill_f32(dst, from, n, (float)first, (float)delta);
	else if (dtype == UE_FLOAT64)
		fill_f64(dst, from, n, first, delta);
	else
		return -1;
	return 0;
}
