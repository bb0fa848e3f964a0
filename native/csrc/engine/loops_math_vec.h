/* SPDX-License-Identifier: MIT */
/*
 * loops_math_vec.h - libmvec runs for loops_math.c (see loops_math_vec.c).
 */
#ifndef UM_LOOPS_MATH_VEC_H
#define UM_LOOPS_MATH_VEC_H

#include <stdint.h>

enum um_vec_fn {
	UM_EXP, UM_EXP2, UM_EXPM1, UM_LOG, UM_LOG2, UM_LOG10, UM_LOG1P, UM_CBRT,
	UM_SIN, UM_COS, UM_TAN, UM_ASIN, UM_ACOS, UM_ATAN,
	UM_SINH, UM_COSH, UM_TANH, UM_ASINH, UM_ACOSH, UM_ATANH,
	UM_POW, UM_ATAN2, UM_VEC_N
};

/*
 * out[i] = fn(in[i]) for n contiguous floats (is_double 0) or doubles;
 * 1 if done, 0 if the caller must loop itself (no libmvec, CPU, function).
 */
int um_vec1(int fn, int is_double, const char *in, char *out, intptr_t n);

/* out[i] = fn(a[i], b[i]), or fn(a[i], *b) when b_scalar; as um_vec1 */
int um_vec2(int fn, int is_double, const char *a, const char *b, int b_scalar, char *out, intptr_t n);

/* the float predicates of um_pred */
enum um_pred_kind { UM_ISNAN, UM_ISINF, UM_ISFINITE, UM_SIGNBIT };

/* out[i] = 0/1 = kind(in[i]) for n contiguous floats or doubles; as um_vec1 */
int um_pred(int kind, int is_double, const char *in, char *out, intptr_t n);

/* out[i] = sqrt(in[i]) with the vector instructions; as um_vec1 */
int um_sqrt(int is_double, const char *in, char *out, intptr_t n);

#endif
