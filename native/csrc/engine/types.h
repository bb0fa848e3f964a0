/* SPDX-License-Identifier: MIT */
/*
 * types.h - the C types behind the engine's dtype codes, as X-macro lists
 * that the loop files expand once per type (numpy's .c.src templates).
 *
 * X(code, C type, identifier letter, signature character as a string,
 *   unsigned type at least as wide as int, for wrapping arithmetic)
 */
#ifndef UE_TYPES_H
#define UE_TYPES_H

#include <stdint.h>
#include <string.h>

#include "engine.h"

typedef uint8_t ue_bool;

#define UE_INT_TYPES(X) \
	X(UE_INT8, int8_t, b, "b", uint32_t) \
	X(UE_UINT8, uint8_t, B, "B", uint32_t) \
	X(UE_INT16, int16_t, h, "h", uint32_t) \
	X(UE_UINT16, uint16_t, H, "H", uint32_t) \
	X(UE_INT32, int32_t, i, "i", uint32_t) \
	X(UE_UINT32, uint32_t, I, "I", uint32_t) \
	X(UE_INT64, int64_t, q, "q", uint64_t) \
	X(UE_UINT64, uint64_t, Q, "Q", uint64_t)

#define UE_FLOAT_TYPES(X) \
	X(UE_FLOAT32, float, f, "f", uint32_t) \
	X(UE_FLOAT64, double, d, "d", uint64_t)

#define UE_BOOL_TYPE(X) X(UE_BOOL, ue_bool, o, "?", uint32_t)

#define UE_NUM_TYPES(X) UE_INT_TYPES(X) UE_FLOAT_TYPES(X)

#define UE_ALL_TYPES(X) UE_BOOL_TYPE(X) UE_NUM_TYPES(X)

#define UE_STR_(x) #x
#define UE_STR(x) UE_STR_(x)

/*
 * x86_64: AVX-512 (x86-64-v4: F, BW, DQ, VL, so 64-bit multiply and byte
 * ops vectorise too) and AVX2 clones of a hot loop, chosen at load (ifunc).
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(UE_NO_CLONES)
#define UE_HOT __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#define UE_WARM __attribute__((target_clones("arch=x86-64-v4", "default")))
#else
#define UE_HOT
#define UE_WARM
#endif
/* UE_WARM: casts and shifts get an AVX-512 clone only; UE_COLD loops (logical,
 * fmin/fmax, where) none: the package carries these binaries, keep them small */
#define UE_COLD

/* A plain copy of @itemsize-byte elements (a ue_loop_fn over {src, dst}). */
ue_loop_fn ue_copy_loop(size_t itemsize);
/* the data of the same-type "_cast" loops, which copy bits (the iterator may copy directly) */
extern const int ue_copy_mark;
/* the data of loops that cost far more per element than a copy (libm's functions): the iterator gathers their strided operands */
extern const int ue_costly_mark;

/*
 * A copy of @n elements, @step bytes apart from @src, into the contiguous
 * @dst (gather.c); ue_gather() returns one for the steps it makes fast
 * (2, 3 or 4 items forwards, 1 backwards; from the element at @src on), or
 * NULL. ue_scatter() the other way: @n contiguous elements from @src to
 * @dst, @step bytes apart.
 */
typedef void (*ue_gather_fn)(char *dst, const char *src, intptr_t n);
ue_gather_fn ue_gather(size_t itemsize, intptr_t step);
ue_gather_fn ue_scatter(size_t itemsize, intptr_t step);

/* The loop tables of each loops_*.c file, collected by registry.c. */
extern const struct ue_loop ue_loops_arith[];
extern const struct ue_loop ue_loops_cast[];

#endif
