/* SPDX-License-Identifier: MIT */
/*
 * take.c - np.take. A first pass finds the range of the indices (the
 * vectorised min/max of count.c); when they all lie in [0, n), which is
 * the common case (a lookup table indexed by pixels, a permutation), the
 * gather runs with no test per element: one loop per (index type, element
 * size) for single elements, a memcpy per index for longer runs. Negative,
 * wrapped or clipped indices go through a resolved int64 copy first.
 */
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "engine.h"
#include "take.h"
#include "types.h"

/* out[k] = src[idx[k]]: elements of type T, indices of type IT */
#define TAKE_ELEMENTS(IT, T)                                                   \
	do {                                                                   \
		const IT *ix = idx;                                            \
		const T *s = (const T *)src;                                   \
		T *o = (T *)out;                                               \
		for (intptr_t k = 0; k < m; k++)                               \
			o[k] = s[(intptr_t)ix[k]];                             \
	} while (0)

#define BY_SIZE(IT)                                                            \
	do {                                                                   \
		switch (itemsize) {                                            \
		case 1: TAKE_ELEMENTS(IT, uint8_t); return 0;                  \
		case 2: TAKE_ELEMENTS(IT, uint16_t); return 0;                 \
		case 4: TAKE_ELEMENTS(IT, uint32_t); return 0;                 \
		case 8: TAKE_ELEMENTS(IT, uint64_t); return 0;                 \
		default: return -1;                                            \
		}                                                              \
	} while (0)

/* single elements, every index in range */
UE_HOT static int take_elements(const char *src, size_t itemsize, int idx_dtype, const void *idx, intptr_t m,
				char *out)
{
	switch (idx_dtype) {
	case UE_BOOL:
	case UE_UINT8: BY_SIZE(uint8_t);
	case UE_INT8: BY_SIZE(int8_t);
	case UE_INT16: BY_SIZE(int16_t);
	case UE_UINT16: BY_SIZE(uint16_t);
	case UE_INT32: BY_SIZE(int32_t);
	case UE_UINT32: BY_SIZE(uint32_t);
	case UE_INT64:
	case UE_UINT64: BY_SIZE(int64_t);
	default: return -1;
	}
}

static int64_t index_at(int idx_dtype, const void *idx, intptr_t k)
{
	switch (idx_dtype) {
	case UE_BOOL:
	case UE_UINT8: return ((const uint8_t *)idx)[k];
	case UE_INT8: return ((const int8_t *)idx)[k];
	case UE_INT16: return ((const int16_t *)idx)[k];
	case UE_UINT16: return ((const uint16_t *)idx)[k];
	case UE_INT32: return ((const int32_t *)idx)[k];
	case UE_UINT32: return ((const uint32_t *)idx)[k];
	default: return ((const int64_t *)idx)[k];
	}
}

/* the gather for in-range int64 indices @ix, any run length */
static void take_runs(const char *src, intptr_t pre, intptr_t n, intptr_t post, size_t itemsize, int idx_dtype,
		      const void *ix, intptr_t nidx, char *out)
{
	size_t run = (size_t)post * itemsize;

	for (intptr_t p = 0; p < pre; p++) {
		const char *s = src + (size_t)p * (size_t)n * run;
		char *o = out + (size_t)p * (size_t)nidx * run;

		if (post == 1 && take_elements(s, itemsize, idx_dtype, ix, nidx, o) == 0)
			continue;
		for (intptr_t k = 0; k < nidx; k++)
			memcpy(o + (size_t)k * run, s + (size_t)index_at(idx_dtype, ix, k) * run, run);
	}
}

int ue_take(const char *src, intptr_t pre, intptr_t n, intptr_t post, size_t itemsize,
	    int idx_dtype, const void *idx, intptr_t nidx, int mode, char *out, intptr_t *bad)
{
	int64_t lo, hi, *fixed;

	if (idx_dtype < 0 || idx_dtype >= UE_FLOAT32 || mode < UE_TAKE_RAISE ||
	    mode > UE_TAKE_CLIP || !itemsize)
		return -1;
	if (!nidx || !pre)
		return 0;
	if (n <= 0)
		return -1;
	/* a uint64 index is read as int64 (2**64 - 1 is -1), as numpy's cast to intp */
	if (ue_int_range(idx_dtype, idx, (size_t)nidx, &lo, &hi) != 0)
		return -1;
	if (lo >= 0 && hi < n) {
		take_runs(src, pre, n, post, itemsize, idx_dtype, idx, nidx, out);
		return 0;
	}
	fixed = malloc((size_t)nidx * sizeof(*fixed));
	if (!fixed)
		return -2;
	for (intptr_t k = 0; k < nidx; k++) {
		int64_t v = index_at(idx_dtype, idx, k);

		if (mode == UE_TAKE_RAISE) {
			if (v < -n || v >= n) {
				*bad = k;
				free(fixed);
				return 1;
			}
			v += v < 0 ? n : 0;
		} else if (mode == UE_TAKE_WRAP) {
			v %= n;
			v += v < 0 ? n : 0;
		} else {
			v = v < 0 ? 0 : v >= n ? n - 1 : v;
		}
		fixed[k] = v;
	}
	take_runs(src, pre, n, post, itemsize, UE_INT64, fixed, nidx, out);
	free(fixed);
	return 0;
}
