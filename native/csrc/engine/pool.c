/* SPDX-License-Identifier: MIT */
/*
 * pool.c - worker threads that share a large element-wise call.
 *
 * An element-wise call over megabytes waits on memory, and one core does
 * not reach the memory's bandwidth: two threads writing a new 8 MiB result
 * take half the time of one (measured on this project's 2-core x86_64 VM).
 * ue_parallel() cuts a call into chunks that the caller and the workers
 * claim one at a time; the caller never waits for a chunk nobody has
 * started, so a busy or missing worker costs speed, never progress. One
 * call uses the pool at a time (a second, from another thread, runs alone).
 *
 * A job is published under pool.lock: its fields, then a new generation
 * with the job open. A worker checks in (active + 1) only while the job of
 * the generation it woke for is open, then reads the fields; the caller,
 * when every chunk is done, closes the job and waits until active is 0, so
 * no worker can be reading a job's fields once the caller returns.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>

#include "engine.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define relax() _mm_pause()
#elif defined(__aarch64__) || (defined(__arm__) && __ARM_ARCH >= 7)
#define relax() __asm__ __volatile__("yield")
#else
#define relax() do { } while (0)
#endif

#define SPIN_NS 100000	/* a worker polls for the next job this long before it sleeps */

#define OPEN (1ull << 31)	/* state: the job of this generation takes check-ins */

static struct {
	pthread_mutex_t busy;	/* held by the one call that uses the pool */
	pthread_mutex_t lock;	/* guards the sleep/wake handshake */
	pthread_cond_t wake;
	int threads;		/* wanted, the caller included */
	int started;		/* workers running (guarded by busy) */
	uint64_t born[UE_MAXTHREADS];	/* the generation before each worker's first job */
	/* the job: written by the caller while no worker is checked in */
	void (*fn)(void *ctx, intptr_t chunk, int tid);
	void *ctx;
	intptr_t chunks;
	int lanes;		/* threads with a tid below this take part */
	intptr_t next;		/* the next chunk to claim (atomic) */
	intptr_t done;		/* chunks finished (atomic) */
	uint64_t state;		/* generation << 32 | OPEN | workers checked in (atomic) */
	unsigned long jobs;	/* jobs published to the workers (atomic) */
} pool = {
	.busy = PTHREAD_MUTEX_INITIALIZER,
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.wake = PTHREAD_COND_INITIALIZER,
	.threads = 1,
};

/* Claim and run chunks of the current job as @tid until none is left. */
static void work(int tid)
{
	intptr_t c;

	while ((c = __atomic_fetch_add(&pool.next, 1, __ATOMIC_RELAXED)) < pool.chunks) {
		pool.fn(pool.ctx, c, tid);
		__atomic_fetch_add(&pool.done, 1, __ATOMIC_RELEASE);
	}
}

/* Check in to the job of generation @gen; 0 if it is closed or gone. */
static int check_in(uint64_t gen)
{
	uint64_t s = __atomic_load_n(&pool.state, __ATOMIC_ACQUIRE);

	for (;;) {
		if (s >> 32 != gen || !(s & OPEN))
			return 0;
		if (__atomic_compare_exchange_n(&pool.state, &s, s + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return 1;
	}
}

static int64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/*
 * Poll for a generation other than @seen for a while; 0 if none came.
 * Between rounds of pauses the core goes to any thread that wants it: V8
 * scavenges and sweeps freed ArrayBuffers on threads of its own, and on this
 * project's 2-core VM a worker that only paused kept them off a core. A loop
 * of np.copy() of a 1080p frame then took 8-21 major GCs per 2000 calls (the
 * sweeper fell behind: external memory pressure) instead of 1-4, 0.13-0.16
 * ms per scavenge instead of 0.09-0.12, and 244-328 µs per call instead of
 * 177-262 (numpy 165-200).
 */
static int poll_job(uint64_t seen)
{
	int64_t until = now_ns() + SPIN_NS;

	do {
		for (int i = 0; i < 64; i++) {
			if (__atomic_load_n(&pool.state, __ATOMIC_ACQUIRE) >> 32 != seen)
				return 1;
			relax();
		}
		sched_yield();
	} while (now_ns() < until);
	return 0;
}

static void *worker(void *arg)
{
	int tid = (int)(intptr_t)arg;
	uint64_t seen = pool.born[tid];

	for (;;) {
		uint64_t gen;

		if (!poll_job(seen)) {
			pthread_mutex_lock(&pool.lock);
			while (__atomic_load_n(&pool.state, __ATOMIC_ACQUIRE) >> 32 == seen)
				pthread_cond_wait(&pool.wake, &pool.lock);
			pthread_mutex_unlock(&pool.lock);
		}
		gen = __atomic_load_n(&pool.state, __ATOMIC_ACQUIRE) >> 32;
		seen = gen;
		if (tid >= __atomic_load_n(&pool.lanes, __ATOMIC_RELAXED) || !check_in(gen))
			continue;
		work(tid);
		__atomic_fetch_sub(&pool.state, 1, __ATOMIC_RELEASE);
	}
	return NULL;
}

/* Start workers until @threads run, the caller included (under pool.busy). */
static void start_workers(int threads)
{
	while (pool.started + 1 < threads && pool.started + 1 < UE_MAXTHREADS) {
		pthread_attr_t attr;
		pthread_t t;
		int err;

		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		pthread_attr_setstacksize(&attr, 256 << 10);
		pool.born[pool.started + 1] = __atomic_load_n(&pool.state, __ATOMIC_RELAXED) >> 32;
		err = pthread_create(&t, &attr, worker, (void *)(intptr_t)(pool.started + 1));
		pthread_attr_destroy(&attr);
		if (err)
			break;
		pool.started++;
	}
}

int ue_set_threads(int n)
{
	int old = __atomic_load_n(&pool.threads, __ATOMIC_RELAXED);

	if (n < 1)
		n = 1;
	if (n > UE_MAXTHREADS)
		n = UE_MAXTHREADS;
	__atomic_store_n(&pool.threads, n, __ATOMIC_RELAXED);
	return old;
}

unsigned long ue_pool_jobs(void)
{
	return __atomic_load_n(&pool.jobs, __ATOMIC_RELAXED);
}

int ue_threads(void)
{
	return __atomic_load_n(&pool.threads, __ATOMIC_RELAXED);
}

static void run_alone(void (*fn)(void *, intptr_t, int), void *ctx, intptr_t chunks)
{
	for (intptr_t c = 0; c < chunks; c++)
		fn(ctx, c, 0);
}

void ue_parallel(intptr_t chunks, int threads, void (*fn)(void *ctx, intptr_t chunk, int tid), void *ctx)
{
	uint64_t s;

	if (chunks < 2 || threads < 2 || pthread_mutex_trylock(&pool.busy) != 0) {
		run_alone(fn, ctx, chunks);
		return;
	}
	start_workers(threads);
	if (!pool.started) {
		pthread_mutex_unlock(&pool.busy);
		run_alone(fn, ctx, chunks);
		return;
	}
	pool.fn = fn;
	pool.ctx = ctx;
	pool.chunks = chunks;
	__atomic_store_n(&pool.lanes, threads, __ATOMIC_RELAXED);
	__atomic_store_n(&pool.next, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&pool.done, 0, __ATOMIC_RELAXED);
	pthread_mutex_lock(&pool.lock);
	s = __atomic_load_n(&pool.state, __ATOMIC_RELAXED);
	__atomic_store_n(&pool.state, (((s >> 32) + 1) << 32) | OPEN, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&pool.wake);
	pthread_mutex_unlock(&pool.lock);
	__atomic_fetch_add(&pool.jobs, 1, __ATOMIC_RELAXED);

	work(0);
	while (__atomic_load_n(&pool.done, __ATOMIC_ACQUIRE) < chunks)
		relax();
	__atomic_fetch_and(&pool.state, ~OPEN, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&pool.state, __ATOMIC_ACQUIRE) & (OPEN - 1))
		relax();
	pthread_mutex_unlock(&pool.busy);
}
