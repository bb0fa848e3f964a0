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

/* ---- the iterator (iter.c) ---- */

#define UE_MAXDIMS 32	/* numpy's NPY_MAXDIMS was 32 for long */
#define UE_MAXOPS 8	/* inputs + outputs (+ the where= mask) */

/* One operand of an iteration: its first element, dtype, byte strides and UE_OP_* flags. */
struct ue_operand {
	char *data;
	int dtype;
	unsigned flags;
	intptr_t strides[UE_MAXDIMS];
};

/*
 * An output that is a new result nothing has read yet: when it is large
 * (ue_set_stream_min), its contiguous runs are written with non-temporal
 * stores, past the caches. Only a hint: the values are the same either way.
 */
#define UE_OP_FRESH 1u

/*
 * Results of at least @bytes are streamed (UE_OP_FRESH); 0 turns streaming
 * off. The default is 2 MiB on x86_64 (where measured through Node: a new
 * 8 MiB result is written ~1.5x faster, a 4 MiB uint16 plane cast from a
 * channel view ~1.5x, as the inputs stay in the cache) and off elsewhere. Returns the previous value.
 */
size_t ue_set_stream_min(size_t bytes);

/* Error codes of ue_iterate (negative, as errno). */
#define UE_ENOMEM (-12)
#define UE_EINVAL (-22)

/*
 * Run @loop over @ndim-dimensional @shape: ops[0..nin-1] are the inputs,
 * ops[nin..nin+nout-1] the outputs, each with its own dtype and strides
 * (0 along broadcast axes). An operand whose dtype is not the loop's is
 * cast through a buffer. An input that overlaps an output in memory (other
 * than element for element) is copied first. @where, if not NULL, is a
 * bool operand: outputs are written only where it is true.
 * Returns 0, or a UE_E* code.
 */
int ue_iterate(const struct ue_loop *loop, int nin, int nout, struct ue_operand *ops, int ndim,
	       const intptr_t *shape, const struct ue_operand *where);

/* ---- worker threads (pool.c) ---- */

#define UE_MAXTHREADS 8

/*
 * Threads (the caller included) that large element-wise calls are shared
 * among; 1 runs everything on the caller. Returns the previous count.
 */
int ue_set_threads(int n);
int ue_threads(void);

/* How many calls of ue_parallel() were shared with workers (for tests and the bench). */
unsigned long ue_pool_jobs(void);

/*
 * Run fn(ctx, chunk, tid) for every chunk in [0, @chunks), on the caller
 * (tid 0) and workers (tid 1 .. @threads - 1), each chunk once, in no set
 * order; returns when all are done. Chunks must touch disjoint memory;
 * results must not depend on which thread runs which chunk.
 */
void ue_parallel(intptr_t chunks, int threads, void (*fn)(void *ctx, intptr_t chunk, int tid), void *ctx);

/* @n items cut into at most @most pieces of *@step items (the last shorter): returns how many. */
static inline intptr_t ue_pieces(intptr_t n, intptr_t most, intptr_t *step)
{
	*step = (n + most - 1) / most;
	return (n + *step - 1) / *step;
}

/* Piece @c of @n items cut in pieces of @step: returns its first item; *@len gets its length. */
static inline intptr_t ue_piece(intptr_t c, intptr_t step, intptr_t n, intptr_t *len)
{
	intptr_t lo = c * step;

	*len = n - lo < step ? n - lo : step;
	return lo;
}

/* The dtype code of a signature character, or -1. */
int ue_dtype_of_char(char c);

/* The cast loop (a ue_loop_fn over args {src, dst}) from one dtype to another. */
ue_loop_fn ue_cast_loop(int from, int to);

/*
 * Every registered loop, numbered: ue_loop_index() finds one by name and
 * signature (-1 if none); ue_loop_at() returns it (NULL past the end).
 */
int ue_loop_index(const char *ufunc, const char *sig);
const struct ue_loop *ue_loop_at(int index);

/* CPU features the loops were chosen for, e.g. "avx512f" or "neon" (one line). */
const char *ue_cpu_features(void);

#ifdef __cplusplus
}
#endif

#endif
