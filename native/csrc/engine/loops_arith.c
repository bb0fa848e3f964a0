/* SPDX-License-Identifier: MIT */
/*
 * loops_arith.c - inner loops of the arithmetic, comparison, bitwise and
 * logical ufuncs, of minimum/maximum/fmin/fmax, of the 3-argument where,
 * and of the casts (ufunc "_cast", signature "x->y").
 *
 * Each loop has numpy's shape (engine.h) and three paths the compiler
 * vectorises: all contiguous, one scalar input (step 0) with the rest
 * contiguous, and strided. Integer arithmetic wraps through unsigned types
 * (no undefined behaviour); integer division is not here (floor_divide
 * belongs to loops_math.c); shifts by the width or more give numpy's
 * npy_lshift/npy_rshift results.
 */
#include <string.h>

#include "types.h"

/* Binary loop: inputs of type T, output of type R, result EXPR of u, v. */
#define BINARY_LOOP_(ATTR, NAME, T, R, EXPR) \
	ATTR static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		char *a = args[0], *b = args[1], *o = args[2]; \
		intptr_t sa = steps[0], sb = steps[1], so = steps[2]; \
		(void)data; \
		if (so == (intptr_t)sizeof(R)) { \
			R *__restrict z = (R *)o; \
			if (sa == (intptr_t)sizeof(T) && sb == (intptr_t)sizeof(T)) { \
				const T *__restrict x = (const T *)a; \
				const T *__restrict y = (const T *)b; \
				for (i = 0; i < n; i++) { \
					T u = x[i], v = y[i]; \
					z[i] = (EXPR); \
				} \
				return; \
			} \
			if (sa == 0 && sb == (intptr_t)sizeof(T)) { \
				const T u = *(const T *)a; \
				const T *__restrict y = (const T *)b; \
				for (i = 0; i < n; i++) { \
					T v = y[i]; \
					z[i] = (EXPR); \
				} \
				return; \
			} \
			if (sb == 0 && sa == (intptr_t)sizeof(T)) { \
				const T v = *(const T *)b; \
				const T *__restrict x = (const T *)a; \
				for (i = 0; i < n; i++) { \
					T u = x[i]; \
					z[i] = (EXPR); \
				} \
				return; \
			} \
		} \
		for (i = 0; i < n; i++, a += sa, b += sb, o += so) { \
			T u = *(const T *)a, v = *(const T *)b; \
			*(R *)o = (EXPR); \
		} \
	}

#define UNARY_LOOP(NAME, T, R, EXPR) \
	UE_WARM static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		char *a = args[0], *o = args[1]; \
		intptr_t sa = steps[0], so = steps[1]; \
		(void)data; \
		if (sa == (intptr_t)sizeof(T) && so == (intptr_t)sizeof(R)) { \
			const T *__restrict x = (const T *)a; \
			R *__restrict z = (R *)o; \
			for (i = 0; i < n; i++) { \
				T u = x[i]; \
				z[i] = (EXPR); \
			} \
			return; \
		} \
		for (i = 0; i < n; i++, a += sa, o += so) { \
			T u = *(const T *)a; \
			*(R *)o = (EXPR); \
		} \
	}

/* where(c, x, y): bool condition, then two inputs of T, output T */
#define WHERE_LOOP(NAME, T) \
	UE_WARM static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		char *c = args[0], *a = args[1], *b = args[2], *o = args[3]; \
		intptr_t sc = steps[0], sa = steps[1], sb = steps[2], so = steps[3]; \
		(void)data; \
		if (sc == 1 && so == (intptr_t)sizeof(T)) { \
			const ue_bool *__restrict m = (const ue_bool *)c; \
			T *__restrict z = (T *)o; \
			if (sa == (intptr_t)sizeof(T) && sb == (intptr_t)sizeof(T)) { \
				const T *__restrict x = (const T *)a, *__restrict y = (const T *)b; \
				for (i = 0; i < n; i++) \
					z[i] = m[i] ? x[i] : y[i]; \
				return; \
			} \
			if (sa == 0 && sb == 0) { \
				const T x = *(const T *)a, y = *(const T *)b; \
				for (i = 0; i < n; i++) \
					z[i] = m[i] ? x : y; \
				return; \
			} \
			/* an array and a scalar (np.where(mask, img, 0)) */ \
			if (sa == (intptr_t)sizeof(T) && sb == 0) { \
				const T *__restrict x = (const T *)a, y = *(const T *)b; \
				for (i = 0; i < n; i++) \
					z[i] = m[i] ? x[i] : y; \
				return; \
			} \
			if (sa == 0 && sb == (intptr_t)sizeof(T)) { \
				const T x = *(const T *)a, *__restrict y = (const T *)b; \
				for (i = 0; i < n; i++) \
					z[i] = m[i] ? x : y[i]; \
				return; \
			} \
		} \
		for (i = 0; i < n; i++, c += sc, a += sa, b += sb, o += so) \
			*(T *)o = *(const ue_bool *)c ? *(const T *)a : *(const T *)b; \
	}

/*
 * Bytes shifted right by one count @c (< 8): x86 has no byte shifts, and
 * the compiler widens each byte to 16 bits and back (uint8 `img >> 4` of a
 * 1080p frame: 440 µs against 190 for `<< 2`). Eight bytes go at a time in
 * a 64-bit word instead, which vectorises to whole-register shifts: shift
 * the word, keep each byte's own bits. Signed bytes are then sign-extended
 * from their new top bit s, as (t ^ s) - s with a bytewise subtraction
 * (no borrow crosses into the next byte). NEON has byte shifts: there the
 * compiler's own loop stays.
 */
#if defined(__x86_64__) || defined(__i386__)
#define SHIFT_BYTES_IN_WORDS 1
#else
#define SHIFT_BYTES_IN_WORDS 0
#endif
UE_WARM static void shift_bytes_right(const uint8_t *__restrict x, uint8_t *__restrict z, intptr_t n, unsigned c,
				      int is_signed)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	const uint64_t keep = (uint64_t)(0xffu >> c) * ones, s = (uint64_t)(0x80u >> c) * ones;
	intptr_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, t;

		memcpy(&w, x + i, 8);
		t = (w >> c) & keep;
		if (is_signed) {
			t ^= s;
			t = ((t | high) - (s & ~high)) ^ ((t ^ ~s) & high);
		}
		memcpy(z + i, &t, 8);
	}
	for (; i < n; i++)
		z[i] = is_signed ? (uint8_t)((int8_t)x[i] >> c) : (uint8_t)(x[i] >> c);
}

/*
 * Shifts: the general loop (NAME_each) checks each count; a scalar count
 * (image code's `>> 8`) is checked once, and the loop left is one the
 * compiler turns into vector shifts (bytes shifted right: shift_bytes_right).
 * OUT is the result of a count outside [0, bits).
 */
#define SHIFT_LOOP(NAME, T, EXPR, SHIFTED, OUT, RIGHT) \
	BINARY_LOOP_(UE_WARM, NAME##_each, T, T, EXPR) \
	UE_WARM static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		if (steps[1] == 0 && steps[0] == (intptr_t)sizeof(T) && steps[2] == (intptr_t)sizeof(T)) { \
			const T v = *(const T *)args[1]; \
			const T *__restrict x = (const T *)args[0]; \
			T *__restrict z = (T *)args[2]; \
			if ((uint64_t)(int64_t)v < BITS(T)) { \
				const unsigned c = (unsigned)v; \
				if ((RIGHT) && sizeof(T) == 1 && SHIFT_BYTES_IN_WORDS) { \
					shift_bytes_right((const uint8_t *)x, (uint8_t *)z, n, c, (T)-1 < (T)1); \
					return; \
				} \
				for (i = 0; i < n; i++) { \
					T u = x[i]; \
					z[i] = (SHIFTED); \
				} \
			} else { \
				for (i = 0; i < n; i++) { \
					T u = x[i]; \
					(void)u; \
					z[i] = (OUT); \
				} \
			} \
			return; \
		} \
		NAME##_each(args, dims, steps, data); \
	}

#define BINARY_LOOP(NAME, T, R, EXPR) BINARY_LOOP_(UE_HOT, NAME, T, R, EXPR)
#define WARM_LOOP(NAME, T, R, EXPR) BINARY_LOOP_(UE_WARM, NAME, T, R, EXPR)
#define COLD_LOOP(NAME, T, R, EXPR) BINARY_LOOP_(UE_COLD, NAME, T, R, EXPR)

/* ---- expressions ---- */

#define WRAP(T, W, op) ((T)((W)u op (W)v))
#define BITS(T) ((unsigned)(sizeof(T) * 8))
/* numpy's npy_lshift/npy_rshift: a count outside [0, bits) shifts everything out */
#define LSHIFT(T, W) ((uint64_t)(int64_t)v < BITS(T) ? (T)((W)u << (unsigned)v) : (T)0)
/* past the width: the sign (-1 or 0) for signed types, 0 for unsigned */
#define RSHIFT(T) ((uint64_t)(int64_t)v < BITS(T) ? (T)(u >> (unsigned)v) : (T)((u >> (BITS(T) - 1)) >> 1))

/* minimum/maximum propagate NaN, fmin/fmax ignore it; of two equal values
 * minimum/maximum give the second and fmin/fmax the first, as numpy */
#define MINIMUM(u, v) (((u) < (v) || (u) != (u)) ? (u) : (v))
#define MAXIMUM(u, v) (((u) > (v) || (u) != (u)) ? (u) : (v))
#define FMIN(u, v) (((u) < (v) || (v) != (v) || (u) == (v)) ? (u) : (v))
#define FMAX(u, v) (((u) > (v) || (v) != (v) || (u) == (v)) ? (u) : (v))

/* ---- the loops, per type ---- */

#define DEF_INT(C, T, ID, S, W) \
	BINARY_LOOP(add_##ID, T, T, WRAP(T, W, +)) \
	BINARY_LOOP(subtract_##ID, T, T, WRAP(T, W, -)) \
	BINARY_LOOP(multiply_##ID, T, T, WRAP(T, W, *)) \
	BINARY_LOOP(minimum_##ID, T, T, (u < v ? u : v)) \
	BINARY_LOOP(maximum_##ID, T, T, (u > v ? u : v)) \
	WARM_LOOP(bitwise_and_##ID, T, T, (T)(u & v)) \
	WARM_LOOP(bitwise_or_##ID, T, T, (T)(u | v)) \
	WARM_LOOP(bitwise_xor_##ID, T, T, (T)(u ^ v)) \
	SHIFT_LOOP(left_shift_##ID, T, LSHIFT(T, W), (T)((W)u << c), (T)0, 0) \
	SHIFT_LOOP(right_shift_##ID, T, RSHIFT(T), (T)(u >> c), (T)((u >> (BITS(T) - 1)) >> 1), 1) \
	UNARY_LOOP(invert_##ID, T, T, (T)~u)

#define DEF_FLOAT(C, T, ID, S, W) \
	BINARY_LOOP(add_##ID, T, T, u + v) \
	BINARY_LOOP(subtract_##ID, T, T, u - v) \
	BINARY_LOOP(multiply_##ID, T, T, u * v) \
	BINARY_LOOP(true_divide_##ID, T, T, u / v) \
	BINARY_LOOP(minimum_##ID, T, T, MINIMUM(u, v)) \
	BINARY_LOOP(maximum_##ID, T, T, MAXIMUM(u, v))

#define DEF_NUM(C, T, ID, S, W) \
	WARM_LOOP(fmin_##ID, T, T, FMIN(u, v)) \
	WARM_LOOP(fmax_##ID, T, T, FMAX(u, v))

#define DEF_LOGIC(C, T, ID, S, W) \
	WARM_LOOP(logical_and_##ID, T, ue_bool, (u != 0) & (v != 0)) \
	WARM_LOOP(logical_or_##ID, T, ue_bool, (u != 0) | (v != 0)) \
	WARM_LOOP(logical_xor_##ID, T, ue_bool, (u != 0) != (v != 0)) \
	UNARY_LOOP(logical_not_##ID, T, ue_bool, u == 0) \
	WHERE_LOOP(where_##ID, T)

/* comparisons of the values X and Y of elements u and v */
#define DEF_CMP(ID, T, X, Y) \
	WARM_LOOP(equal_##ID, T, ue_bool, X == Y) \
	WARM_LOOP(not_equal_##ID, T, ue_bool, X != Y) \
	WARM_LOOP(less_##ID, T, ue_bool, X < Y) \
	WARM_LOOP(less_equal_##ID, T, ue_bool, X <= Y) \
	WARM_LOOP(greater_##ID, T, ue_bool, X > Y) \
	WARM_LOOP(greater_equal_##ID, T, ue_bool, X >= Y)
#define DEF_CMP_NUM(C, T, ID, S, W) DEF_CMP(ID, T, u, v)

UE_INT_TYPES(DEF_INT)
UE_FLOAT_TYPES(DEF_FLOAT)
UE_NUM_TYPES(DEF_NUM)
UE_ALL_TYPES(DEF_LOGIC)
UE_NUM_TYPES(DEF_CMP_NUM)
/* a bool is 1 for any nonzero byte, as numpy's BOOL loops read it (a view of other bytes as bool) */
DEF_CMP(o, ue_bool, (u != 0), (v != 0))

/* bool: add is or, multiply is and, minimum and, maximum or */
BINARY_LOOP(add_o, ue_bool, ue_bool, (ue_bool)((u | v) != 0))
BINARY_LOOP(multiply_o, ue_bool, ue_bool, (ue_bool)((u != 0) & (v != 0)))
BINARY_LOOP(minimum_o, ue_bool, ue_bool, (ue_bool)((u != 0) & (v != 0)))
BINARY_LOOP(maximum_o, ue_bool, ue_bool, (ue_bool)((u | v) != 0))
WARM_LOOP(fmin_o, ue_bool, ue_bool, (ue_bool)((u != 0) & (v != 0)))
WARM_LOOP(fmax_o, ue_bool, ue_bool, (ue_bool)((u | v) != 0))
WARM_LOOP(bitwise_and_o, ue_bool, ue_bool, (ue_bool)((u != 0) & (v != 0)))
WARM_LOOP(bitwise_or_o, ue_bool, ue_bool, (ue_bool)((u | v) != 0))
WARM_LOOP(bitwise_xor_o, ue_bool, ue_bool, (ue_bool)((u != 0) != (v != 0)))
UNARY_LOOP(invert_o, ue_bool, ue_bool, (ue_bool)(u == 0))

/* comparisons of int64 with uint64, exact (numpy's qQ->? and Qq->? loops) */
#define MIXED_LOOP(NAME, EXPR) \
	static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		char *a = args[0], *b = args[1], *o = args[2]; \
		(void)data; \
		for (i = 0; i < n; i++, a += steps[0], b += steps[1], o += steps[2]) { \
			int64_t s; \
			uint64_t u; \
			memcpy(&s, a, 8); \
			memcpy(&u, b, 8); \
			*(ue_bool *)o = (EXPR); \
		} \
	}
/* first operand int64 (s), second uint64 (u) */
MIXED_LOOP(equal_qQ, s >= 0 && (uint64_t)s == u)
MIXED_LOOP(not_equal_qQ, !(s >= 0 && (uint64_t)s == u))
MIXED_LOOP(less_qQ, s < 0 || (uint64_t)s < u)
MIXED_LOOP(less_equal_qQ, s < 0 || (uint64_t)s <= u)
MIXED_LOOP(greater_qQ, s >= 0 && (uint64_t)s > u)
MIXED_LOOP(greater_equal_qQ, s >= 0 && (uint64_t)s >= u)
/* first operand uint64: the same loops with the operands swapped */
#define SWAPPED(NAME, BASE) \
	static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		char *sw[3] = { args[1], args[0], args[2] }; \
		intptr_t st[3] = { steps[1], steps[0], steps[2] }; \
		BASE(sw, dims, st, data); \
	}
SWAPPED(equal_Qq, equal_qQ)
SWAPPED(not_equal_Qq, not_equal_qQ)
SWAPPED(less_Qq, greater_qQ)
SWAPPED(less_equal_Qq, greater_equal_qQ)
SWAPPED(greater_Qq, less_qQ)
SWAPPED(greater_equal_Qq, less_equal_qQ)

/* ---- the table ---- */

#define E2(NAME, ID, S) { #NAME, S S "->" S, NAME##_##ID, NULL },
#define E2B(NAME, ID, S) { #NAME, S S "->?", NAME##_##ID, NULL },
#define E1(NAME, ID, S) { #NAME, S "->" S, NAME##_##ID, NULL },

#define T_ARITH(C, T, ID, S, W) E2(add, ID, S)
#define T_SUB(C, T, ID, S, W) E2(subtract, ID, S)
#define T_MUL(C, T, ID, S, W) E2(multiply, ID, S)
#define T_DIV(C, T, ID, S, W) E2(true_divide, ID, S) { "divide", S S "->" S, true_divide_##ID, NULL },
#define T_MIN(C, T, ID, S, W) E2(minimum, ID, S)
#define T_MAX(C, T, ID, S, W) E2(maximum, ID, S)
#define T_FMIN(C, T, ID, S, W) E2(fmin, ID, S)
#define T_FMAX(C, T, ID, S, W) E2(fmax, ID, S)
#define T_AND(C, T, ID, S, W) E2(bitwise_and, ID, S)
#define T_OR(C, T, ID, S, W) E2(bitwise_or, ID, S)
#define T_XOR(C, T, ID, S, W) E2(bitwise_xor, ID, S)
#define T_INV(C, T, ID, S, W) E1(invert, ID, S)
#define T_LSH(C, T, ID, S, W) E2(left_shift, ID, S)
#define T_RSH(C, T, ID, S, W) E2(right_shift, ID, S)
#define T_CMP(NAME) \
	UE_ALL_TYPES(T_CMP_##NAME)
#define T_EQ(C, T, ID, S, W) E2B(equal, ID, S)
#define T_NE(C, T, ID, S, W) E2B(not_equal, ID, S)
#define T_LT(C, T, ID, S, W) E2B(less, ID, S)
#define T_LE(C, T, ID, S, W) E2B(less_equal, ID, S)
#define T_GT(C, T, ID, S, W) E2B(greater, ID, S)
#define T_GE(C, T, ID, S, W) E2B(greater_equal, ID, S)
#define T_LAND(C, T, ID, S, W) E2B(logical_and, ID, S)
#define T_LOR(C, T, ID, S, W) E2B(logical_or, ID, S)
#define T_LXOR(C, T, ID, S, W) E2B(logical_xor, ID, S)
#define T_LNOT(C, T, ID, S, W) { "logical_not", S "->?", logical_not_##ID, NULL },
#define T_WHERE(C, T, ID, S, W) { "where", "?" S S "->" S, where_##ID, NULL },

#define MIXED(NAME) { #NAME, "qQ->?", NAME##_qQ, NULL }, { #NAME, "Qq->?", NAME##_Qq, NULL },

/*
 * On 32-bit ARM this file is built twice: as is, for Debian's armhf
 * baseline (no NEON), and with -mfpu=neon -DUE_NEON_VARIANT into a second
 * table that registry.c chooses when the CPU has NEON (AT_HWCAP).
 */
#ifdef UE_NEON_VARIANT
#define UE_ARITH_TABLE ue_loops_arith_neon
#else
#define UE_ARITH_TABLE ue_loops_arith
#endif

extern const struct ue_loop UE_ARITH_TABLE[];

const struct ue_loop UE_ARITH_TABLE[] = {
	UE_ALL_TYPES(T_ARITH)
	UE_NUM_TYPES(T_SUB)
	UE_ALL_TYPES(T_MUL)
	UE_FLOAT_TYPES(T_DIV)
	UE_ALL_TYPES(T_MIN)
	UE_ALL_TYPES(T_MAX)
	UE_ALL_TYPES(T_FMIN)
	UE_ALL_TYPES(T_FMAX)
	UE_BOOL_TYPE(T_AND) UE_INT_TYPES(T_AND)
	UE_BOOL_TYPE(T_OR) UE_INT_TYPES(T_OR)
	UE_BOOL_TYPE(T_XOR) UE_INT_TYPES(T_XOR)
	UE_BOOL_TYPE(T_INV) UE_INT_TYPES(T_INV)
	UE_INT_TYPES(T_LSH)
	UE_INT_TYPES(T_RSH)
	UE_BOOL_TYPE(T_EQ) UE_INT_TYPES(T_EQ) MIXED(equal) UE_FLOAT_TYPES(T_EQ)
	UE_BOOL_TYPE(T_NE) UE_INT_TYPES(T_NE) MIXED(not_equal) UE_FLOAT_TYPES(T_NE)
	UE_BOOL_TYPE(T_LT) UE_INT_TYPES(T_LT) MIXED(less) UE_FLOAT_TYPES(T_LT)
	UE_BOOL_TYPE(T_LE) UE_INT_TYPES(T_LE) MIXED(less_equal) UE_FLOAT_TYPES(T_LE)
	UE_BOOL_TYPE(T_GT) UE_INT_TYPES(T_GT) MIXED(greater) UE_FLOAT_TYPES(T_GT)
	UE_BOOL_TYPE(T_GE) UE_INT_TYPES(T_GE) MIXED(greater_equal) UE_FLOAT_TYPES(T_GE)
	UE_ALL_TYPES(T_LAND)
	UE_ALL_TYPES(T_LOR)
	UE_ALL_TYPES(T_LXOR)
	UE_ALL_TYPES(T_LNOT)
	UE_ALL_TYPES(T_WHERE)
	{ NULL, NULL, NULL, NULL },
};
