/* SPDX-License-Identifier: MIT */
/*
 * arg.c - argmin/argmax along one axis, with numpy's answer: the index of
 * the first smallest (largest) element; for floats a NaN counts as the
 * extreme, so the first NaN wins; -0 and 0 are equal.
 *
 * The reduced axis is (n, s); the kept axes come as ue_rdim dimensions,
 * innermost first, whose output strides step through the intp results.
 * When the reduced axis is the innermost in memory, each output scans its
 * run: a contiguous run in blocks whose extreme is found with vectors and
 * compared with the best so far, then the first block that holds the best
 * is searched for its first occurrence. When it is not (argmax(axis=0) of
 * a C-ordered matrix), the rows are combined element-wise into running
 * bests for a block of outputs at a time, which is where numpy copies the
 * array into the reduced axis' order first.
 */
#include <string.h>

#include "engine.h"
#include "reduce.h"
#include "types.h"

#define ARG_BLOCK_BYTES 32768	/* a block of a contiguous run (a multiple of 256) */
#define ARG_ROWS 256		/* outputs combined row by row at a time */

#define IS_NAN_F(x) ((x) != (x))
#define IS_NAN_I(x) 0

/*
 * The extreme of a block: 256 bytes of independent lanes, which the
 * compiler vectorises (vmaxps, vpminub, ... under the clones), folded at
 * the end. Floats also sum their lanes, one add per vector: a NaN makes
 * the sum NaN (and so may +inf with -inf: the caller looks for the NaN).
 */
#define VEC_BLOCK(NAME, T, I, CMP, ISNAN)					\
static inline __attribute__((always_inline)) T blk_##NAME(const T *x, intptr_t m, int *nan) \
{									\
	enum { NL = 256 / sizeof(T), FL = (T)0.5 != 0 };		\
	T r[NL], t[NL];							\
	for (int j = 0; j < NL; j++) {					\
		r[j] = x[j];						\
		t[j] = FL ? x[j] : 0;					\
	}								\
	for (intptr_t i = NL; i < m; i += NL) {				\
		__builtin_prefetch(x + i + 8 * NL, 0, 3);		\
		for (int j = 0; j < NL; j++) {				\
			T v = x[i + j];					\
			if (FL)						\
				t[j] += v;				\
			r[j] = r[j] CMP v ? r[j] : v;			\
		}							\
	}								\
	/* folded in halves, which vectorise too (a chain over the lanes would not) */ \
	for (int w = NL / 2; w >= 1; w /= 2)				\
		for (int j = 0; j < w; j++)				\
			r[j] = r[j] CMP r[j + w] ? r[j] : r[j + w];	\
	I bad = 0;							\
	for (int j = 0; j < NL; j++)					\
		bad |= (I)ISNAN(t[j]);					\
	*nan = bad != 0;						\
	return r[0];							\
}

/*
 * One direction (NAME: min or max, CMP: < or >) for one type:
 * argc (contiguous run), args (strided run), argrows (element-wise).
 */
#define ARG_CONTIG(NAME, T, I, CMP, ISNAN)				\
VEC_BLOCK(NAME, T, I, CMP, ISNAN)					\
UE_HOT static intptr_t argc_##NAME(const char *p, intptr_t n)		\
{									\
	enum { B = ARG_BLOCK_BYTES / sizeof(T), NL = 256 / sizeof(T) };	\
	const T *x = (const T *)p;					\
	T best = x[0];							\
	intptr_t at = 0, i = 0;						\
	if (ISNAN(best))						\
		return 0;						\
	for (;;) {							\
		/* blocks of B, the last one cut to whole lanes */	\
		intptr_t len = n - i < B ? (n - i) / NL * NL : B;	\
		if (len == 0)						\
			break;						\
		int nan;						\
		T m = blk_##NAME(x + i, len, &nan);			\
		for (intptr_t q = i; nan && q < i + len; q++)		\
			if (ISNAN(x[q]))				\
				return q;				\
		if (m CMP best) {					\
			best = m;					\
			at = i;						\
		}							\
		i += len;						\
	}								\
	for (; i < n; i++) {						\
		T v = x[i];						\
		if (ISNAN(v))						\
			return i;					\
		if (v CMP best) {					\
			best = v;					\
			at = i;						\
		}							\
	}								\
	/* the first occurrence: 64 elements tested at a time, then one by one */ \
	for (; n - at >= 64; at += 64) {				\
		I f = 0;						\
		for (int k = 0; k < 64; k++)				\
			f |= (I)(x[at + k] == best);			\
		if (f)							\
			break;						\
	}								\
	while (!(x[at] == best))					\
		at++;							\
	return at;							\
}

#define ARG_STRIDED(NAME, T, CMP, ISNAN)					\
static intptr_t args_##NAME(const char *p, intptr_t n, intptr_t s)	\
{									\
	T best = *(const T *)p;						\
	intptr_t at = 0;						\
	if (ISNAN(best))						\
		return 0;						\
	for (intptr_t i = 1; i < n; i++) {				\
		T v = *(const T *)(p + i * s);				\
		if (ISNAN(v))						\
			return i;					\
		if (v CMP best) {					\
			best = v;					\
			at = i;						\
		}							\
	}								\
	return at;							\
}									\
static void argrows_##NAME(const char *p, intptr_t n, intptr_t s, intptr_t m, intptr_t is, char *o, intptr_t os) \
{									\
	T val[ARG_ROWS];						\
	intptr_t idx[ARG_ROWS];						\
	for (intptr_t i = 0; i < m; i++) {				\
		val[i] = *(const T *)(p + i * is);			\
		idx[i] = 0;						\
	}								\
	for (intptr_t j = 1; j < n; j++) {				\
		const char *row = p + j * s;				\
		if (is == sizeof(T)) {					\
			const T *x = (const T *)row;			\
			for (intptr_t i = 0; i < m; i++) {		\
				T v = x[i];				\
				int u = (ISNAN(val[i]) == 0) & ((v CMP val[i]) | ISNAN(v)); \
				val[i] = u ? v : val[i];		\
				idx[i] = u ? j : idx[i];		\
			}						\
		} else {						\
			for (intptr_t i = 0; i < m; i++) {		\
				T v = *(const T *)(row + i * is);	\
				int u = (ISNAN(val[i]) == 0) & ((v CMP val[i]) | ISNAN(v)); \
				val[i] = u ? v : val[i];		\
				idx[i] = u ? j : idx[i];		\
			}						\
		}							\
	}								\
	for (intptr_t i = 0; i < m; i++)				\
		*(intptr_t *)(o + i * os) = idx[i];			\
}

#define ARG_TYPE(L, T, I, ISNAN)					\
	ARG_CONTIG(min_##L, T, I, <, ISNAN) ARG_STRIDED(min_##L, T, <, ISNAN) \
	ARG_CONTIG(max_##L, T, I, >, ISNAN) ARG_STRIDED(max_##L, T, >, ISNAN)

/*
 * bool: the first False (argmin) or True (argmax), or 0 when there is
 * none; numpy's argmax of bool stops at the first True too.
 */
#define BOOL_FIND(NAME, PRED)						\
UE_HOT static intptr_t argc_##NAME(const char *p, intptr_t n)		\
{									\
	const uint8_t *x = (const uint8_t *)p;				\
	for (intptr_t i = 0; i < n; i += 1024) {			\
		intptr_t m = n - i < 1024 ? n - i : 1024;		\
		uint8_t f = 0;						\
		for (intptr_t k = 0; k < m; k++)			\
			f |= (uint8_t)PRED(x[i + k]);			\
		if (f)							\
			for (intptr_t k = 0;; k++)			\
				if (PRED(x[i + k]))			\
					return i + k;			\
	}								\
	return 0;							\
}
#define IS_TRUE(x) ((x) != 0)
BOOL_FIND(max_o, IS_TRUE)

/* the first False: the C library's memchr is the fastest search for a 0 byte */
static intptr_t argc_min_o(const char *p, intptr_t n)
{
	const char *z = memchr(p, 0, (size_t)n);
	return z ? z - p : 0;
}
ARG_STRIDED(min_o, ue_bool, <, IS_NAN_I)
ARG_STRIDED(max_o, ue_bool, >, IS_NAN_I)

ARG_TYPE(b, int8_t, int8_t, IS_NAN_I)
ARG_TYPE(B, uint8_t, int8_t, IS_NAN_I)
ARG_TYPE(h, int16_t, int16_t, IS_NAN_I)
ARG_TYPE(H, uint16_t, int16_t, IS_NAN_I)
ARG_TYPE(i, int32_t, int32_t, IS_NAN_I)
ARG_TYPE(I, uint32_t, int32_t, IS_NAN_I)
ARG_TYPE(q, int64_t, int64_t, IS_NAN_I)
ARG_TYPE(Q, uint64_t, int64_t, IS_NAN_I)
ARG_TYPE(f, float, int32_t, IS_NAN_F)
ARG_TYPE(d, double, int64_t, IS_NAN_F)

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(UE_NO_CLONES)
#include <immintrin.h>

/*
 * float32 with AVX-512, one pass (numpy's way): each of 16 lanes keeps its
 * extreme and that element's index, replaced only by a strictly better
 * value (so each lane holds its first occurrence); a NaN anywhere sends
 * the caller to the two-pass loop above, which returns the first NaN. The
 * lanes are then folded: the extreme, and the smallest index holding it.
 * A row of 2048 floats: 164 -> 110 µs for 1024 rows (numpy 106).
 */
/* a strictly better value (the first occurrence stays), GT on swapped operands for min */
#define BETTER(V, B) (max ? _mm512_cmp_ps_mask((V), (B), _CMP_GT_OQ) : _mm512_cmp_ps_mask((B), (V), _CMP_GT_OQ))

__attribute__((target("avx512f"))) static intptr_t arg1_f512(const float *x, intptr_t n, int max)
{
	/* four independent lane sets (64 elements a step): one would wait on its own blend */
	__m512 b0 = _mm512_loadu_ps(x), b1 = _mm512_loadu_ps(x + 16), b2 = _mm512_loadu_ps(x + 32),
	       b3 = _mm512_loadu_ps(x + 48);
	__m512i i0 = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	__m512i i1 = _mm512_add_epi32(i0, _mm512_set1_epi32(16)), i2 = _mm512_add_epi32(i0, _mm512_set1_epi32(32)),
		i3 = _mm512_add_epi32(i0, _mm512_set1_epi32(48));
	__m512i a0 = i0, a1 = i1, a2 = i2, a3 = i3;
	const __m512i step = _mm512_set1_epi32(64);
	__mmask16 nan = _mm512_cmp_ps_mask(b0, b0, _CMP_UNORD_Q) | _mm512_cmp_ps_mask(b1, b1, _CMP_UNORD_Q) |
			_mm512_cmp_ps_mask(b2, b2, _CMP_UNORD_Q) | _mm512_cmp_ps_mask(b3, b3, _CMP_UNORD_Q);
	intptr_t i;

	for (i = 64; i + 64 <= n; i += 64) {
		__m512 v0 = _mm512_loadu_ps(x + i), v1 = _mm512_loadu_ps(x + i + 16), v2 = _mm512_loadu_ps(x + i + 32),
		       v3 = _mm512_loadu_ps(x + i + 48);
		__mmask16 m0 = BETTER(v0, b0), m1 = BETTER(v1, b1), m2 = BETTER(v2, b2), m3 = BETTER(v3, b3);

		i0 = _mm512_add_epi32(i0, step);
		i1 = _mm512_add_epi32(i1, step);
		i2 = _mm512_add_epi32(i2, step);
		i3 = _mm512_add_epi32(i3, step);
		nan |= _mm512_cmp_ps_mask(v0, v1, _CMP_UNORD_Q) | _mm512_cmp_ps_mask(v2, v3, _CMP_UNORD_Q);
		b0 = _mm512_mask_mov_ps(b0, m0, v0);
		b1 = _mm512_mask_mov_ps(b1, m1, v1);
		b2 = _mm512_mask_mov_ps(b2, m2, v2);
		b3 = _mm512_mask_mov_ps(b3, m3, v3);
		a0 = _mm512_mask_mov_epi32(a0, m0, i0);
		a1 = _mm512_mask_mov_epi32(a1, m1, i1);
		a2 = _mm512_mask_mov_epi32(a2, m2, i2);
		a3 = _mm512_mask_mov_epi32(a3, m3, i3);
	}
	if (nan)
		return -1;
	/* the four sets' extreme, then the smallest index of any lane holding it */
	__m512 e = max ? _mm512_max_ps(_mm512_max_ps(b0, b1), _mm512_max_ps(b2, b3))
		       : _mm512_min_ps(_mm512_min_ps(b0, b1), _mm512_min_ps(b2, b3));
	float m = max ? _mm512_reduce_max_ps(e) : _mm512_reduce_min_ps(e);
	const __m512 mv = _mm512_set1_ps(m);
	const __m512i big = _mm512_set1_epi32(INT32_MAX);
	__m512i c = _mm512_mask_mov_epi32(big, _mm512_cmp_ps_mask(b0, mv, _CMP_EQ_OQ), a0);
	c = _mm512_min_epi32(c, _mm512_mask_mov_epi32(big, _mm512_cmp_ps_mask(b1, mv, _CMP_EQ_OQ), a1));
	c = _mm512_min_epi32(c, _mm512_mask_mov_epi32(big, _mm512_cmp_ps_mask(b2, mv, _CMP_EQ_OQ), a2));
	c = _mm512_min_epi32(c, _mm512_mask_mov_epi32(big, _mm512_cmp_ps_mask(b3, mv, _CMP_EQ_OQ), a3));
	intptr_t first = _mm512_reduce_min_epi32(c);
	for (; i < n; i++) {
		float v = x[i];
		if (v != v)
			return -1;
		if (max ? v > m : v < m) {
			m = v;
			first = i;
		}
	}
	return first;
}
#undef BETTER

static int have_avx512(void)
{
	static int have = -1;
	int h = __atomic_load_n(&have, __ATOMIC_RELAXED);

	if (h < 0) {
		__builtin_cpu_init();
		h = !!__builtin_cpu_supports("avx512f");
		__atomic_store_n(&have, h, __ATOMIC_RELAXED);
	}
	return h;
}

#define ARG1_F(NAME, MAX) \
static intptr_t argc_##NAME##_f1(const char *p, intptr_t n) \
{ \
	if (n >= 64 && n < INT32_MAX && have_avx512()) { \
		intptr_t r = arg1_f512((const float *)p, n, MAX); \
		if (r >= 0) \
			return r; \
	} \
	return argc_##NAME##_f(p, n); \
}
ARG1_F(min, 0)
ARG1_F(max, 1)
#else
#define argc_min_f1 argc_min_f
#define argc_max_f1 argc_max_f
#endif

typedef intptr_t (*argc_fn)(const char *x, intptr_t n);
typedef intptr_t (*args_fn)(const char *p, intptr_t n, intptr_t s);
typedef void (*argrows_fn)(const char *p, intptr_t n, intptr_t s, intptr_t m, intptr_t is, char *o, intptr_t os);

/* the table: [dtype][0 argmin, 1 argmax] */
#define ARG_ENTRY(L) { { argc_min_##L, args_min_##L, argrows_min_##L }, \
		       { argc_max_##L, args_max_##L, argrows_max_##L } }
static const struct {
	argc_fn contig;
	args_fn strided;
	argrows_fn rows;
} ARGS[UE_NTYPES][2] = {
	ARG_ENTRY(o), ARG_ENTRY(b), ARG_ENTRY(B), ARG_ENTRY(h), ARG_ENTRY(H), ARG_ENTRY(i),
	ARG_ENTRY(I), ARG_ENTRY(q), ARG_ENTRY(Q),
	{ { argc_min_f1, args_min_f, argrows_min_f }, { argc_max_f1, args_max_f, argrows_max_f } },
	ARG_ENTRY(d),
};

static intptr_t mag(intptr_t x)
{
	return x < 0 ? -x : x;
}

/*
 * One contiguous run of 1 MiB or more is shared among the worker threads
 * (pool.c) in up to ARG_PIECES pieces. Each piece finds its own first
 * extreme (or first NaN); the pieces' values, gathered in order into a
 * small run, then go through the same search, which picks the first piece
 * holding the overall extreme: numpy's index, whatever the thread count.
 */
#define ARG_PAR_MIN (1 << 20)
#define ARG_PIECES (4 * UE_MAXTHREADS)

struct arg_job {
	argc_fn contig;
	const char *in;
	size_t isz;
	intptr_t n, step;
	intptr_t at[ARG_PIECES];	/* each piece's answer, an index into the whole run */
};

static void arg_piece(void *ctx, intptr_t c, int tid)
{
	struct arg_job *j = ctx;
	intptr_t len, lo = ue_piece(c, j->step, j->n, &len);

	(void)tid;
	j->at[c] = lo + j->contig(j->in + lo * (intptr_t)j->isz, len);
}

#define ARG_BOOL_PROBE 65536	/* bools: the first bytes searched alone */

/*
 * The answer for a contiguous run of @n, shared when it is large enough. A
 * bool search stops at its first hit, often near the start: the start is
 * searched on this thread before any worker is woken.
 */
static intptr_t arg_run(argc_fn contig, int dtype, int which, const char *in, intptr_t n, size_t isz)
{
	struct arg_job j = { .contig = contig, .in = in, .isz = isz, .n = n };
	uint64_t vals[ARG_PIECES];
	int threads = ue_threads();
	intptr_t pieces;

	if (threads < 2 || (double)n * (double)isz < ARG_PAR_MIN)
		return contig(in, n);
	if (dtype == UE_BOOL) {
		intptr_t r = contig(in, ARG_BOOL_PROBE);

		if ((in[r] != 0) == which)
			return r;
	}
	pieces = ue_pieces(n, ARG_PIECES, &j.step);
	ue_parallel(pieces, threads, arg_piece, &j);
	for (intptr_t c = 0; c < pieces; c++)
		memcpy((char *)vals + c * (intptr_t)isz, in + j.at[c] * (intptr_t)isz, isz);
	return j.at[contig((const char *)vals, pieces)];
}

/*
 * A strided run is first copied into a contiguous lane of up to
 * ARG_LANE_BYTES (numpy copies the array into the reduced axis' order
 * first), so the vector search runs on it: argmax of a 1080p frame's green channel along
 * rows, lanes of 1920 bytes 3 apart, 1.85 ms element by element against
 * numpy's 0.83.
 */
#define ARG_LANE_BYTES 16384

struct arg_plan {
	int dtype, which, by_rows;
	size_t isz;
	intptr_t n, s;		/* the reduced axis */
	argc_fn contig;
	args_fn strided;
	argrows_fn rows;
	ue_gather_fn gather;	/* the iterator's gather for this step, or NULL: */
	ue_loop_fn copy;	/* then the dtype's copy loop */
};

/* @n (at least 16, at most a lane) strided elements from @p copied into @lane: their answer. */
static intptr_t arg_lane(const struct arg_plan *a, const char *p, intptr_t n, uint64_t *lane)
{
	if (a->gather) {
		a->gather((char *)lane, p, n);
	} else {
		char *args[2] = { (char *)p, (char *)lane };
		intptr_t steps[2] = { a->s, (intptr_t)a->isz };

		a->copy(args, &n, steps, NULL);
	}
	return a->contig((const char *)lane, n);
}

/*
 * A strided run longer than a lane (argmax of a whole channel): lane by
 * lane, each lane's answer weighed against the best so far by the plain
 * loop over the pair, which keeps the earlier one unless the later is
 * better (or the first NaN): numpy's first extreme of the whole run.
 */
static intptr_t arg_lanes(const struct arg_plan *a, const char *p, uint64_t *lane)
{
	const intptr_t per = ARG_LANE_BYTES / (intptr_t)a->isz;
	uint64_t pair[4];
	intptr_t best = -1;

	for (intptr_t b = 0; b < a->n; b += per) {
		intptr_t len = a->n - b < per ? a->n - b : per;
		const char *q = p + b * a->s;
		intptr_t r = len < 16 ? a->strided(q, len, a->s) : arg_lane(a, q, len, lane);
		const char *v = q + r * a->s;

		if (best >= 0) {
			memcpy(pair, p + best * a->s, a->isz);
			memcpy((char *)pair + a->isz, v, a->isz);
			if (a->strided((const char *)pair, 2, (intptr_t)a->isz) == 0)
				continue;
		}
		best = b + r;
	}
	return best;
}

/* The answer of one run along the reduced axis. */
static intptr_t arg_one(const struct arg_plan *a, const char *p)
{
	uint64_t lane[ARG_LANE_BYTES / 8];

	if (a->n < 16)
		return a->strided(p, a->n, a->s);	/* short runs: the plain loop */
	if (a->s == (intptr_t)a->isz)
		return arg_run(a->contig, a->dtype, a->which, p, a->n, a->isz);
	if (a->n * (intptr_t)a->isz > ARG_LANE_BYTES)
		return arg_lanes(a, p, lane);
	return arg_lane(a, p, a->n, lane);
}

/* Every output of @dims (innermost first), from @p into @o. */
static void arg_walk(const struct arg_plan *a, int ndim, const struct ue_rdim *dims, const char *p, char *o)
{
	intptr_t idx[UE_MAXDIMS] = { 0 };
	int first = a->by_rows ? 1 : 0;

	for (;;) {
		if (a->by_rows) {
			const struct ue_rdim *d = &dims[0];

			for (intptr_t k = 0; k < d->n; k += ARG_ROWS) {
				intptr_t m = d->n - k < ARG_ROWS ? d->n - k : ARG_ROWS;

				a->rows(p + k * d->is, a->n, a->s, m, d->is, o + k * d->os, d->os);
			}
		} else {
			*(intptr_t *)o = arg_one(a, p);
		}
		if (!ue_rdim_next(idx, dims, first, ndim, &p, &o))
			break;
	}
}

/*
 * Many outputs over 1 MiB or more of input are shared among the worker
 * threads by ranges of the outermost kept dimension; each output is found
 * exactly as on one thread.
 */
struct arg_outs_job {
	const struct arg_plan *a;
	int ndim;
	const struct ue_rdim *dims;
	const char *in;
	char *out;
	intptr_t step;
};

static void arg_outs_piece(void *ctx, intptr_t c, int tid)
{
	struct arg_outs_job *j = ctx;
	struct ue_rdim dd[UE_MAXDIMS];
	intptr_t in_at, out_at;

	(void)tid;
	ue_rdim_outer_piece(dd, j->dims, j->ndim, c, j->step, &in_at, &out_at);
	arg_walk(j->a, j->ndim, dd, j->in + in_at, j->out + out_at);
}

int ue_argreduce(int which, int dtype, int out_type, intptr_t n, intptr_t s, int ndim,
		 const struct ue_rdim *dims, const char *in, char *out)
{
	struct arg_plan a;
	double bytes;
	int threads = ue_threads();

	if ((which != 0 && which != 1) || dtype < 0 || dtype >= UE_NTYPES || n < 1 || ndim < 0 ||
	    ndim > UE_MAXDIMS || ue_itemsize(out_type) != sizeof(intptr_t))
		return UE_REDUCE_UNSUPPORTED;
	a = (struct arg_plan){
		.dtype = dtype, .which = which, .isz = ue_itemsize(dtype), .n = n, .s = s,
		.contig = ARGS[dtype][which].contig, .strided = ARGS[dtype][which].strided,
		.rows = ARGS[dtype][which].rows,
		/* rows of the reduced axis when it is outside the innermost kept one */
		.by_rows = ndim > 0 && n > 1 && mag(s) > mag(dims[0].is),
		.gather = ue_gather(ue_itemsize(dtype), s), .copy = ue_cast_loop(dtype, dtype),
	};
	bytes = (double)n * (double)a.isz;
	for (int d = 0; d < ndim; d++)
		bytes *= (double)dims[d].n;
	if (threads > 1 && ndim > 0 && dims[ndim - 1].n > 1 && bytes >= ARG_PAR_MIN) {
		struct arg_outs_job j = { .a = &a, .ndim = ndim, .dims = dims, .in = in, .out = out };
		intptr_t pieces = ue_pieces(dims[ndim - 1].n, 4 * threads, &j.step);

		ue_parallel(pieces, threads, arg_outs_piece, &j);
		return 0;
	}
	arg_walk(&a, ndim, dims, in, out);
	return 0;
}
