/* SPDX-License-Identifier: MIT */
/*
 * sort_vec.c - an AVX-512 quicksort of 32-bit unsigned keys, for the value
 * sorts of float32, int32 and uint32 (sort.c maps them to keys first).
 *
 * numpy sorts these with in-register networks and vector partitions; sort.c's
 * radix passes took 24 us for a row of 1920 float32 (numpy 6-7) and 40 ms
 * for a channel of 2 M (numpy 7): a run of keys in one bucket waits on that
 * bucket's counter. Here each pass partitions a range in place around a
 * pivot with compress (keys below it to the front, the others to the back,
 * four vectors of 16 at a time) and goes on with the two parts; ranges of
 * 128 or fewer keys are sorted in eight registers by bitonic networks. A
 * range with no key below its pivot is split at the pivot's own value
 * instead, so the keys equal to it are done in one pass (an image's float32
 * has 256 levels). Past a depth of 2 log2(n) + 8 a range is handed back to
 * the caller's sort. Keys that compare equal are equal, so the result does
 * not depend on the partition order.
 */
#include <stdint.h>

#include "sort.h"
#include "vec512.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#define LANES 16
/* ranges of up to NET_KEYS keys are sorted in NET_VECS registers */
#define NET_VECS 8
#define NET_KEYS (NET_VECS * LANES)
/* vectors a partition step reads (a range to partition has more than 2 PART_VECS) */
#define PART_VECS 4
_Static_assert(NET_KEYS >= 2 * PART_VECS * LANES, "a range partitioned has room for the vectors set aside");

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

/* the lanes of @v in reverse order */
V512_INLINE __m512i reverse16(__m512i v)
{
	return _mm512_permutexvar_epi32(_mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), v);
}

/*
 * @v[0, 2k) holds two ascending runs of @k vectors each: one ascending run
 * after. The first run against the second one reversed is a bitonic
 * sequence; it is halved (element j against j + 16k) and each half again
 * down to single vectors, which sort_bitonic16 finishes.
 */
V512_INLINE void merge_runs(__m512i *v, int k)
{
	__m512i t[2 * NET_VECS];

	for (int i = 0; i < k; i++) {
		__m512i b = reverse16(v[2 * k - 1 - i]);

		t[i] = _mm512_min_epu32(v[i], b);
		t[k + i] = _mm512_max_epu32(v[i], b);
	}
	for (int s = k / 2; s >= 1; s /= 2)
		for (int i = 0; i < 2 * k; i++)
			if (!(i & s)) {
				__m512i lo = _mm512_min_epu32(t[i], t[i + s]);

				t[i + s] = _mm512_max_epu32(t[i], t[i + s]);
				t[i] = lo;
			}
	for (int i = 0; i < 2 * k; i++)
		v[i] = sort_bitonic16(t[i]);
}

/*
 * Up to 16 @k keys in place, @k vectors (a power of two) in registers: the
 * lanes past @n hold the largest key and sort last.
 */
V512_INLINE void sort_net(uint32_t *a, size_t n, int k)
{
	const __m512i top = _mm512_set1_epi32(-1);
	__m512i v[NET_VECS];

	for (int i = 0; i < k; i++) {
		size_t at = (size_t)i * LANES, left = n > at ? n - at : 0;
		__mmask16 m = left >= LANES ? (__mmask16)0xffff : (__mmask16)((1u << left) - 1);

		v[i] = sort16(_mm512_mask_loadu_epi32(top, m, a + at));
	}
	for (int run = 1; run < k; run *= 2)
		for (int i = 0; i < k; i += 2 * run)
			merge_runs(v + i, run);
	for (int i = 0; i < k; i++) {
		size_t at = (size_t)i * LANES, left = n > at ? n - at : 0;
		__mmask16 m = left >= LANES ? (__mmask16)0xffff : (__mmask16)((1u << left) - 1);

		_mm512_mask_storeu_epi32(a + at, m, v[i]);
	}
}

/* up to NET_KEYS keys in place, in as few registers as hold them */
V512_INLINE void sort_small(uint32_t *a, size_t n)
{
	_Static_assert(NET_VECS == 8, "sort_small's cases");
	if (n <= LANES)
		sort_net(a, n, 1);
	else if (n <= 2 * LANES)
		sort_net(a, n, 2);
	else if (n <= 4 * LANES)
		sort_net(a, n, 4);
	else
		sort_net(a, n, 8);
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

/* where partition() writes: keys in front of @p from @l on, the others back from @r */
struct ends {
	uint32_t *a;
	size_t l, r;
};

/* the keys of @v in @m: those in front of @pv (below it, or not above it with @le) to the front */
V512_INLINE void part_vec(struct ends *e, __m512i v, __mmask16 m, __m512i pv, int le)
{
	__mmask16 front = le ? _mm512_mask_cmple_epu32_mask(m, v, pv) : _mm512_mask_cmplt_epu32_mask(m, v, pv);
	__mmask16 back = m & (__mmask16)~front;
	unsigned cf = (unsigned)__builtin_popcount(front), cb = (unsigned)__builtin_popcount(back);

	_mm512_mask_storeu_epi32(e->a + e->l, (__mmask16)((1u << cf) - 1), _mm512_maskz_compress_epi32(front, v));
	e->l += cf;
	e->r -= cb;
	_mm512_mask_storeu_epi32(e->a + e->r, (__mmask16)((1u << cb) - 1), _mm512_maskz_compress_epi32(back, v));
}

/*
 * As part_vec, for a full vector when both ends have 16 free places or
 * more: whole vectors are stored, the lanes past the keys landing in free
 * places. The back keys go to the top lanes (reversed: their order within
 * a part does not matter) and are stored to end at @r.
 */
V512_INLINE void part_vec_free(struct ends *e, __m512i v, __m512i pv, int le)
{
	__mmask16 front = le ? _mm512_cmple_epu32_mask(v, pv) : _mm512_cmplt_epu32_mask(v, pv);
	unsigned cf = (unsigned)__builtin_popcount(front);

	_mm512_storeu_si512(e->a + e->l, _mm512_maskz_compress_epi32(front, v));
	_mm512_storeu_si512(e->a + e->r - LANES, reverse16(_mm512_maskz_compress_epi32((__mmask16)~front, v)));
	e->l += cf;
	e->r -= LANES - cf;
}

/*
 * Keys of a[0, n) (n >= 2 * PART_VECS * LANES) below @p (or not above it,
 * with @le) to the front, in place; returns how many. PART_VECS vectors at
 * each end are set aside, which leaves that many vectors' free places at
 * the two ends together; each step reads PART_VECS vectors from the end
 * with fewer free places, so both ends have room for all of their keys and
 * no unread key is written over. The keys set aside go last, into the
 * places left.
 */
V512_INLINE size_t partition(uint32_t *a, size_t n, uint32_t p, int le)
{
	const __m512i pv = _mm512_set1_epi32((int)p);
	__m512i head[PART_VECS], tail[PART_VECS];
	struct ends e = { a, 0, n };
	size_t li = PART_VECS * LANES, ri = n - PART_VECS * LANES;	/* a[li, ri) is unread */

	for (int j = 0; j < PART_VECS; j++) {
		head[j] = _mm512_loadu_si512(a + j * LANES);
		tail[j] = _mm512_loadu_si512(a + ri + j * LANES);
	}
	while (ri - li >= PART_VECS * LANES) {
		__m512i v[PART_VECS];
		const uint32_t *from;

		if (li - e.l <= e.r - ri) {
			from = a + li;
			li += PART_VECS * LANES;
		} else {
			ri -= PART_VECS * LANES;
			from = a + ri;
		}
		for (int j = 0; j < PART_VECS; j++)
			v[j] = _mm512_loadu_si512(from + j * LANES);
		for (int j = 0; j < PART_VECS; j++)
			part_vec_free(&e, v[j], pv, le);
	}
	while (ri - li >= LANES) {
		__m512i v;

		if (li - e.l <= e.r - ri) {
			v = _mm512_loadu_si512(a + li);
			li += LANES;
		} else {
			ri -= LANES;
			v = _mm512_loadu_si512(a + ri);
		}
		part_vec_free(&e, v, pv, le);
	}
	if (ri > li) {
		__mmask16 m = (__mmask16)((1u << (ri - li)) - 1);

		part_vec(&e, _mm512_maskz_loadu_epi32(m, a + li), m, pv, le);
	}
	for (int j = 0; j < PART_VECS; j++) {
		part_vec(&e, head[j], (__mmask16)0xffff, pv, le);
		part_vec(&e, tail[j], (__mmask16)0xffff, pv, le);
	}
	return e.l;
}

/* 0 when a range went too deep: the caller then sorts all of it its own way */
V512_TARGET static int quicksort(uint32_t *a, size_t n, int depth)
{
	while (n > NET_KEYS) {
		uint32_t p;
		size_t m;

		if (depth-- == 0)
			return 0;
		p = pivot(a, n);
		m = partition(a, n, p, 0);
		if (m == 0) {
			/* none below p: the keys equal to p (at least p itself) are in place */
			m = partition(a, n, p, 1);
			a += m;
			n -= m;
			continue;
		}
		/* the smaller part by recursion, the larger by the loop */
		if (m < n - m) {
			if (!quicksort(a, m, depth))
				return 0;
			a += m;
			n -= m;
		} else {
			if (!quicksort(a + m, n - m, depth))
				return 0;
			n = m;
		}
	}
	sort_small(a, n);
	return 1;
}

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	int depth = 8;

	if (!v512_cpu())
		return 0;
	for (size_t m = n; m > 1; m >>= 1)
		depth += 2;
	return quicksort(key, n, depth);
}

#else

int ue_sort_u32_vec(uint32_t *key, size_t n)
{
	(void)key;
	(void)n;
	return 0;
}

#endif
