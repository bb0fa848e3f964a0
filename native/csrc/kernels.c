/* SPDX-License-Identifier: MIT */
/*
 * kernels.c - see kernels.h. Each loop is generated once per dtype from the
 * macros below; ud_binary() and friends pick the loop from tables.
 */
#include <string.h>

#include "kernels.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define UD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define UD_CLONES
#endif

/* ---- element-wise ------------------------------------------------------ */

#define ADD(U, x, y) ((U)(x) + (U)(y))
#define SUB(U, x, y) ((U)(x) - (U)(y))
#define MUL(U, x, y) ((U)(x) * (U)(y))
#define DIV(U, x, y) ((x) / (y))
#define AND(U, x, y) ((U)(x) & (U)(y))
#define OR(U, x, y) ((U)(x) | (U)(y))
#define XOR(U, x, y) ((U)(x) ^ (U)(y))
/* numpy: (a < b || isnan(a)) ? a : b */
#define MIN(U, x, y) (((x) < (y) || (x) != (x)) ? (x) : (y))
#define MAX(U, x, y) (((x) > (y) || (x) != (x)) ? (x) : (y))

typedef void (*ud_loop)(void *, const void *, const void *, size_t);

/* Three loops per op and dtype: array-array, array-scalar, scalar-array. */
#define LOOPS(NAME, T, U, OP)						\
UD_CLONES static void NAME##_vv(void *o_, const void *a_, const void *b_, size_t n) \
{									\
	T *o = o_;						\
	const T *a = a_, *b = b_;			\
	for (size_t i = 0; i < n; i++)					\
		o[i] = (T)OP(U, a[i], b[i]);				\
}									\
UD_CLONES static void NAME##_vs(void *o_, const void *a_, const void *b_, size_t n) \
{									\
	T *o = o_;						\
	const T *a = a_;					\
	const T s = *(const T *)b_;					\
	for (size_t i = 0; i < n; i++)					\
		o[i] = (T)OP(U, a[i], s);				\
}									\
UD_CLONES static void NAME##_sv(void *o_, const void *a_, const void *b_, size_t n) \
{									\
	T *o = o_;						\
	const T s = *(const T *)a_;					\
	const T *b = b_;					\
	for (size_t i = 0; i < n; i++)					\
		o[i] = (T)OP(U, s, b[i]);				\
}

/* Every op for an integer dtype T (U: its unsigned twin). */
#define INT_LOOPS(S, T, U)						\
	LOOPS(add_##S, T, U, ADD) LOOPS(sub_##S, T, U, SUB)		\
	LOOPS(mul_##S, T, U, MUL) LOOPS(and_##S, T, U, AND)		\
	LOOPS(or_##S, T, U, OR) LOOPS(xor_##S, T, U, XOR)		\
	LOOPS(min_##S, T, U, MIN) LOOPS(max_##S, T, U, MAX)

#define FLOAT_LOOPS(S, T)						\
	LOOPS(add_##S, T, T, ADD) LOOPS(sub_##S, T, T, SUB)		\
	LOOPS(mul_##S, T, T, MUL) LOOPS(div_##S, T, T, DIV)		\
	LOOPS(min_##S, T, T, MIN) LOOPS(max_##S, T, T, MAX)

INT_LOOPS(i8, int8_t, uint8_t)
INT_LOOPS(u8, uint8_t, uint8_t)
INT_LOOPS(i16, int16_t, uint16_t)
INT_LOOPS(u16, uint16_t, uint16_t)
INT_LOOPS(i32, int32_t, uint32_t)
INT_LOOPS(u32, uint32_t, uint32_t)
INT_LOOPS(i64, int64_t, uint64_t)
INT_LOOPS(u64, uint64_t, uint64_t)
FLOAT_LOOPS(f32, float)
FLOAT_LOOPS(f64, double)

#define ROW3(NAME) { NAME##_vv, NAME##_vs, NAME##_sv }
#define INT_ROW(S) {							\
	ROW3(add_##S), ROW3(sub_##S), ROW3(mul_##S), { 0, 0, 0 },	\
	ROW3(and_##S), ROW3(or_##S), ROW3(xor_##S),			\
	ROW3(min_##S), ROW3(max_##S) }
#define FLOAT_ROW(S) {							\
	ROW3(add_##S), ROW3(sub_##S), ROW3(mul_##S), ROW3(div_##S),	\
	{ 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 },				\
	ROW3(min_##S), ROW3(max_##S) }

static const ud_loop binary_loops[UD_NTYPES][UD_NOPS][3] = {
	INT_ROW(i8), INT_ROW(u8), INT_ROW(i16), INT_ROW(u16),
	INT_ROW(i32), INT_ROW(u32), INT_ROW(i64), INT_ROW(u64),
	FLOAT_ROW(f32), FLOAT_ROW(f64),
};

static const size_t itemsizes[UD_NTYPES] = { 1, 1, 2, 2, 4, 4, 8, 8, 4, 8 };

size_t ud_itemsize(int type)
{
	return type >= 0 && type < UD_NTYPES ? itemsizes[type] : 0;
}

int ud_binary(int op, int type, void *out, const void *a, size_t a_step,
	      const void *b, size_t b_step, size_t n)
{
	ud_loop loop;
	int form;

	if (type < 0 || type >= UD_NTYPES || op < 0 || op >= UD_NOPS ||
	    a_step > 1 || b_step > 1 || (a_step == 0 && b_step == 0))
		return -1;
	form = a_step == 0 ? 2 : b_step == 0 ? 1 : 0;
	loop = binary_loops[type][op][form];
	if (!loop)
		return -1;
	loop(out, a, b, n);
	return 0;
}

/* ---- true division of integers ------------------------------------------ */

#define DIV_F64(S, T)							\
UD_CLONES static void divf64_##S(double *o, const T *a, size_t as, \
			   const T *b, size_t bs, size_t n)	\
{									\
	for (size_t i = 0; i < n; i++)					\
		o[i] = (double)a[i * as] / (double)b[i * bs];		\
}

DIV_F64(i8, int8_t) DIV_F64(u8, uint8_t) DIV_F64(i16, int16_t)
DIV_F64(u16, uint16_t) DIV_F64(i32, int32_t) DIV_F64(u32, uint32_t)
DIV_F64(i64, int64_t) DIV_F64(u64, uint64_t)

int ud_divide_to_f64(int type, double *out, const void *a, size_t a_step,
		     const void *b, size_t b_step, size_t n)
{
	switch (type) {
	case UD_INT8: divf64_i8(out, a, a_step, b, b_step, n); return 0;
	case UD_UINT8: divf64_u8(out, a, a_step, b, b_step, n); return 0;
	case UD_INT16: divf64_i16(out, a, a_step, b, b_step, n); return 0;
	case UD_UINT16: divf64_u16(out, a, a_step, b, b_step, n); return 0;
	case UD_INT32: divf64_i32(out, a, a_step, b, b_step, n); return 0;
	case UD_UINT32: divf64_u32(out, a, a_step, b, b_step, n); return 0;
	case UD_INT64: divf64_i64(out, a, a_step, b, b_step, n); return 0;
	case UD_UINT64: divf64_u64(out, a, a_step, b, b_step, n); return 0;
	default: return -1;
	}
}

/* ---- fill --------------------------------------------------------------- */

#define FILL(S, T)							\
UD_CLONES static void fill_##S(T *o, T v, size_t n)		\
{									\
	for (size_t i = 0; i < n; i++)					\
		o[i] = v;						\
}

FILL(16, uint16_t) FILL(32, uint32_t) FILL(64, uint64_t)

int ud_fill(int type, void *out, const void *value, size_t n)
{
	switch (ud_itemsize(type)) {
	case 1: memset(out, *(const uint8_t *)value, n); return 0;
	case 2: fill_16(out, *(const uint16_t *)value, n); return 0;
	case 4: fill_32(out, *(const uint32_t *)value, n); return 0;
	case 8: fill_64(out, *(const uint64_t *)value, n); return 0;
	default: return -1;
	}
}

/* ---- reductions --------------------------------------------------------- */

#define SUM_INT(S, T, ACC)						\
UD_CLONES static ACC sum_##S(const T *a, size_t n)		\
{									\
	ACC s = 0;							\
	for (size_t i = 0; i < n; i++)					\
		s += (ACC)a[i];						\
	return s;							\
}

SUM_INT(i8, int8_t, uint64_t) SUM_INT(u8, uint8_t, uint64_t)
SUM_INT(i16, int16_t, uint64_t) SUM_INT(u16, uint16_t, uint64_t)
SUM_INT(i32, int32_t, uint64_t) SUM_INT(u32, uint32_t, uint64_t)
SUM_INT(i64, int64_t, uint64_t) SUM_INT(u64, uint64_t, uint64_t)

/*
 * numpy's pairwise summation (numpy/core/src/umath/loops_utils.h): blocks
 * of up to 128 elements summed in eight interleaved lanes, halves
 * recursively above that. Same order of additions, so the same rounding.
 */
#define PAIRWISE(S, T)							\
static T pairwise_##S(const T *a, size_t n)				\
{									\
	T r[8], res;							\
	size_t i;							\
									\
	if (n < 8) {							\
		res = 0;						\
		for (i = 0; i < n; i++)					\
			res += a[i];					\
		return res;						\
	}								\
	if (n <= 128) {							\
		for (i = 0; i < 8; i++)					\
			r[i] = a[i];					\
		for (i = 8; i < n - (n % 8); i += 8)			\
			for (size_t j = 0; j < 8; j++)			\
				r[j] += a[i + j];			\
		res = ((r[0] + r[1]) + (r[2] + r[3])) +			\
		      ((r[4] + r[5]) + (r[6] + r[7]));			\
		for (; i < n; i++)					\
			res += a[i];					\
		return res;						\
	}								\
	size_t n2 = n / 2;						\
	n2 -= n2 % 8;							\
	return pairwise_##S(a, n2) + pairwise_##S(a + n2, n - n2);	\
}

PAIRWISE(f32, float)
PAIRWISE(f64, double)

int ud_sum(int type, const void *a, size_t n, void *result)
{
	uint64_t s;

	switch (type) {
	case UD_INT8: s = sum_i8(a, n); break;
	case UD_UINT8: s = sum_u8(a, n); break;
	case UD_INT16: s = sum_i16(a, n); break;
	case UD_UINT16: s = sum_u16(a, n); break;
	case UD_INT32: s = sum_i32(a, n); break;
	case UD_UINT32: s = sum_u32(a, n); break;
	case UD_INT64: s = sum_i64(a, n); break;
	case UD_UINT64: s = sum_u64(a, n); break;
	/* numpy's reduce starts from the first element, then adds the rest */
	case UD_FLOAT32:
		*(float *)result = n ? ((const float *)a)[0] + pairwise_f32((const float *)a + 1, n - 1) : 0.0f;
		return 0;
	case UD_FLOAT64:
		*(double *)result = n ? ((const double *)a)[0] + pairwise_f64((const double *)a + 1, n - 1) : 0.0;
		return 0;
	default:
		return -1;
	}
	memcpy(result, &s, sizeof(s));
	return 0;
}

/*
 * numpy's reduce: m = (m <= x || isnan(m)) ? m : x (max: >=). NaN is
 * tracked apart, and the minimum is kept in 16 independent lanes folded at
 * the end, so that the loop is branch-free and vectorises without
 * reassociating anything (floats included).
 */
#define LANES 16
#define REDUCE(NAME, S, T, BETTER)					\
UD_CLONES static T NAME##_reduce_##S(const T *a, size_t n, int *nan)	\
{									\
	T r[LANES], m;							\
	int seen = 0;							\
	size_t i, j;							\
									\
	if (n < 2 * LANES) {						\
		m = a[0];						\
		for (i = 1; i < n; i++) {				\
			seen |= a[i] != a[i];				\
			m = a[i] BETTER m ? a[i] : m;			\
		}							\
		*nan = seen || m != m;					\
		return m;						\
	}								\
	for (j = 0; j < LANES; j++) {					\
		r[j] = a[j];						\
		seen |= a[j] != a[j];					\
	}								\
	for (i = LANES; i + LANES <= n; i += LANES)			\
		for (j = 0; j < LANES; j++) {				\
			T x = a[i + j];					\
			seen |= x != x;					\
			r[j] = x BETTER r[j] ? x : r[j];		\
		}							\
	m = r[0];							\
	for (j = 1; j < LANES; j++)					\
		m = r[j] BETTER m ? r[j] : m;				\
	for (; i < n; i++) {						\
		seen |= a[i] != a[i];					\
		m = a[i] BETTER m ? a[i] : m;				\
	}								\
	*nan = seen;							\
	return m;							\
}

#define EXTREME(S, T)							\
REDUCE(min, S, T, <)							\
REDUCE(max, S, T, >)							\
static void extreme_##S(const T *a, size_t n, int want_max, T *result) \
{									\
	int nan;							\
	T m = want_max ? max_reduce_##S(a, n, &nan) : min_reduce_##S(a, n, &nan); \
	if (nan) {	/* the first NaN, as numpy's sequential reduce */	\
		for (size_t i = 0; i < n; i++)				\
			if (a[i] != a[i]) {				\
				m = a[i];				\
				break;					\
			}						\
	}								\
	*result = m;							\
}

EXTREME(i8, int8_t) EXTREME(u8, uint8_t) EXTREME(i16, int16_t)
EXTREME(u16, uint16_t) EXTREME(i32, int32_t) EXTREME(u32, uint32_t)
EXTREME(i64, int64_t) EXTREME(u64, uint64_t) EXTREME(f32, float)
EXTREME(f64, double)

int ud_extreme(int type, const void *a, size_t n, int want_max, void *result)
{
	if (n == 0)
		return -1;
	switch (type) {
	case UD_INT8: extreme_i8(a, n, want_max, result); return 0;
	case UD_UINT8: extreme_u8(a, n, want_max, result); return 0;
	case UD_INT16: extreme_i16(a, n, want_max, result); return 0;
	case UD_UINT16: extreme_u16(a, n, want_max, result); return 0;
	case UD_INT32: extreme_i32(a, n, want_max, result); return 0;
	case UD_UINT32: extreme_u32(a, n, want_max, result); return 0;
	case UD_INT64: extreme_i64(a, n, want_max, result); return 0;
	case UD_UINT64: extreme_u64(a, n, want_max, result); return 0;
	case UD_FLOAT32: extreme_f32(a, n, want_max, result); return 0;
	case UD_FLOAT64: extreme_f64(a, n, want_max, result); return 0;
	default: return -1;
	}
}

#define EQUAL_F(S, T)							\
static int equal_##S(const T *a, const T *b, size_t n)			\
{									\
	int same = 1;							\
	for (size_t i = 0; i < n; i++)					\
		same &= a[i] == b[i];					\
	return same;							\
}

EQUAL_F(f32, float)
EQUAL_F(f64, double)

int ud_equal(int type, const void *a, const void *b, size_t n)
{
	switch (type) {
	case UD_FLOAT32: return equal_f32(a, b, n);
	case UD_FLOAT64: return equal_f64(a, b, n);
	default:
		if (!ud_itemsize(type))
			return -1;
		return memcmp(a, b, n * ud_itemsize(type)) == 0;
	}
}
