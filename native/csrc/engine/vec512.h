/* SPDX-License-Identifier: MIT */
/*
 * vec512.h - what the engine's own AVX-512 routines (pow_vec.c, hyp_vec.c, scatter_vec.c)
 * share: the targets they are compiled for and the run-time checks for them.
 */
#ifndef UE_VEC512_H
#define UE_VEC512_H

#if defined(__x86_64__) && defined(__GNUC__)

#define V512_TARGET __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,fma")))
/* the steps inline into the loops (GCC would call them, reloading the tables each time) */
#define V512_INLINE V512_TARGET __attribute__((always_inline)) static inline

/* 1 when the CPU has what V512_TARGET code uses (asked once) */
static inline int v512_cpu(void)
{
	static int have = -1;
	int h = __atomic_load_n(&have, __ATOMIC_RELAXED);

	if (h < 0) {
		__builtin_cpu_init();
		h = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
		    __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
		__atomic_store_n(&have, h, __ATOMIC_RELAXED);
	}
	return h;
}

/* byte permutes (vpermb) as well: scatter_vec.c */
#define V512_VBMI_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi")))

/* 1 when the CPU also has VBMI (asked once) */
static inline int v512_vbmi_cpu(void)
{
	static int have = -1;
	int h = __atomic_load_n(&have, __ATOMIC_RELAXED);

	if (h < 0) {
		__builtin_cpu_init();
		h = v512_cpu() && __builtin_cpu_supports("avx512vbmi");
		__atomic_store_n(&have, h, __ATOMIC_RELAXED);
	}
	return h;
}

#endif

#endif
