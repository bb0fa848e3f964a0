/* SPDX-License-Identifier: MIT */
/*
 * iter.c - the n-d iterator: numpy's model of a ufunc call.
 *
 * 1. Axes of length 1 are dropped (a length-0 axis: nothing to do).
 * 2. An axis that every operand walks backwards (or not at all: a
 *    broadcast input) is walked forwards instead, as numpy's iterator does:
 *    a[::-1] * 2 and a[::-1] = b[::-1] become contiguous loops. Then axes
 *    are ordered by the first output's strides, largest outermost, so the
 *    innermost axis is the one that walks memory in the smallest steps.
 * 3. Neighbouring axes that every operand walks as one run are coalesced
 *    (a contiguous array becomes one axis).
 * 4. An input that overlaps an output without being the same elements is
 *    copied first, so the result is as if all inputs were read before any
 *    output was written (numpy's rule).
 * 5. The inner loop is called once per run of the innermost axis; operands
 *    whose dtype is not the loop's go through buffers of UE_BUFSIZE
 *    elements, cast on the way in (inputs) or out (outputs). With a where=
 *    mask the outputs always go through buffers and only the masked
 *    elements are stored.
 * 6. An input walked in steps of 2, 3 or 4 elements, or backwards (a
 *    channel of interleaved pixels, a [::2] or [::-1] slice), is gathered
 *    into a buffer first by a loop over that constant step (gather.c),
 *    which vectorises where the loop's own strided path would not; the loop
 *    then takes its contiguous path. An output walked so (writing a channel)
 *    is computed into a buffer and scattered from there. This is for 1- and
 *    2-byte items, and 4-byte items when only one run is strided; otherwise
 *    the loop's strided path is faster (gathers()).
 * 7. A large new result (UE_OP_FRESH) is computed into a small buffer and
 *    streamed from there to memory with non-temporal stores: the result's
 *    memory is cold (V8 hands back a freed buffer only after a scavenge,
 *    several results later), and streaming skips reading each line before
 *    writing it and leaves the inputs in the cache.
 * 8. A call over 1 MiB or more of operands (UE_PAR_MIN) whose outputs are
 *    each written once (no step-0 axis, no two outputs overlapping) is cut
 *    into chunks of the walk that the worker threads share (pool.c); each
 *    thread has its own buffers and stream lines, and every element is
 *    computed by the same loop on the same values, so the bytes are those
 *    of one thread. On this project's 2-core x86_64 VM a new 8 MiB uint8
 *    result took 650 µs on one thread and 270 on two (numpy 230), an add
 *    into an existing array 256 and 136 (numpy 230).
 */
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "types.h"

#define UE_BUFSIZE 8192
#define UE_STREAMBUF 2048	/* elements per buffer when a result is streamed or an operand gathered or scattered */
#define UE_GATHER_MIN 32	/* shorter runs are not worth a gather */
#define UE_GATHER_SPAN 3072	/* bytes of a strided run gathered (or scattered) at a time */

struct ue_plan {
	int nop;		/* inputs + outputs (+ 1 for the mask) */
	int ndim;
	intptr_t shape[UE_MAXDIMS];
	char *data[UE_MAXOPS];
	intptr_t strides[UE_MAXOPS][UE_MAXDIMS];
};

static void drop_unit_axes(struct ue_plan *p)
{
	int d, k, n = 0;

	for (d = 0; d < p->ndim; d++) {
		if (p->shape[d] == 1)
			continue;
		p->shape[n] = p->shape[d];
		for (k = 0; k < p->nop; k++)
			p->strides[k][n] = p->strides[k][d];
		n++;
	}
	p->ndim = n;
}

/*
 * Walk forwards any axis that every operand walks backwards or not at all
 * (numpy's nditer does the same): inputs (and the mask) with steps <= 0,
 * outputs with steps < 0. An output with step 0 on the axis keeps the
 * order, since which write lands last would change. The elements paired
 * with each other stay the same, so only the order of memory changes.
 */
static void flip_backward_axes(struct ue_plan *p, int nin, int nout)
{
	int d, k;

	for (d = 0; d < p->ndim; d++) {
		int backward = 0;

		for (k = 0; k < p->nop; k++) {
			intptr_t s = p->strides[k][d];
			int output = k >= nin && k < nin + nout;

			if (s > 0 || (s == 0 && output))
				break;
			backward |= s < 0;
		}
		if (k < p->nop || !backward)
			continue;
		for (k = 0; k < p->nop; k++) {
			p->data[k] += (p->shape[d] - 1) * p->strides[k][d];
			p->strides[k][d] = -p->strides[k][d];
		}
	}
}

static intptr_t absi(intptr_t x)
{
	return x < 0 ? -x : x;
}

/* Whether axis a should sit outside axis b (insertion sort key). */
static int outer_of(const struct ue_plan *p, int key, int a, int b)
{
	intptr_t sa = absi(p->strides[key][a]), sb = absi(p->strides[key][b]);
	int k;

	if (sa != sb)
		return sa > sb;
	for (k = 0; k < p->nop; k++) {
		sa = absi(p->strides[k][a]);
		sb = absi(p->strides[k][b]);
		if (sa != sb)
			return sa > sb;
	}
	return a < b;
}

static void order_axes(struct ue_plan *p, int key)
{
	int perm[UE_MAXDIMS], i, j, k;
	intptr_t shape[UE_MAXDIMS], strides[UE_MAXDIMS];

	for (i = 0; i < p->ndim; i++)
		perm[i] = i;
	for (i = 1; i < p->ndim; i++) {
		int v = perm[i];

		for (j = i; j > 0 && outer_of(p, key, v, perm[j - 1]); j--)
			perm[j] = perm[j - 1];
		perm[j] = v;
	}
	for (i = 0; i < p->ndim; i++)
		shape[i] = p->shape[perm[i]];
	memcpy(p->shape, shape, sizeof(intptr_t) * (size_t)p->ndim);
	for (k = 0; k < p->nop; k++) {
		for (i = 0; i < p->ndim; i++)
			strides[i] = p->strides[k][perm[i]];
		memcpy(p->strides[k], strides, sizeof(intptr_t) * (size_t)p->ndim);
	}
}

static void coalesce(struct ue_plan *p)
{
	int d, k, n;

	if (p->ndim <= 1)
		return;
	n = 0;
	for (d = 1; d < p->ndim; d++) {
		int ok = 1;

		/* axis n (outer) and d (inner) merge if outer = inner * len(inner) */
		for (k = 0; k < p->nop && ok; k++)
			ok = p->strides[k][n] == p->strides[k][d] * p->shape[d];
		if (ok) {
			p->shape[n] *= p->shape[d];
			for (k = 0; k < p->nop; k++)
				p->strides[k][n] = p->strides[k][d];
		} else {
			n++;
			p->shape[n] = p->shape[d];
			for (k = 0; k < p->nop; k++)
				p->strides[k][n] = p->strides[k][d];
		}
	}
	p->ndim = n + 1;
}

/*
 * A short innermost axis (the 3 channels of an image view that is not
 * contiguous as a whole, or of pixels repeated by np.repeat) would cost one
 * loop call per pixel: move the nearest longer axis (16 or more) innermost
 * instead, the others keeping their order, so that each call walks a row.
 * An axis further out is taken only while one pass along it stays within
 * SHORT_INNER_SPAN bytes of every operand (a row of pixels), or when there
 * are at most SHORT_INNER_PASSES passes (the axes it moves past): each pass
 * walks the whole extent again, so a crop taller than wide must be walked
 * along its rows, not down its columns (a 4000x3000 crop: 12 ms, 146 ms
 * down the columns), and a stack of 3x3 matrices transposed (9 passes)
 * costs more than its short runs; pixels repeated 2x along a row (6
 * passes) cost less: a 1080p frame repeated 2x along both axes
 * (np.repeat twice) 44 -> 10 ms (numpy 18.6).
 */
#define SHORT_INNER_SPAN (256 << 10)
#define SHORT_INNER_PASSES 8

/* How many runs along axis @m there are per element of the axes outside it. */
static intptr_t passes_past(const struct ue_plan *p, int m)
{
	intptr_t n = 1;
	int d;

	for (d = m + 1; d < p->ndim; d++)
		n *= p->shape[d];
	return n;
}

static void short_inner(struct ue_plan *p)
{
	int b = p->ndim - 1, m, d, k;
	intptr_t t;

	if (p->ndim < 2 || p->shape[b] >= 16)
		return;
	for (m = b - 1; m >= 0; m--)
		if (p->shape[m] >= 16 && p->shape[m] > p->shape[b])
			break;
	if (m < 0)
		return;
	if (m < b - 1 && passes_past(p, m) > SHORT_INNER_PASSES)
		for (k = 0; k < p->nop; k++)
			if (absi(p->strides[k][m]) * p->shape[m] > SHORT_INNER_SPAN)
				return;
	for (d = m; d < b; d++) {
		t = p->shape[d];
		p->shape[d] = p->shape[d + 1];
		p->shape[d + 1] = t;
		for (k = 0; k < p->nop; k++) {
			t = p->strides[k][d];
			p->strides[k][d] = p->strides[k][d + 1];
			p->strides[k][d + 1] = t;
		}
	}
}

/* The lowest and one-past-highest byte an operand touches. */
static void extent(const struct ue_plan *p, int k, size_t itemsize, uintptr_t *lo, uintptr_t *hi)
{
	intptr_t a = 0, b = 0;
	int d;

	for (d = 0; d < p->ndim; d++) {
		intptr_t span = p->strides[k][d] * (p->shape[d] - 1);

		if (span < 0)
			a += span;
		else
			b += span;
	}
	*lo = (uintptr_t)(p->data[k] + a);
	*hi = (uintptr_t)(p->data[k] + b) + itemsize;
}

static int same_elements(const struct ue_plan *p, int i, int o, const int *dtypes)
{
	int d;

	if (p->data[i] != p->data[o] || ue_itemsize(dtypes[i]) != ue_itemsize(dtypes[o]))
		return 0;
	for (d = 0; d < p->ndim; d++)
		if (p->strides[i][d] != p->strides[o][d])
			return 0;
	return 1;
}

/* Copy operand k into a new C-ordered buffer and point the plan at it. */
static char *copy_operand(struct ue_plan *p, int k, size_t itemsize)
{
	intptr_t total = 1, idx[UE_MAXDIMS] = { 0 }, inner, steps[2];
	ue_loop_fn copy = ue_copy_loop(itemsize);
	char *buf, *dst, *args[2];
	int d;

	for (d = 0; d < p->ndim; d++)
		total *= p->shape[d];
	buf = malloc((size_t)total * itemsize + 1);
	if (!buf)
		return NULL;
	inner = p->ndim ? p->shape[p->ndim - 1] : 1;
	steps[0] = p->ndim ? p->strides[k][p->ndim - 1] : 0;
	steps[1] = (intptr_t)itemsize;
	dst = buf;
	for (;;) {
		char *src = p->data[k];

		for (d = 0; d + 1 < p->ndim; d++)
			src += idx[d] * p->strides[k][d];
		args[0] = src;
		args[1] = dst;
		copy(args, &inner, steps, NULL);
		dst += inner * (intptr_t)itemsize;
		for (d = p->ndim - 2; d >= 0; d--) {
			if (++idx[d] < p->shape[d])
				break;
			idx[d] = 0;
		}
		if (d < 0)
			break;
	}
	/* C-ordered strides over the plan's (already ordered) axes */
	{
		intptr_t s = (intptr_t)itemsize;

		for (d = p->ndim - 1; d >= 0; d--) {
			p->strides[k][d] = p->shape[d] == 1 ? 0 : s;
			s *= p->shape[d];
		}
	}
	p->data[k] = buf;
	return buf;
}

/*
 * A result streamed to memory: its runs are written with non-temporal
 * stores of whole 64-byte lines. A non-temporal store of part of a line is
 * written to memory as a partial line, and a plain store to a line of a new
 * (cold) result first reads the line from memory: where a run ends mid-line
 * and the next run continues it (the rows of a copy of a flipped frame, the
 * chunks of a buffered run, rows that are not a multiple of 64 bytes), the
 * line is assembled here and streamed whole. Only a line whose start is
 * not written by the stream (the first of an unaligned result) gets plain
 * stores. One per output of a call; stream_flush() writes what is pending.
 */
struct stream_line {
	char *at;		/* the line being assembled (64-byte aligned), or NULL */
	size_t have;		/* bytes [0, have) of it are in buf */
	char buf[64] __attribute__((aligned(64)));
};

static void stream_flush(struct stream_line *l)
{
	if (l->at)
		memcpy(l->at, l->buf, l->have);
	l->at = NULL;
}

#if defined(__x86_64__)
static size_t stream_min = 2u << 20;

static void stream_line_out(char *dst, const char *src)
{
	__m128i a = _mm_loadu_si128((const __m128i *)src);
	__m128i b = _mm_loadu_si128((const __m128i *)(src + 16));
	__m128i c = _mm_loadu_si128((const __m128i *)(src + 32));
	__m128i d = _mm_loadu_si128((const __m128i *)(src + 48));

	_mm_stream_si128((__m128i *)dst, a);
	_mm_stream_si128((__m128i *)(dst + 16), b);
	_mm_stream_si128((__m128i *)(dst + 32), c);
	_mm_stream_si128((__m128i *)(dst + 48), d);
}

/* Write @n bytes from @src to @dst, continuing @l's line when @dst is where it ends. */
static void stream_store(struct stream_line *l, char *dst, const char *src, size_t n)
{
	size_t head = (size_t)(-(uintptr_t)dst & 63), take;

	if (l->at && l->at + l->have == dst) {
		take = 64 - l->have < n ? 64 - l->have : n;
		memcpy(l->buf + l->have, src, take);
		l->have += take;
		dst += take;
		src += take;
		n -= take;
		if (l->have < 64)
			return;
		stream_line_out(l->at, l->buf);
		l->at = NULL;
		head = 0;
	} else {
		stream_flush(l);
	}
	if (head > n)
		head = n;
	memcpy(dst, src, head);	/* a line begun before this stream: plain stores */
	dst += head;
	src += head;
	n -= head;
	for (; n >= 64; n -= 64, dst += 64, src += 64)
		stream_line_out(dst, src);
	if (n) {
		l->at = dst;
		l->have = n;
		memcpy(l->buf, src, n);
	}
}

static void stream_done(void)
{
	_mm_sfence();
}
#else
static size_t stream_min;

static void stream_store(struct stream_line *l, char *dst, const char *src, size_t n)
{
	(void)l;
	memcpy(dst, src, n);
}

static void stream_done(void)
{
}
#endif

size_t ue_set_stream_min(size_t bytes)
{
	size_t old = stream_min;

	stream_min = bytes;
	return old;
}

/*
 * Elements per buffer when operands are gathered or scattered: at most
 * UE_GATHER_SPAN bytes of each strided run (and at least 256 elements).
 * With 2048 float32 of an RGB channel (24 KiB) a channel-to-channel copy
 * of a 1080p frame waited on memory, 3.5 ms against numpy's 1.3 (its loop
 * reads and writes the two channels side by side); with 256 (3 KiB) it
 * takes 1.7-2.0 ms. A uint8 channel takes 1024 elements instead of 2048,
 * ~10% slower (0.26 -> 0.28 ms, numpy 0.57).
 */
static intptr_t gather_run(const struct ue_plan *p, ue_gather_fn const *gather, ue_gather_fn const *scatter, intptr_t bufn)
{
	for (int k = 0; k < p->nop; k++) {
		intptr_t step = p->strides[k][p->ndim - 1], n;

		if (!gather[k] && !scatter[k])
			continue;
		if (step < 0)
			step = -step;
		n = step ? UE_GATHER_SPAN / step : bufn;
		if (n < UE_GATHER_MIN * 8)
			n = UE_GATHER_MIN * 8;
		if (n < bufn)
			bufn = n;
	}
	return bufn;
}

/*
 * How many different runs of elements the operands walk in steps of more
 * than one item (an output that is an input's own elements, x *= 2 on a
 * channel, counts once); broadcast scalars and contiguous runs do not count.
 */
static int strided_runs(const struct ue_plan *p, const int *dtypes)
{
	int k, o, n = 0;

	for (k = 0; k < p->nop; k++) {
		intptr_t step = p->strides[k][p->ndim - 1];
		int again = 0;

		if (step == 0 || step == (intptr_t)ue_itemsize(dtypes[k]))
			continue;
		for (o = 0; o < k && !again; o++)
			again = same_elements(p, o, k, dtypes);
		n += !again;
	}
	return n;
}

/*
 * Whether an operand of @itemsize-byte items walked in steps goes through a
 * gather (or scatter) buffer (6. above), when the operands walk @runs
 * strided runs (strided_runs()). For bytes and 16-bit items the gathers'
 * shuffles do 16-64 elements per instruction, far ahead of the loop's
 * strided path. For 4-byte items that pays only while one run is strided:
 * with two or more the passes over the buffers cost more than they save;
 * for 8-byte items it never pays. 1080p frames, medians of 40 calls (the
 * least of 3 runs), gathered / the strided path:
 *   float32 RGB channel -> plane copy:          894 / 1277 µs
 *   float32 [:, ::2] -> plane copy:             586 / 1157
 *   int32 [:, ::2] *= 2 in place:               550 / 1225
 *   float32 channel + channel -> third channel: 1872 / 1230
 *   float32 RGBA channel + channel -> plane:   1807 / 1445
 *   float64 [:, ::2] -> other [:, ::2] copy:   3281 / 1703
 *   float64 RGB channel *= 2 in place:         2135 / 1557
 */
static int gathers(size_t itemsize, int runs)
{
	return itemsize <= 2 || (itemsize == 4 && runs == 1);
}

/* Whether output k of the plan is streamed (see 7. above). */
static int streams(const struct ue_plan *p, const struct ue_operand *op, int k, size_t itemsize)
{
	size_t bytes = itemsize;
	int d;

	if (!stream_min || !(op->flags & UE_OP_FRESH) || p->strides[k][p->ndim - 1] != (intptr_t)itemsize ||
	    p->shape[p->ndim - 1] * (intptr_t)itemsize < 4096)
		return 0;
	for (d = 0; d < p->ndim; d++)
		bytes *= (size_t)p->shape[d];
	return bytes >= stream_min;
}

/*
 * The elements of @src (@n of @size bytes, contiguous) whose mask byte is
 * nonzero, stored to @dst (@dstep bytes apart); @m steps @mstep bytes.
 * Unmasked elements are not written (a device may be writing them). A
 * contiguous run of 1-8 byte elements with a contiguous mask is a loop of
 * conditional stores, which AVX-512 vectorises with masked stores; other
 * layouts store element by element.
 */
#define MASKED_SELECT(T)                                                       \
	do {                                                                   \
		T *d = (T *)dst;                                               \
		const T *s = (const T *)src;                                   \
		for (intptr_t i = 0; i < n; i++)                               \
			if (m[i])                                              \
				d[i] = s[i];                                   \
	} while (0)

#define MASKED_STRIDED(T)                                                      \
	do {                                                                   \
		const T *s = (const T *)src;                                   \
		for (intptr_t i = 0; i < n; i++)                               \
			if (m[i * mstep])                                      \
				*(T *)(dst + i * dstep) = s[i];                \
	} while (0)

UE_HOT static void masked_store(char *dst, intptr_t dstep, const char *src, size_t size, const char *m,
				intptr_t mstep, intptr_t n)
{
	if (dstep == (intptr_t)size && mstep == 1) {
		switch (size) {
		case 1: MASKED_SELECT(uint8_t); return;
		case 2: MASKED_SELECT(uint16_t); return;
		case 4: MASKED_SELECT(uint32_t); return;
		case 8: MASKED_SELECT(uint64_t); return;
		}
	}
	switch (size) {
	case 1: MASKED_STRIDED(uint8_t); return;
	case 2: MASKED_STRIDED(uint16_t); return;
	case 4: MASKED_STRIDED(uint32_t); return;
	case 8: MASKED_STRIDED(uint64_t); return;
	}
	for (intptr_t i = 0; i < n; i++)
		if (m[i * mstep])
			memcpy(dst + i * dstep, src + (size_t)i * size, size);
}

/*
 * A call, planned: the loop, the operands' walk, and how each operand goes
 * through buffers. Read-only while the call runs; each thread has its own
 * lane (buffers and stream lines).
 */
struct iter_run {
	const struct ue_loop *loop;
	struct ue_plan p;
	int nin, nop, mask;
	int dtypes[UE_MAXOPS], ltypes[UE_MAXOPS];
	int cast[UE_MAXOPS], stream[UE_MAXOPS];
	ue_loop_fn casts[UE_MAXOPS];
	ue_gather_fn gather[UE_MAXOPS], scatter[UE_MAXOPS];
	int buffered, streamed, direct, gather_out;
	intptr_t inner, bufn, chunk, total;
};

struct iter_lane {
	char *block;
	char *bufs[UE_MAXOPS], *gbufs[UE_MAXOPS], *mbuf;
	struct stream_line lines[UE_MAXOPS];
};

static int lane_alloc(const struct iter_run *r, struct iter_lane *l)
{
	size_t each = (size_t)r->bufn * 8, off = 0;
	int k;

	memset(l, 0, sizeof(*l));
	if (!r->buffered)
		return 0;
	l->block = malloc(each * (size_t)(2 * r->nop + 1) + 64);
	if (!l->block)
		return UE_ENOMEM;
	for (k = 0; k < r->nop; k++) {
		if (r->cast[k] || r->stream[k] || r->gather[k] || r->scatter[k]) {
			l->bufs[k] = l->block + off;
			off += each;
		}
		if (r->cast[k] && r->gather[k]) {
			l->gbufs[k] = l->block + off;
			off += each;
		}
	}
	l->mbuf = l->block + off;
	return 0;
}

/* Elements [lo, hi) of one run whose operands start at @base, through the buffers. */
UE_HOT static void run_buffered(const struct iter_run *r, struct iter_lane *l, char *const *base,
				const intptr_t *steps, intptr_t lo, intptr_t hi)
{
	int nin = r->nin, nop = r->nop, mask = r->mask, k;

	for (intptr_t start = lo; start < hi; start += r->bufn) {
		intptr_t n = hi - start < r->bufn ? hi - start : r->bufn;
		char *args[UE_MAXOPS], *cargs[2];
		intptr_t lsteps[UE_MAXOPS], csteps[2];

		if (r->gather_out) {
			r->gather[0](base[1] + start * steps[1], base[0] + start * steps[0], n);
			continue;
		}
		for (k = 0; k < nop; k++) {
			char *at = base[k] + start * steps[k];
			size_t lsz = ue_itemsize(r->ltypes[k]);

			if (!r->cast[k] && !r->stream[k] && !r->gather[k] && !r->scatter[k]) {
				args[k] = at;
				lsteps[k] = steps[k];
				continue;
			}
			args[k] = l->bufs[k];
			lsteps[k] = (intptr_t)lsz;
			if (r->gather[k] && !r->cast[k]) {
				r->gather[k](l->bufs[k], at, n);
			} else if (k < nin) {
				/* a broadcast scalar (step 0) is cast once and stays a scalar to the loop */
				intptr_t m = steps[k] ? n : 1;

				cargs[0] = at;
				cargs[1] = l->bufs[k];
				csteps[0] = steps[k];
				if (r->gather[k]) {
					r->gather[k](l->gbufs[k], at, n);
					cargs[0] = l->gbufs[k];
					csteps[0] = (intptr_t)ue_itemsize(r->dtypes[k]);
				}
				csteps[1] = (intptr_t)lsz;
				r->casts[k](cargs, &m, csteps, NULL);
				if (!steps[k])
					lsteps[k] = 0;
			}
		}
		r->loop->fn(args, &n, lsteps, r->loop->data);
		for (k = nin; k < nop; k++) {
			char *at = base[k] + start * steps[k];
			size_t osz = ue_itemsize(r->dtypes[k]);

			if (r->stream[k])
				stream_store(&l->lines[k], at, l->bufs[k], (size_t)n * osz);
			if (r->scatter[k])
				r->scatter[k](at, l->bufs[k], n);
			if (!r->cast[k])
				continue;
			cargs[0] = l->bufs[k];
			csteps[0] = (intptr_t)ue_itemsize(r->ltypes[k]);
			if (mask < 0) {
				cargs[1] = at;
				csteps[1] = steps[k];
				r->casts[k](cargs, &n, csteps, NULL);
				continue;
			}
			cargs[1] = l->mbuf;
			csteps[1] = (intptr_t)osz;
			r->casts[k](cargs, &n, csteps, NULL);
			masked_store(at, steps[k], l->mbuf, osz, base[mask] + start * steps[mask], steps[mask], n);
		}
	}
}

/* Elements [lo, hi) of the whole walk (runs of r->inner, outer axes first). */
static void run_span(const struct iter_run *r, struct iter_lane *l, intptr_t lo, intptr_t hi)
{
	const struct ue_plan *p = &r->p;
	intptr_t idx[UE_MAXDIMS], row = lo / r->inner, off = lo % r->inner;
	int k, d;

	for (d = p->ndim - 2; d >= 0; d--) {
		idx[d] = row % p->shape[d];
		row /= p->shape[d];
	}
	while (lo < hi) {
		char *base[UE_MAXOPS];
		intptr_t steps[UE_MAXOPS], end = off + (hi - lo) < r->inner ? off + (hi - lo) : r->inner;

		for (k = 0; k < p->nop; k++) {
			base[k] = p->data[k];
			for (d = 0; d + 1 < p->ndim; d++)
				base[k] += idx[d] * p->strides[k][d];
			steps[k] = p->strides[k][p->ndim - 1];
		}
		if (r->direct) {
			size_t sz = ue_itemsize(r->dtypes[1]);

			stream_store(&l->lines[1], base[1] + off * steps[1], base[0] + off * steps[0],
				     (size_t)(end - off) * sz);
		} else if (!r->buffered) {
			char *args[UE_MAXOPS];
			intptr_t n = end - off;

			for (k = 0; k < p->nop; k++)
				args[k] = base[k] + off * steps[k];
			r->loop->fn(args, &n, steps, r->loop->data);
		} else {
			run_buffered(r, l, base, steps, off, end);
		}
		lo += end - off;
		off = 0;
		for (d = p->ndim - 2; d >= 0; d--) {
			if (++idx[d] < p->shape[d])
				break;
			idx[d] = 0;
		}
	}
	for (k = r->nin; k < r->nop; k++)
		stream_flush(&l->lines[k]);
	if (r->streamed)
		stream_done();
}

/* The threads' share of a call: chunk c of the walk, on thread tid's lane. */
struct iter_shared {
	const struct iter_run *r;
	struct iter_lane *lanes;
};

static void run_chunk(void *ctx, intptr_t c, int tid)
{
	struct iter_shared *s = ctx;
	const struct iter_run *r = s->r;
	intptr_t lo = c * r->chunk, hi = lo + r->chunk < r->total ? lo + r->chunk : r->total;

	run_span(r, &s->lanes[tid], lo, hi);
}

/*
 * Calls of at least this many bytes of operands are shared among the
 * threads, in chunks of about UE_PAR_CHUNK bytes (a multiple of 64
 * elements, so a contiguous result's chunks meet at whole cache lines).
 */
#define UE_PAR_MIN (1 << 20)
#define UE_PAR_CHUNK (256 << 10)

/*
 * Whether every element of the outputs is written once, by one inner-loop
 * call (then chunks can run in any order, on any thread): no output
 * walks an axis in place (step 0), and outputs do not overlap each other.
 */
static int parallel_safe(const struct iter_run *r)
{
	const struct ue_plan *p = &r->p;
	int k, o, d;

	for (k = r->nin; k < r->nop; k++) {
		uintptr_t lo, hi, olo, ohi;

		for (d = 0; d < p->ndim; d++)
			if (p->strides[k][d] == 0)
				return 0;
		extent(p, k, ue_itemsize(r->dtypes[k]), &lo, &hi);
		for (o = r->nin; o < k; o++) {
			extent(p, o, ue_itemsize(r->dtypes[o]), &olo, &ohi);
			if (lo < ohi && olo < hi)
				return 0;
		}
	}
	return 1;
}

/* How many chunks to cut the walk into: 1 runs it whole on the caller. */
static intptr_t chunks_of(struct iter_run *r)
{
	const struct ue_plan *p = &r->p;
	size_t per = 0, bytes;
	intptr_t c;
	int k, d;

	if (ue_threads() < 2 || !parallel_safe(r))
		return 1;
	for (k = 0; k < p->nop; k++) {
		for (d = 0; d < p->ndim && !p->strides[k][d]; d++)
			;
		if (d < p->ndim)
			per += ue_itemsize(r->dtypes[k]);
	}
	bytes = per * (size_t)r->total;
	if (!per || bytes < UE_PAR_MIN)
		return 1;
	c = (intptr_t)(UE_PAR_CHUNK / per);
	c = (c + 63) & ~(intptr_t)63;
	r->chunk = c;
	return (r->total + c - 1) / c;
}

static void run_all(struct iter_run *r, int *err)
{
	struct iter_lane lanes[UE_MAXTHREADS];
	struct iter_shared s = { .r = r, .lanes = lanes };
	intptr_t chunks = chunks_of(r);
	int t, n = chunks > 1 ? ue_threads() : 1;

	for (t = 0; t < n; t++) {
		*err = lane_alloc(r, &lanes[t]);
		if (*err)
			break;
	}
	if (t < n && t > 0) {
		*err = 0;	/* no buffers for the workers: the caller runs it alone */
		chunks = 1;
	}
	n = t;
	if (!*err && chunks > 1)
		ue_parallel(chunks, n, run_chunk, &s);
	else if (!*err)
		run_span(r, &lanes[0], 0, r->total);
	for (t = 0; t < n; t++)
		free(lanes[t].block);
}

int ue_iterate(const struct ue_loop *loop, int nin, int nout, struct ue_operand *ops, int ndim,
	       const intptr_t *shape, const struct ue_operand *where)
{
	struct iter_run r = { .loop = loop, .nin = nin, .nop = nin + nout, .mask = -1 };
	struct ue_plan *p = &r.p;
	int *dtypes = r.dtypes, *ltypes = r.ltypes, nop = nin + nout, k, d, ret = 0, runs, gathered = 0, costly;
	char *owned[UE_MAXOPS] = { 0 };
	const char *sig = loop->sig;

	if (nop + (where != NULL) > UE_MAXOPS || ndim > UE_MAXDIMS || ndim < 0)
		return UE_EINVAL;
	/* loop dtypes from the signature: inputs, "->", outputs */
	for (k = 0; k < nop; k++) {
		if (*sig == '-')
			sig += 2;
		ltypes[k] = ue_dtype_of_char(*sig++);
		if (ltypes[k] < 0)
			return UE_EINVAL;
	}
	p->nop = nop;
	p->ndim = ndim;
	for (d = 0; d < ndim; d++) {
		if (shape[d] == 0)
			return 0;
		p->shape[d] = shape[d];
	}
	for (k = 0; k < nop; k++) {
		p->data[k] = ops[k].data;
		dtypes[k] = ops[k].dtype;
		memcpy(p->strides[k], ops[k].strides, sizeof(intptr_t) * (size_t)ndim);
	}
	if (where) {
		r.mask = p->nop++;
		p->data[r.mask] = where->data;
		dtypes[r.mask] = UE_BOOL;
		ltypes[r.mask] = UE_BOOL;
		memcpy(p->strides[r.mask], where->strides, sizeof(intptr_t) * (size_t)ndim);
	}
	drop_unit_axes(p);
	flip_backward_axes(p, nin, nout);
	order_axes(p, nin < nop ? nin : 0);
	coalesce(p);
	short_inner(p);

	/* inputs overlapping an output: read from a copy */
	for (k = 0; k < nin; k++) {
		uintptr_t ilo, ihi, olo, ohi;
		int o;

		extent(p, k, ue_itemsize(dtypes[k]), &ilo, &ihi);
		for (o = nin; o < nop; o++) {
			extent(p, o, ue_itemsize(dtypes[o]), &olo, &ohi);
			if (ilo < ohi && olo < ihi && !same_elements(p, k, o, dtypes)) {
				owned[k] = copy_operand(p, k, ue_itemsize(dtypes[k]));
				if (!owned[k]) {
					ret = UE_ENOMEM;
					goto out;
				}
				break;
			}
		}
	}
	if (r.mask >= 0) {
		uintptr_t ilo, ihi, olo, ohi;
		int o;

		extent(p, r.mask, 1, &ilo, &ihi);
		for (o = nin; o < nop; o++) {
			extent(p, o, ue_itemsize(dtypes[o]), &olo, &ohi);
			if (ilo < ohi && olo < ihi) {
				owned[r.mask] = copy_operand(p, r.mask, 1);
				if (!owned[r.mask]) {
					ret = UE_ENOMEM;
					goto out;
				}
				break;
			}
		}
	}

	if (p->ndim == 0) {
		p->ndim = 1;
		p->shape[0] = 1;
		for (k = 0; k < p->nop; k++)
			p->strides[k][0] = 0;
	}
	r.inner = p->shape[p->ndim - 1];
	r.total = 1;
	for (d = 0; d < p->ndim; d++)
		r.total *= p->shape[d];

	for (k = 0; k < nop; k++) {
		r.cast[k] = dtypes[k] != ltypes[k] || (r.mask >= 0 && k >= nin);
		if (!r.cast[k])
			continue;
		r.buffered = 1;
		r.casts[k] = k < nin ? ue_cast_loop(dtypes[k], ltypes[k]) : ue_cast_loop(ltypes[k], dtypes[k]);
		if (!r.casts[k]) {
			ret = UE_EINVAL;
			goto out;
		}
	}
	for (k = nin; k < nop && r.mask < 0; k++) {
		if (r.cast[k] || !streams(p, &ops[k], k, ue_itemsize(dtypes[k])))
			continue;
		r.stream[k] = 1;
		r.streamed = r.buffered = 1;
	}
	runs = strided_runs(p, dtypes);
	costly = loop->data == &ue_costly_mark;
	for (k = 0; k < nin && r.inner >= UE_GATHER_MIN; k++) {
		size_t isz = ue_itemsize(dtypes[k]);

		if (!costly && !gathers(isz, runs))
			continue;
		r.gather[k] = ue_gather(isz, p->strides[k][p->ndim - 1]);
		if (r.gather[k])
			gathered = r.buffered = 1;
	}
	for (k = nin; k < nop && r.mask < 0 && r.inner >= UE_GATHER_MIN; k++) {
		if (r.cast[k] || (!costly && !gathers(ue_itemsize(dtypes[k]), runs)))
			continue;
		r.scatter[k] = ue_scatter(ue_itemsize(dtypes[k]), p->strides[k][p->ndim - 1]);
		if (r.scatter[k])
			gathered = r.buffered = 1;
	}
	/* a copy into a streamed result goes straight from the input's runs */
	r.direct = nin == 1 && nop == 2 && r.stream[1] && !r.cast[0] && !r.gather[0] && dtypes[0] == dtypes[1] &&
		   p->strides[0][p->ndim - 1] == (intptr_t)ue_itemsize(dtypes[0]) && loop->data == &ue_copy_mark;
	if (r.direct)
		r.buffered = 0;
	/* a copy from a gathered input into a contiguous result: gathered straight into it */
	r.gather_out = nin == 1 && nop == 2 && r.gather[0] && !r.cast[0] && !r.cast[1] && !r.stream[1] &&
		       !r.scatter[1] && r.mask < 0 && dtypes[0] == dtypes[1] &&
		       p->strides[1][p->ndim - 1] == (intptr_t)ue_itemsize(dtypes[1]) && loop->data == &ue_copy_mark;
	r.bufn = r.inner < UE_BUFSIZE ? r.inner : UE_BUFSIZE;
	if ((r.streamed || gathered) && r.bufn > UE_STREAMBUF)
		r.bufn = UE_STREAMBUF;	/* the buffers stay in L1 */
	if (gathered)
		r.bufn = gather_run(p, r.gather, r.scatter, r.bufn);
	run_all(&r, &ret);
out:
	for (k = 0; k < UE_MAXOPS; k++)
		free(owned[k]);
	return ret;
}
