/* SPDX-License-Identifier: MIT */
/*
 * cast.c - conversion loops between every pair of dtypes, as numpy's
 * unsafe casts give them.
 *
 * Integers wrap to the target's width; anything to bool is "!= 0" (NaN is
 * true); floats to integers truncate toward zero. A float that does not fit
 * the integer (NaN, infinities, out of range) is undefined behaviour in C,
 * so it is converted explicitly here to what numpy gives on each platform:
 * on x86_64 the SSE conversion's "integer indefinite" (INT_MIN) through a
 * 32-bit (for 8/16/32-bit targets) or 64-bit conversion; on ARM the
 * saturating conversions (NaN to 0).
 */
#include <math.h>

#include "types.h"

#if defined(__x86_64__) || defined(__i386__)

static inline int32_t f_to_i32(double x)
{
	return (x > -2147483649.0 && x < 2147483648.0) ? (int32_t)x : INT32_MIN;
}

static inline int64_t f_to_i64(double x)
{
	return (x >= -9223372036854775808.0 && x < 9223372036854775808.0) ? (int64_t)x : INT64_MIN;
}

static inline uint64_t f_to_u64(double x)
{
	if (x >= 9223372036854775808.0)
		return (uint64_t)f_to_i64(x - 9223372036854775808.0) ^ 0x8000000000000000ull;
	return (uint64_t)f_to_i64(x);
}

static inline uint32_t f_to_u32(double x)
{
	if (x >= -9223372036854775808.0 && x < 9223372036854775808.0)
		return (uint32_t)(uint64_t)(int64_t)x;
	return (x != x || x < 0) ? 0x80000000u : 0;
}

/* the same from a float, compared in float lanes: twice as many per vector */
static inline int32_t f32_to_i32(float x)
{
	return (x >= -2147483648.0f && x < 2147483648.0f) ? (int32_t)x : INT32_MIN;
}

#define F_TO_I8(x) ((int8_t)f_to_i32(x))
#define F_TO_U8(x) ((uint8_t)f_to_i32(x))
#define F_TO_I16(x) ((int16_t)f_to_i32(x))
#define F_TO_U16(x) ((uint16_t)f_to_i32(x))

#else /* ARM: saturating conversions, NaN to 0 */

static inline int32_t f_to_i32(double x)
{
	if (x != x)
		return 0;
	return x <= -2147483648.0 ? INT32_MIN : x >= 2147483647.0 ? INT32_MAX : (int32_t)x;
}

static inline int64_t f_to_i64(double x)
{
	if (x != x)
		return 0;
	return x <= -9223372036854775808.0 ? INT64_MIN : x >= 9223372036854775807.0 ? INT64_MAX : (int64_t)x;
}

static inline uint64_t f_to_u64(double x)
{
	if (x != x || x <= 0)
		return 0;
	return x >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)x;
}

static inline uint32_t f_to_u32(double x)
{
	if (x != x || x <= 0)
		return 0;
	return x >= 4294967295.0 ? UINT32_MAX : (uint32_t)x;
}

static inline int32_t f32_to_i32(float x)
{
	if (x != x)
		return 0;
	return x <= -2147483648.0f ? INT32_MIN : x >= 2147483648.0f ? INT32_MAX : (int32_t)x;
}

#define F_TO_I8(x) ((int8_t)f_to_i32(x))
/* narrow types through a signed 32-bit conversion, as GCC compiles the C casts */
#define F_TO_U8(x) ((uint8_t)f_to_i32(x))
#define F_TO_I16(x) ((int16_t)f_to_i32(x))
#define F_TO_U16(x) ((uint16_t)f_to_i32(x))

#endif

/* One element of type F converted to T: CONV_<T>(x) for float sources. */
#define FCONV_int8_t(x) F_TO_I8(x)
#define FCONV_uint8_t(x) F_TO_U8(x)
#define FCONV_int16_t(x) F_TO_I16(x)
#define FCONV_uint16_t(x) F_TO_U16(x)
#define FCONV_int32_t(x) f_to_i32(x)
#define FCONV_uint32_t(x) f_to_u32(x)
#define FCONV_int64_t(x) f_to_i64(x)
#define FCONV_uint64_t(x) f_to_u64(x)
#define FCONV_float(x) ((float)(x))
#define FCONV_double(x) ((double)(x))
#define FCONV_ue_bool(x) ((ue_bool)((x) != 0))

/* From a float32: the 32-bit and narrower targets without a double */
#define F32CONV_int8_t(x) ((int8_t)f32_to_i32(x))
#define F32CONV_uint8_t(x) ((uint8_t)f32_to_i32(x))
#define F32CONV_int16_t(x) ((int16_t)f32_to_i32(x))
#define F32CONV_uint16_t(x) ((uint16_t)f32_to_i32(x))
#define F32CONV_int32_t(x) f32_to_i32(x)

/* From an integer or bool: C's conversions (modulo for integers). */
#define ICONV_int8_t(x) ((int8_t)(x))
#define ICONV_uint8_t(x) ((uint8_t)(x))
#define ICONV_int16_t(x) ((int16_t)(x))
#define ICONV_uint16_t(x) ((uint16_t)(x))
#define ICONV_int32_t(x) ((int32_t)(x))
#define ICONV_uint32_t(x) ((uint32_t)(x))
#define ICONV_int64_t(x) ((int64_t)(x))
#define ICONV_uint64_t(x) ((uint64_t)(x))
#define ICONV_float(x) ((float)(x))
#define ICONV_double(x) ((double)(x))
#define ICONV_ue_bool(x) ((ue_bool)((x) != 0))

#define CAST_LOOP(NAME, F, T, CONV) \
	UE_WARM static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		const char *s = args[0]; \
		char *d = args[1]; \
		intptr_t ss = steps[0], ds = steps[1]; \
		(void)data; \
		if (ss == (intptr_t)sizeof(F) && ds == (intptr_t)sizeof(T)) { \
			const F *sp = (const F *)s; \
			T *dp = (T *)d; \
			for (i = 0; i < n; i++) \
				dp[i] = CONV(sp[i]); \
			return; \
		} \
		if (ss == 0 && ds == (intptr_t)sizeof(T)) { /* a fill */ \
			F v; \
			T r, *dp = (T *)d; \
			memcpy(&v, s, sizeof(F)); \
			r = CONV(v); \
			for (i = 0; i < n; i++) \
				dp[i] = r; \
			return; \
		} \
		for (i = 0; i < n; i++, s += ss, d += ds) { \
			F v; \
			T r; \
			memcpy(&v, s, sizeof(F)); \
			r = CONV(v); \
			memcpy(d, &r, sizeof(T)); \
		} \
	}

/* the same-type "cast" is a copy: memcpy when both sides are contiguous */
#define COPY_LOOP(NAME, T) \
	UE_WARM static void NAME(char **args, const intptr_t *dims, const intptr_t *steps, const void *data) \
	{ \
		intptr_t n = dims[0], i; \
		const char *s = args[0]; \
		char *d = args[1]; \
		intptr_t ss = steps[0], ds = steps[1]; \
		(void)data; \
		if (ss == (intptr_t)sizeof(T) && ds == (intptr_t)sizeof(T)) { \
			memmove(d, s, (size_t)n * sizeof(T)); \
			return; \
		} \
		if (ss == 0) { \
			T v; \
			memcpy(&v, s, sizeof(T)); \
			if (ds == (intptr_t)sizeof(T)) { \
				T *dp = (T *)d; \
				for (i = 0; i < n; i++) \
					dp[i] = v; \
				return; \
			} \
			for (i = 0; i < n; i++, d += ds) \
				memcpy(d, &v, sizeof(T)); \
			return; \
		} \
		for (i = 0; i < n; i++, s += ss, d += ds) \
			memcpy(d, s, sizeof(T)); \
	}

#define DEF_SRC_INT(CF, F, CHF, SF, WF) \
	CAST_LOOP(cast_##CHF##_o, F, ue_bool, ICONV_ue_bool) \
	CAST_LOOP(cast_##CHF##_b, F, int8_t, ICONV_int8_t) \
	CAST_LOOP(cast_##CHF##_B, F, uint8_t, ICONV_uint8_t) \
	CAST_LOOP(cast_##CHF##_h, F, int16_t, ICONV_int16_t) \
	CAST_LOOP(cast_##CHF##_H, F, uint16_t, ICONV_uint16_t) \
	CAST_LOOP(cast_##CHF##_i, F, int32_t, ICONV_int32_t) \
	CAST_LOOP(cast_##CHF##_I, F, uint32_t, ICONV_uint32_t) \
	CAST_LOOP(cast_##CHF##_q, F, int64_t, ICONV_int64_t) \
	CAST_LOOP(cast_##CHF##_Q, F, uint64_t, ICONV_uint64_t) \
	CAST_LOOP(cast_##CHF##_f, F, float, ICONV_float) \
	CAST_LOOP(cast_##CHF##_d, F, double, ICONV_double)
#define DEF_SRC_FLT(CF, F, CHF, SF, WF) DEF_SRC_FLT_(F, CHF, CHF)
/* N: the conversions' prefix for the narrow targets (f: F32CONV, d: FCONV) */
#define NARROW_f F32CONV
#define NARROW_d FCONV
#define NCONV_(P, T) P##_##T
#define NCONV(P, T) NCONV_(P, T)
#define DEF_SRC_FLT_(F, CHF, N) \
	CAST_LOOP(cast_##CHF##_o, F, ue_bool, FCONV_ue_bool) \
	CAST_LOOP(cast_##CHF##_b, F, int8_t, NCONV(NARROW_##N, int8_t)) \
	CAST_LOOP(cast_##CHF##_B, F, uint8_t, NCONV(NARROW_##N, uint8_t)) \
	CAST_LOOP(cast_##CHF##_h, F, int16_t, NCONV(NARROW_##N, int16_t)) \
	CAST_LOOP(cast_##CHF##_H, F, uint16_t, NCONV(NARROW_##N, uint16_t)) \
	CAST_LOOP(cast_##CHF##_i, F, int32_t, NCONV(NARROW_##N, int32_t)) \
	CAST_LOOP(cast_##CHF##_I, F, uint32_t, FCONV_uint32_t) \
	CAST_LOOP(cast_##CHF##_q, F, int64_t, FCONV_int64_t) \
	CAST_LOOP(cast_##CHF##_Q, F, uint64_t, FCONV_uint64_t) \
	CAST_LOOP(cast_##CHF##_f, F, float, FCONV_float) \
	CAST_LOOP(cast_##CHF##_d, F, double, FCONV_double)

/* from bool: any nonzero byte is 1 */
#define BCONV(x) ((x) != 0)
#define DEF_SRC_BOOL(CF, F, CHF, SF, WF) \
	CAST_LOOP(cast_##CHF##_o, F, ue_bool, ICONV_ue_bool) \
	CAST_LOOP(cast_##CHF##_b, F, int8_t, BCONV) \
	CAST_LOOP(cast_##CHF##_B, F, uint8_t, BCONV) \
	CAST_LOOP(cast_##CHF##_h, F, int16_t, BCONV) \
	CAST_LOOP(cast_##CHF##_H, F, uint16_t, BCONV) \
	CAST_LOOP(cast_##CHF##_i, F, int32_t, BCONV) \
	CAST_LOOP(cast_##CHF##_I, F, uint32_t, BCONV) \
	CAST_LOOP(cast_##CHF##_q, F, int64_t, BCONV) \
	CAST_LOOP(cast_##CHF##_Q, F, uint64_t, BCONV) \
	CAST_LOOP(cast_##CHF##_f, F, float, BCONV) \
	CAST_LOOP(cast_##CHF##_d, F, double, BCONV)

UE_BOOL_TYPE(DEF_SRC_BOOL)
UE_INT_TYPES(DEF_SRC_INT)
UE_FLOAT_TYPES(DEF_SRC_FLT)

COPY_LOOP(copy_1, uint8_t)
COPY_LOOP(copy_2, uint16_t)
COPY_LOOP(copy_4, uint32_t)
COPY_LOOP(copy_8, uint64_t)

#define ROW(CH) { cast_##CH##_o, cast_##CH##_b, cast_##CH##_B, cast_##CH##_h, cast_##CH##_H, cast_##CH##_i, \
		  cast_##CH##_I, cast_##CH##_q, cast_##CH##_Q, cast_##CH##_f, cast_##CH##_d }

static ue_loop_fn casts[UE_NTYPES][UE_NTYPES] = {
	ROW(o), ROW(b), ROW(B), ROW(h), ROW(H), ROW(i), ROW(I), ROW(q), ROW(Q), ROW(f), ROW(d),
};

#define CE(FID, FS, TID, TS) { "_cast", FS "->" TS, cast_##FID##_##TID, NULL },
#define CROW(C, T, ID, S, W) \
	CE(ID, S, o, "?") CE(ID, S, b, "b") CE(ID, S, B, "B") CE(ID, S, h, "h") CE(ID, S, H, "H") \
	CE(ID, S, i, "i") CE(ID, S, I, "I") CE(ID, S, q, "q") CE(ID, S, Q, "Q") CE(ID, S, f, "f") \
	CE(ID, S, d, "d")

/*
 * the casts as loops of a ufunc "_cast": copyto and astype run them. A
 * same-type cast is a copy of the bits (memmove for contiguous runs: a
 * flipped 1080p frame is 1080 row copies: 149 -> 110 µs); these come first, as
 * the first loop of a signature is the one found. bool to bool stays a cast
 * (it makes every nonzero byte 1).
 */
const int ue_copy_mark;

#define SAME(S, FN) { "_cast", S "->" S, FN, &ue_copy_mark },
const struct ue_loop ue_loops_cast[] = {
	SAME("b", copy_1) SAME("B", copy_1) SAME("h", copy_2) SAME("H", copy_2) SAME("i", copy_4)
	SAME("I", copy_4) SAME("q", copy_8) SAME("Q", copy_8) SAME("f", copy_4) SAME("d", copy_8)
	UE_ALL_TYPES(CROW)
	{ NULL, NULL, NULL, NULL },
};

ue_loop_fn ue_cast_loop(int from, int to)
{
	if (from < 0 || from >= UE_NTYPES || to < 0 || to >= UE_NTYPES)
		return NULL;
	if (from == to && from != UE_BOOL) {
		switch (ue_itemsize(from)) {
		case 1: return copy_1;
		case 2: return copy_2;
		case 4: return copy_4;
		default: return copy_8;
		}
	}
	return casts[from][to];
}

/* bool to bool through the table normalises; the plain copy is for copyto */
ue_loop_fn ue_copy_loop(size_t itemsize)
{
	switch (itemsize) {
	case 1: return copy_1;
	case 2: return copy_2;
	case 4: return copy_4;
	default: return copy_8;
	}
}
