/* SPDX-License-Identifier: MIT */
/*
 * sort_vec.c - an AVX-512 quicksort of 32-bit unsigned keys, for the value
 * sorts of float32, int32 and uint32 (sort.c maps them to keys first).
 *
 * numpy sorts these with in-register networks and vector partitions; sort.c's
 * radix passes took 24 us for a row of 1920 float32 (numpy 6-7) and 40 ms
 * for a channel of 2 M (numpy 7): a run of keys in one bucket waits on that
 * bucket's counter. Here each pass partitions a range around a pivot with
 * compress (keys below it to the front of a buffer, the others to its back,
 * 16 at a time), copies it back, and goes on with the two parts; ranges of
 * 32 or fewer keys are sorted in two registers by bitonic networks. A range
 * with no key below its pivot is split at the pivot's own value instead, so
 * the keys equal to it are done in one pass (an image's float32 has 256
 * levels). Past a depth of 2 log2(n) + 8 a range is handed back to the
 * caller's sort. Keys that compare equal are equal, so the result does not
 * depend on the partition order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sort.h"
#include "vec512.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define LANES 16

/* the lanes whose index has bit B set (B a power of two up to 8; none for 16) */
#define LANE_BITS(B) ((B) == 1 ? 0xaaaau : (B) == 2 ? 0xccccu : (B) == 4 ? 0xf0f0u : (B) == 8 ? 0xff00u : 0u)

/*
 * Stage (K, J) of a bitonic sort of 16 lanes: lane i and lane i ^ J trade
 * places if out of order; lane i keeps the larger key where bits J and K of
 * i differ (a constant mask, so the compiler folds it).
 */
#define STAGE(v, K, J)                                                         \
	do {                                                                   \
		__m512i o_ = _mm512_permutexvar_epi32(                         \
			_mm512_xor_si512(iota, _mm512_set1_epi32(J)), v);      \
		v = _mm512_mask_blend_epi32((__mmask16)(LANE_BITS(J) ^ LANE_BITS(K)), _mm512_min_epu32(v, o_), \
					    _mm512_max_epu32(v, o_));          \
	} while (0)

#define IOTA _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)

/* a bitonic @v (rising then falling, or the reverse) in ascending order: the last four stages */
V512_INLINE __m512i sort_bitonic16(__m512i v)
{
	const __m512i iota = IOTA;

	STAGE(v, 16, 8);
	STAGE(v, 16, 4);
	STAGE(v, 16, 2);
	STAGE(v, 16, 1);
	return v;
}

/* the 16 keys of @v in ascending order */
V512_INLINE __m512i sort16(__m512i v)
{
	const __m512i iota = IOTA;

	STAGE(v, 2, 1);
	STAGE(v, 4, 2);
	STAGE(v, 4, 1);
	STAGE(v, 8, 4);
	STAGE(v, 8, 2);
	STAGE(v, 8, 1);
	return sort_bitonic16(v);
}

/* two ascending vectors merged: @lo gets the 16 smallest keys, @hi the rest, both ascending */
V512_INLINE void merge16(__m512i *lo, __m512i *hi)
{
	const __m512i rev = _mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	__m512i b = _mm512_permutexvar_epi32(rev, *hi);
	/* the smaller and the larger of each pair: two bitonic halves */
	__m512i l = _mm512_min_epu32(*lo, b), h = _mm512_max_epu32(*lo, b);

	*lo = sort_bitonic16(l);
	*hi = sort_bitonic16(h);
}

/* up to 32 keys in place: the lanes past @n hold the largest key and sort last */
V512_INLINE void sort_small(uint32_t *a, size_t n)
{
	const __m512i top = _mm512_set1_epi32(-1);
	__mmask16 m0 = (__mmask16)((1u << (n < LANES ? n : LANES)) - 1);
	__m512i v = sort16(_mm512_mask_loadu_epi32(top, m0, a)), w;
	__mmask16 m1;

	if (n <= LANES) {
		_mm512_mask_storeu_epi32(a, m0, v);
		return;
	}
	m1 = (__mmask16)((1u << (n - LANES)) - 1);
	w = sort16(_mm512_mask_loadu_epi32(top, m1, a + LANES));
	merge16(&v, &w);
	_mm512_storeu_si512(a, v);
	_mm512_mask_storeu_epi32(a + LANES, m1, w);
}

/* the median of 16 keys spread over the range */
V512_INLINE uint32_t pivot(const uint32_t *a, size_t n)
{
	uint32_t s[LANES];
	size_t step = n / LANES;

	for (int i = 0; i < LANES; i++)
		s[i] = a[(size_t)i * step + step / 2];
	_mm512_storeu_si512(s, sort16(_mm512_loadu_si512(s)));
	return s[LANES / 2];
}

/*
 * Keys of a[0, n) below @p (or not above it, with @le) to the front of
 * @tmp, the rest to its back, then back into @a; returns how many are in
 * front.
 */
V512_INLINE size_t partition(uint32_t *a, uint32_t *tmp, size_t n, uint32_t p, int le)
{
	const __m512i pv = _mm512_set1_epi32((int)p);
	size_t l = 0, r = n, i;

	for (i = 0; i < n; i += LANES) {
		__mmask16 m = n - i >= LANES ? (__mmask16)0xffff : (__mmask16)((1u << (n - i)) - 1);
		__m512i v = _mm512_maskz_loadu_epi32(m, a + i);
		__mmask16 front = le ? _mm512_mask_cmple_epu32_mask(m, v, pv) : _mm512_mask_cmplt_epu32_mask(m, v, pv);
		__mmask16 back = m & (__mmask16)~front;
		unsigned cf = (unsigned)__builtin_popcount(front), cb = (unsigned)__builtin_popcount(back);

		_mm512_mask_storeu_epi32(tmp + l, (__mmask16)((1u << cf) - 1), _mm512_maskz_compress_epi32(front, v));
		l += cf;
		r -= cb;
		_mm512_mask_storeu_epi32(tmp + r, (__mmask16)((1u << cb) - 1), _mm512_maskz_compress_epi32(back, v));
	}
	memcpy(a, tmp, n * sizeof(uint32_t));
	return l;
}

/* 0 when a range went too deep: the caller then sorts all of it its own way */
V512_TARGET static int quicksort(uint32_t *a, uint32_t *tmp, size_t n, int depth)
{
	while (n > 2 * LANES) {
		uint32_t p;
		size_t m;

		if (depth-- == 0)
			return 0;
		p = pivot(a, n);
		m = partition(a, tmp, n, p, 0);
		if (m == 0) {
			/* none below p: the keys equal to p (at least p itself) are in place */
			m = partition(a, tmp, n, p, 1);
			a += m;
			tmp += m;
			n -= m;
			continue;
		}
		/* the smaller part by recursion, the larger by the loop */
		if (m < n - m) {
			if (!quicksort(a, tmp, m, depth))
				return 0;
			a += m;
			tmp += m;
			n -= m;
		} else {
			if (!quicksort(a + m, tmp + m, n - m, depth))
				return 0;
			n = m;
		}
	}
	sort_small(a, n);
	return 1;
}

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	uint32_t *tmp;
	int depth = 8, ok;

	if (!v512_cpu())
		return 0;
	if (n <= 2 * LANES) {
		quicksort(key, NULL, n, 0);
		return 1;
	}
	for (size_t m = n; m > 1; m >>= 1)
		depth += 2;
	tmp = malloc(n * sizeof(uint32_t));
	if (!tmp)
		return 0;
	ok = quicksort(key, tmp, n, depth);
	free(tmp);
	return ok;
}

#else

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	(void)key;
	(void)n;
	return 0;
}

#endif
