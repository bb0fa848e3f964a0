/* SPDX-License-Identifier: MIT */
/*
 * sort_vec_body.h - the AVX-512 quicksort of sort_vec.c for one key width,
 * included once per width. The includer defines:
 *   KEY, MASK, LANES      the key type, a mask of LANES lanes, keys per vector
 *   NET_VECS              the vectors of the largest network (8 or 16)
 *   NAME(x)               x with the width's suffix
 *   SET1, MIN, MAX, MASK_MAX, PERMUTE, COMPRESS, MASK_LOAD, MASKZ_LOAD,
 *   MASK_STORE, CMPLT, CMPLE, MASK_CMPLT, MASK_CMPLE
 *                         the width's intrinsics (epi32/epu32 or epi64/epu64)
 *   IOTA, REVERSE         the lane numbers, ascending and descending
 */

/* the lanes whose index has bit B set (B a power of two below LANES; none for LANES) */
#define LANE_BITS(B) ((MASK)((B) == 1 ? 0xaaaau : (B) == 2 ? 0xccccu : (B) == 4 ? 0xf0f0u : \
			     (B) == 8 ? 0xff00u : 0u))

/*
 * Stage (K, J) of a bitonic sort of the lanes: lane i and lane i ^ J trade
 * places if out of order; lane i keeps the larger key where bits J and K of
 * i differ (a constant mask, so the compiler folds it).
 */
#define STAGE(v, K, J)                                                         \
	do {                                                                   \
		__m512i o_ = PERMUTE(_mm512_xor_si512(IOTA, SET1(J)), v);      \
		v = MASK_MAX(MIN(v, o_), (MASK)(LANE_BITS(J) ^ LANE_BITS(K)), v, o_); \
	} while (0)

/* a bitonic @v (rising then falling, or the reverse) in ascending order: the last stages */
V512_INLINE __m512i NAME(sort_bitonic)(__m512i v)
{
	if (LANES == 16)
		STAGE(v, LANES, 8);
	STAGE(v, LANES, 4);
	STAGE(v, LANES, 2);
	STAGE(v, LANES, 1);
	return v;
}

/* the keys of @v in ascending order */
V512_INLINE __m512i NAME(sort_lanes)(__m512i v)
{
	STAGE(v, 2, 1);
	STAGE(v, 4, 2);
	STAGE(v, 4, 1);
	if (LANES == 16) {
		STAGE(v, 8, 4);
		STAGE(v, 8, 2);
		STAGE(v, 8, 1);
	}
	return NAME(sort_bitonic)(v);
}

/*
 * @v[0, 2k) holds two ascending runs of @k vectors each: one ascending run
 * after. The first run against the second one reversed is a bitonic
 * sequence; it is halved (element j against j + k LANES) and each half again
 * down to single vectors, which sort_bitonic finishes.
 */
V512_INLINE void NAME(merge_runs)(__m512i *v, int k)
{
	__m512i t[2 * NET_VECS];

	for (int i = 0; i < k; i++) {
		__m512i b = PERMUTE(REVERSE, v[2 * k - 1 - i]);

		t[i] = MIN(v[i], b);
		t[k + i] = MAX(v[i], b);
	}
	for (int s = k / 2; s >= 1; s /= 2)
		for (int i = 0; i < 2 * k; i++)
			if (!(i & s)) {
				__m512i lo = MIN(t[i], t[i + s]);

				t[i + s] = MAX(t[i], t[i + s]);
				t[i] = lo;
			}
	for (int i = 0; i < 2 * k; i++)
		v[i] = NAME(sort_bitonic)(t[i]);
}

/* the mask of the lanes of vector @i of a run of @n keys that hold keys */
V512_INLINE MASK NAME(lanes_of)(size_t n, int i)
{
	size_t at = (size_t)i * LANES, left = n > at ? n - at : 0;

	return left >= LANES ? (MASK)~0u : (MASK)((1u << left) - 1);
}

/*
 * Up to @k LANES keys in place, @k vectors (a power of two) in registers:
 * the lanes past @n hold the largest key and sort last.
 */
V512_INLINE void NAME(sort_net)(KEY *a, size_t n, int k)
{
	const __m512i top = _mm512_set1_epi32(-1);
	__m512i v[NET_VECS];

	for (int i = 0; i < k; i++)
		v[i] = NAME(sort_lanes)(MASK_LOAD(top, NAME(lanes_of)(n, i), a + (size_t)i * LANES));
	for (int run = 1; run < k; run *= 2)
		for (int i = 0; i < k; i += 2 * run)
			NAME(merge_runs)(v + i, run);
	for (int i = 0; i < k; i++)
		MASK_STORE(a + (size_t)i * LANES, NAME(lanes_of)(n, i), v[i]);
}

/* up to NET_VECS LANES keys in place, in as few registers as hold them */
V512_INLINE void NAME(sort_small)(KEY *a, size_t n)
{
	_Static_assert(NET_VECS == 8 || NET_VECS == 16, "sort_small's cases");
	if (n <= LANES)
		NAME(sort_net)(a, n, 1);
	else if (n <= 2 * LANES)
		NAME(sort_net)(a, n, 2);
	else if (n <= 4 * LANES)
		NAME(sort_net)(a, n, 4);
	else if (NET_VECS == 8 || n <= 8 * LANES)
		NAME(sort_net)(a, n, 8);
	else
		NAME(sort_net)(a, n, NET_VECS);
}

/* the median of 16 keys spread over the range */
V512_INLINE KEY NAME(pivot)(const KEY *a, size_t n)
{
	KEY s[16];
	size_t step = n / 16;

	for (int i = 0; i < 16; i++)
		s[i] = a[(size_t)i * step + step / 2];
	NAME(sort_net)(s, 16, 16 / LANES);
	return s[8];
}

/* where partition() writes: keys in front of the pivot from @l on, the others back from @r */
struct NAME(ends) {
	KEY *a;
	size_t l, r;
};

/* the keys of @v in @m: those in front of @pv (below it, or not above it with @le) to the front */
V512_INLINE void NAME(part_vec)(struct NAME(ends) *e, __m512i v, MASK m, __m512i pv, int le)
{
	MASK front = le ? MASK_CMPLE(m, v, pv) : MASK_CMPLT(m, v, pv);
	MASK back = m & (MASK)~front;
	unsigned cf = (unsigned)__builtin_popcount(front), cb = (unsigned)__builtin_popcount(back);

	MASK_STORE(e->a + e->l, (MASK)((1u << cf) - 1), COMPRESS(front, v));
	e->l += cf;
	e->r -= cb;
	MASK_STORE(e->a + e->r, (MASK)((1u << cb) - 1), COMPRESS(back, v));
}

/*
 * As part_vec, for a full vector when both ends have LANES free places or
 * more: whole vectors are stored, the lanes past the keys landing in free
 * places. The back keys go to the top lanes (reversed: their order within
 * a part does not matter) and are stored to end at @r.
 */
V512_INLINE void NAME(part_vec_free)(struct NAME(ends) *e, __m512i v, __m512i pv, int le)
{
	MASK front = le ? CMPLE(v, pv) : CMPLT(v, pv);
	unsigned cf = (unsigned)__builtin_popcount(front);

	_mm512_storeu_si512(e->a + e->l, COMPRESS(front, v));
	_mm512_storeu_si512(e->a + e->r - LANES, PERMUTE(REVERSE, COMPRESS((MASK)~front, v)));
	e->l += cf;
	e->r -= LANES - cf;
}

/*
 * Keys of a[0, n) (n >= 2 PART_VECS LANES) below @p (or not above it, with
 * @le) to the front, in place; returns how many. PART_VECS vectors at each
 * end are set aside, which leaves that many vectors' free places at the two
 * ends together; each step reads PART_VECS vectors from the end with fewer
 * free places, so both ends have room for all of their keys and no unread
 * key is written over. The keys set aside go last, into the places left.
 */
V512_INLINE size_t NAME(partition)(KEY *a, size_t n, KEY p, int le)
{
	const __m512i pv = SET1(p);
	__m512i head[PART_VECS], tail[PART_VECS];
	struct NAME(ends) e = { a, 0, n };
	size_t li = PART_VECS * LANES, ri = n - PART_VECS * LANES;	/* a[li, ri) is unread */

	for (int j = 0; j < PART_VECS; j++) {
		head[j] = _mm512_loadu_si512(a + j * LANES);
		tail[j] = _mm512_loadu_si512(a + ri + j * LANES);
	}
	while (ri - li >= PART_VECS * LANES) {
		__m512i v[PART_VECS];
		const KEY *from;

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
			NAME(part_vec_free)(&e, v[j], pv, le);
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
		NAME(part_vec_free)(&e, v, pv, le);
	}
	if (ri > li) {
		MASK m = (MASK)((1u << (ri - li)) - 1);

		NAME(part_vec)(&e, MASKZ_LOAD(m, a + li), m, pv, le);
	}
	for (int j = 0; j < PART_VECS; j++) {
		NAME(part_vec)(&e, head[j], (MASK)~0u, pv, le);
		NAME(part_vec)(&e, tail[j], (MASK)~0u, pv, le);
	}
	return e.l;
}

/* 0 when a range went too deep: the caller then sorts all of it its own way */
V512_TARGET static int NAME(quicksort)(KEY *a, size_t n, int depth)
{
	_Static_assert(NET_VECS * LANES >= 2 * PART_VECS * LANES, "a range partitioned has room for the vectors set aside");
	while (n > NET_VECS * LANES) {
		KEY p;
		size_t m;

		if (depth-- == 0)
			return 0;
		p = NAME(pivot)(a, n);
		m = NAME(partition)(a, n, p, 0);
		if (m == 0) {
			/* none below p: the keys equal to p (at least p itself) are in place */
			m = NAME(partition)(a, n, p, 1);
			a += m;
			n -= m;
			continue;
		}
		/* the smaller part by recursion, the larger by the loop */
		if (m < n - m) {
			if (!NAME(quicksort)(a, m, depth))
				return 0;
			a += m;
			n -= m;
		} else {
			if (!NAME(quicksort)(a + m, n - m, depth))
				return 0;
			n = m;
		}
	}
	NAME(sort_small)(a, n);
	return 1;
}

/* @n keys in ascending order: 1, or 0 (permuted, not sorted) without AVX-512 or when a range went too deep */
static int NAME(sort_keys)(KEY *key, size_t n)
{
	int depth = 8;

	if (!v512_cpu())
		return 0;
	for (size_t m = n; m > 1; m >>= 1)
		depth += 2;
	return NAME(quicksort)(key, n, depth);
}

#undef LANE_BITS
#undef STAGE
