/* SPDX-License-Identifier: MIT */
/*
 * coldwrite.c - how fast this machine writes a new 6 MB result (a 1080p
 * RGB frame), into a block the caches still hold and into blocks they do
 * not, with plain and with non-temporal stores, on one thread and two.
 *
 * Why: numpy's malloc hands a loop of `a + b` back the block it has just
 * freed, which the caches hold; V8 frees a result only at a scavenge, every
 * ~32 MiB of new buffers, so np writes each new result to a block the
 * caches no longer hold. "rotation 6" below is that case, "rotation 1"
 * numpy's. The README's Speed section quotes these figures.
 *
 *   gcc -O2 -pthread -o build/coldwrite bench/coldwrite.c && build/coldwrite
 *
 * x86_64 with AVX-512 only (the project's bench machine). Each figure is
 * the best of 5 rounds of 60 writes.
 */
#define _GNU_SOURCE
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SIZE (6u << 20)
#define BLOCKS 6
#define WRITES 60

typedef void (*write_fn)(char *dst, const char *src, size_t n);

static char *src, *dst[BLOCKS];

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

__attribute__((target("avx512f"))) static void stream512(char *d, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 64)
		_mm512_stream_si512((__m512i *)(d + i), _mm512_loadu_si512(s + i));
}

__attribute__((target("avx512f"))) static void plain512(char *d, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 64)
		_mm512_store_si512((__m512i *)(d + i), _mm512_loadu_si512(s + i));
}

static void movsb(char *d, const char *s, size_t n)
{
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

struct half {
	write_fn f;
	int rotation, part, parts;
	pthread_barrier_t *go;
};

/* This thread's part of every write, in step with the other thread. */
static void *writes(void *arg)
{
	const struct half *h = arg;
	size_t n = SIZE / (size_t)h->parts, at = n * (size_t)h->part;

	for (int k = 0; k < WRITES; k++) {
		if (h->go)
			pthread_barrier_wait(h->go);
		h->f(dst[k % h->rotation] + at, src + at, n);
	}
	_mm_sfence();
	return NULL;
}

/* µs per 6 MB write: the best of 5 rounds. */
static double time_writes(write_fn f, int threads, int rotation)
{
	double best = 1e9;

	for (int r = 0; r < 5; r++) {
		pthread_barrier_t go;
		pthread_t other;
		struct half a = { f, rotation, 0, threads, threads > 1 ? &go : NULL }, b = a;
		double t0;

		b.part = 1;
		if (threads > 1) {
			pthread_barrier_init(&go, NULL, 2);
			pthread_create(&other, NULL, writes, &b);
		}
		t0 = now();
		writes(&a);
		if (threads > 1) {
			pthread_join(other, NULL);
			pthread_barrier_destroy(&go);
		}
		if ((now() - t0) / WRITES < best)
			best = (now() - t0) / WRITES;
	}
	return best * 1e6;
}

int main(void)
{
	static const struct {
		const char *name;
		write_fn f;
	} ways[] = { { "non-temporal", stream512 }, { "plain", plain512 }, { "rep movsb", movsb } };

	__builtin_cpu_init();
	if (!__builtin_cpu_supports("avx512f")) {
		fprintf(stderr, "coldwrite: this CPU has no AVX-512; the figures are for the bench machine\n");
		return 1;
	}
	src = aligned_alloc(64, SIZE);
	memset(src, 1, SIZE);
	for (int i = 0; i < BLOCKS; i++) {
		dst[i] = aligned_alloc(64, SIZE);
		memset(dst[i], 0, SIZE);
	}
	printf("6 MB writes, µs each (best of 5 rounds of %d)\n", WRITES);
	for (int rotation = 1; rotation <= BLOCKS; rotation += BLOCKS - 1)
		for (size_t i = 0; i < sizeof(ways) / sizeof(ways[0]); i++)
			printf("%-12s %s: 1 thread %4.0f, 2 threads %4.0f\n", ways[i].name,
			       rotation == 1 ? "into one block (cached)   " : "into 6 blocks in turn (cold)",
			       time_writes(ways[i].f, 1, rotation), time_writes(ways[i].f, 2, rotation));
	return 0;
}
