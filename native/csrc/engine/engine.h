/* SPDX-License-Identifier: MIT */
/*
 * engine.h - np's numeric engine: numpy's ufunc model in plain C
 *
 * An operation is a ufunc (add, sqrt, less, ...) with a list of typed inner
 * loops, one per dtype signature ("BB->B", "ff->?", "d->d"), as numpy's
 * ufunc.types lists them. The n-d iterator (iter.c) broadcasts the operands,
 * coalesces and orders their axes, casts operands whose dtype differs from
 * the loop's through small buffers, and calls the inner loop over runs of
 * elements. Inner loops have numpy's shape:
 *
 *	loop(args, dims, steps, data)
 *
 * args[k] points at operand k's first element (inputs first, then outputs),
 * dims[0] is the element count, steps[k] operand k's byte stride (0 for a
 * scalar or a broadcast axis). A loop checks for the contiguous and scalar
 * cases itself and has a vectorisable path for each.
 *
 * Loops are collected from tables that each loops_*.c file exports (see
 * registry.c); a table ends with an entry whose ufunc is NULL.
 *
 * Nothing here knows about Node: native/src/engine.cc is the binding.
 */
#ifndef UE_ENGINE_H
#define UE_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* dtype codes: numpy's type numbers for these types, in numpy's order */
enum ue_dtype {
	UE_BOOL, UE_INT8, UE_UINT8, UE_INT16, UE_UINT16, UE_INT32, UE_UINT32,
	UE_INT64, UE_UINT64, UE_FLOAT32, UE_FLOAT64, UE_NTYPES
};

/*
 * Signature characters: numpy's type characters, with 64-bit integers
 * always 'q'/'Q' (numpy says 'l'/'L' on LP64): ? b B h H i I q Q f d
 */
#define UE_TYPE_CHARS "?bBhHiIqQfd"

typedef void (*ue_loop_fn)(char **args, const intptr_t *dims,
			   const intptr_t *steps, const void *data);

struct ue_loop {
	const char *ufunc;	/* numpy's name: "add", "sqrt", "less" */
	const char *sig;	/* "BB->B": input types, "->", output types */
	ue_loop_fn fn;
	const void *data;	/* passed to fn as is */
};

/* Bytes per element of a dtype code; 0 for an unknown code. */
size_t ue_itemsize(int dtype);

/* The loop of @ufunc for signature @sig, or NULL. */
const struct ue_loop *ue_find_loop(const char *ufunc, const char *sig);

#ifdef __cplusplus
}
#endif

#endif
