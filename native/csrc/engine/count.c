/* SPDX-License-Identifier: MIT */
/*
 * count.c - np.bincount: one pass for the range of the values (vectorised
 * min/max), one pass counting. Byte values count into four tables in turn,
 * so that runs of one value (flat image regions) do not wait on the
 * previous increment of the same counter; wider values count straight into
 * the result.
 */
#include <string.h>

#include "count.h"
#include "engine.h"
#include "types.h"

#define RANGE(T, CAST)                                                         \
	do {                                                                   \
		const T *x = data;                                             \
		T lo = x[0], hi = x[0];                                        \
		for (size_t i = 1; i < n; i++) {                               \
			lo = x[i] < lo ? x[i] : lo;                            \
			hi = x[i] > hi ? x[i] : hi;                            \
		}                                                              \
		*min = (int64_t)(CAST)lo;                                      \
		*max = (int64_t)(CAST)hi;                                      \
	} while (0)

UE_HOT int ue_int_range(int dtype, const void *data, size_t n, int64_t *min, int64_t *max)
{
	if (!n)
		return -1;
	switch (dtype) {
	case UE_BOOL:
	case UE_UINT8:
		RANGE(uint8_t, uint8_t);
		return 0;
	case UE_INT8:
		RANGE(int8_t, int8_t);
		return 0;
	case UE_INT16:
		RANGE(int16_t, int16_t);
		return 0;
	case UE_UINT16:
		RANGE(uint16_t, uint16_t);
		return 0;
	case UE_INT32:
		RANGE(int32_t, int32_t);
		return 0;
	case UE_UINT32:
		RANGE(uint32_t, uint32_t);
		return 0;
	case UE_INT64:
	case UE_UINT64:
		RANGE(int64_t, int64_t);
		return 0;
	default:
		return -1;
	}
}

/* elements counted into the 32-bit byte tables before they are added up */
#define BYTE_CHUNK ((size_t)1 << 28)

static void count_bytes(const uint8_t *x, size_t n, int64_t *total)
{
	uint32_t t[4][256];
	size_t i = 0, end, v;

	while (i < n) {
		end = n - i > BYTE_CHUNK ? i + BYTE_CHUNK : n;
		memset(t, 0, sizeof(t));
		for (; i + 4 <= end; i += 4) {
			t[0][x[i]]++;
			t[1][x[i + 1]]++;
			t[2][x[i + 2]]++;
			t[3][x[i + 3]]++;
		}
		for (; i < end; i++)
			t[0][x[i]]++;
		for (v = 0; v < 256; v++)
			total[v] += (int64_t)t[0][v] + t[1][v] + t[2][v] + t[3][v];
	}
}

#define COUNT(T, C)                                                            \
	do {                                                                   \
		const T *x = data;                                             \
		C *c = counts;                                                 \
		for (size_t i = 0; i < n; i++)                                 \
			c[(size_t)x[i]]++;                                     \
	} while (0)

#define COUNT_ANY(T)                                                           \
	do {                                                                   \
		if (out64)                                                     \
			COUNT(T, int64_t);                                     \
		else                                                           \
			COUNT(T, int32_t);                                     \
	} while (0)

int ue_bincount(int dtype, const void *data, size_t n, void *counts, size_t len, int out64)
{
	memset(counts, 0, len * (out64 ? 8 : 4));
	switch (dtype) {
	case UE_BOOL:
	case UE_INT8:
	case UE_UINT8:
	{
		int64_t total[256] = { 0 };

		/* every value is below len: the first len totals are all */
		count_bytes(data, n, total);
		for (size_t v = 0; v < len && v < 256; v++) {
			if (out64)
				((int64_t *)counts)[v] = total[v];
			else
				((int32_t *)counts)[v] = (int32_t)total[v];
		}
		return 0;
	}
	case UE_INT16:
	case UE_UINT16:
		COUNT_ANY(uint16_t);
		return 0;
	case UE_INT32:
	case UE_UINT32:
		COUNT_ANY(uint32_t);
		return 0;
	case UE_INT64:
	case UE_UINT64:
		COUNT_ANY(uint64_t);
		return 0;
	default:
		return -1;
	}
}

/*
 * Every element is stored at the next free place and the place kept only
 * under a set mask byte: no branch to mispredict on a random mask. The
 * last free place may be one past the end, so the final stores are checked.
 */
#define COMPRESS(T)                                                            \
	do {                                                                   \
		const T *s = src;                                              \
		T *o = out;                                                    \
		size_t i = 0;                                                  \
		for (; i < n && k + 1 < nout; i++) {                           \
			o[k] = s[i];                                           \
			k += mask[i] != 0;                                     \
		}                                                              \
		for (; i < n && k < nout; i++)                                 \
			if (mask[i])                                           \
				o[k++] = s[i];                                 \
	} while (0)

UE_HOT intptr_t ue_mask_compress(const void *src, const uint8_t *mask, size_t n, size_t itemsize, void *out, size_t nout)
{
	size_t k = 0;

	switch (itemsize) {
	case 1: COMPRESS(uint8_t); break;
	case 2: COMPRESS(uint16_t); break;
	case 4: COMPRESS(uint32_t); break;
	case 8: COMPRESS(uint64_t); break;
	default: return -1;
	}
	return (intptr_t)k;
}

#define ADD_WEIGHTS(T)                                                         \
	do {                                                                   \
		const T *x = data;                                             \
		for (size_t i = 0; i < n; i++)                                 \
			sums[(size_t)x[i]] += w[i];                            \
	} while (0)

int ue_bincount_weighted(int dtype, const void *data, size_t n, const double *w, double *sums, size_t len)
{
	(void)len;	/* the caller checked every value against it */
	switch (dtype) {
	case UE_BOOL:
	case UE_INT8:
	case UE_UINT8: ADD_WEIGHTS(uint8_t); return 0;
	case UE_INT16:
	case UE_UINT16: ADD_WEIGHTS(uint16_t); return 0;
	case UE_INT32:
	case UE_UINT32: ADD_WEIGHTS(uint32_t); return 0;
	case UE_INT64:
	case UE_UINT64: ADD_WEIGHTS(uint64_t); return 0;
	default: return -1;
	}
}

/* the next nonzero byte of @f at or after @j (below @end), or @end; zero words are skipped 8 at a time */
static intptr_t next_set(const uint8_t *f, intptr_t j, intptr_t end)
{
	uint64_t w;

	for (; j < end && (j & 7); j++)
		if (f[j])
			return j;
	for (; j + 8 <= end; j += 8) {
		memcpy(&w, f + j, 8);
		if (w)
			break;
	}
	for (; j < end; j++)
		if (f[j])
			return j;
	return end;
}

#define NONZERO(C)                                                             \
	do {                                                                   \
		C *const *o = (C *const *)outs;                                \
		for (r = 0; r < rows && k < cap; r++) {                        \
			const uint8_t *f = flags + r * last;                   \
			for (j = next_set(f, 0, last); j < last && k < cap;   \
			     j = next_set(f, j + 1, last), k++) {              \
				for (d = 0; d < nd - 1; d++)                   \
					o[d][k] = (C)pos[d];                   \
				o[nd - 1][k] = (C)j;                           \
			}                                                      \
			for (d = nd - 2; d >= 0; d--) {                        \
				if (++pos[d] < shape[d])                       \
					break;                                 \
				pos[d] = 0;                                    \
			}                                                      \
		}                                                              \
	} while (0)

size_t ue_nonzero(const uint8_t *flags, size_t n, int nd, const intptr_t *shape,
		  void *const *outs, int out64, size_t cap)
{
	intptr_t pos[UE_MAXDIMS] = { 0 }, last, rows, r, j;
	size_t k = 0;
	int d;

	if (nd < 1 || nd > UE_MAXDIMS || !n)
		return 0;
	last = shape[nd - 1];
	rows = (intptr_t)(n / (size_t)last);
	if (out64)
		NONZERO(int64_t);
	else
		NONZERO(int32_t);
	return k;
}

/*
 * searchsorted: a branch-free binary search per value (the halving step
 * adds the comparison times the half, so random values do not mispredict,
 * as the compiler's branch would), the first
 * position whose key is not below (right: not at or below) the value.
 */
static size_t search_one(const double *keys, size_t n, double x, int right)
{
	const double *b = keys;
	size_t len = n;

	if (x != x)
		return n;
	if (!len)
		return 0;
	if (right) {
		while (len > 1) {
			size_t half = len >> 1;

			b += (size_t)(b[half - 1] <= x) * half;
			len -= half;
		}
		return (size_t)(b - keys) + (*b <= x);
	}
	while (len > 1) {
		size_t half = len >> 1;

		b += (size_t)(b[half - 1] < x) * half;
		len -= half;
	}
	return (size_t)(b - keys) + (*b < x);
}

#define SEARCH(T)                                                              \
	do {                                                                   \
		const T *x = v;                                                \
		for (size_t i = 0; i < m; i++) {                               \
			size_t at = search_one(keys, n, (double)x[i], right);   \
			if (out64)                                             \
				((int64_t *)out)[i] = (int64_t)at;             \
			else                                                   \
				((int32_t *)out)[i] = (int32_t)at;             \
		}                                                              \
	} while (0)

int ue_searchsorted(const double *keys, size_t n, int dtype, const void *v, size_t m, int right, void *out,
		    int out64)
{
	switch (dtype) {
	case UE_BOOL:
	case UE_UINT8: SEARCH(uint8_t); return 0;
	case UE_INT8: SEARCH(int8_t); return 0;
	case UE_INT16: SEARCH(int16_t); return 0;
	case UE_UINT16: SEARCH(uint16_t); return 0;
	case UE_INT32: SEARCH(int32_t); return 0;
	case UE_UINT32: SEARCH(uint32_t); return 0;
	case UE_FLOAT32: SEARCH(float); return 0;
	case UE_FLOAT64: SEARCH(double); return 0;
	default: return -1;
	}
}
