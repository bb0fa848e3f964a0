/* SPDX-License-Identifier: MIT */
/*
 * registry.c - every inner loop, numbered, found by ufunc name and signature.
 *
 * Each loops_*.c file exports one table; the tables are listed here by
 * name, as weak references, so that a table not (yet) built in is simply
 * absent. The numbering is fixed at load: JavaScript resolves a (ufunc,
 * signature) pair to an index once and calls by index afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include "types.h"

#define UE_WEAK __attribute__((weak))

extern const struct ue_loop ue_loops_arith_neon[] UE_WEAK;
extern const struct ue_loop ue_loops_math[] UE_WEAK;
extern const struct ue_loop ue_loops_reduce[] UE_WEAK;
extern const struct ue_loop ue_loops_sort[] UE_WEAK;

#if defined(__arm__)
#include <sys/auxv.h>
#ifndef HWCAP_NEON
#define HWCAP_NEON (1 << 12)
#endif
static int ue_arm_has_neon(void)
{
	return (getauxval(AT_HWCAP) & HWCAP_NEON) != 0;
}
#endif

#define UE_MAXLOOPS 4096

static const struct ue_loop *all[UE_MAXLOOPS];
static int count = -1;

static void collect(const struct ue_loop *table)
{
	for (; table && table->ufunc && count < UE_MAXLOOPS; table++)
		all[count++] = table;
}

static void load(void)
{
	if (count >= 0)
		return;
	count = 0;
	collect(ue_loops_cast);
#if defined(__arm__)
	/* the NEON build of the arithmetic loops, where the CPU has NEON */
	if (ue_loops_arith_neon && ue_arm_has_neon())
		collect(ue_loops_arith_neon);
	else
#endif
		collect(ue_loops_arith);
	collect(ue_loops_math);
	collect(ue_loops_reduce);
	collect(ue_loops_sort);
}

__attribute__((constructor)) static void ue_registry_init(void)
{
	load();
}

int ue_loop_index(const char *ufunc, const char *sig)
{
	int i;

	load();
	for (i = 0; i < count; i++)
		if (strcmp(all[i]->ufunc, ufunc) == 0 && strcmp(all[i]->sig, sig) == 0)
			return i;
	return -1;
}

const struct ue_loop *ue_loop_at(int index)
{
	load();
	return index >= 0 && index < count ? all[index] : NULL;
}

const struct ue_loop *ue_find_loop(const char *ufunc, const char *sig)
{
	return ue_loop_at(ue_loop_index(ufunc, sig));
}

size_t ue_itemsize(int dtype)
{
	static const unsigned char sizes[UE_NTYPES] = { 1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8 };

	return dtype >= 0 && dtype < UE_NTYPES ? sizes[dtype] : 0;
}

int ue_dtype_of_char(char c)
{
	const char *p = c ? strchr(UE_TYPE_CHARS, c) : NULL;

	return p ? (int)(p - UE_TYPE_CHARS) : -1;
}

const char *ue_cpu_features(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx512f"))
		return "avx512f";
	if (__builtin_cpu_supports("avx2"))
		return "avx2";
	return "sse2";
#elif defined(__aarch64__)
	return "asimd";
#elif defined(__arm__)
	return ue_loops_arith_neon && ue_arm_has_neon() ? "neon" : "vfp";
#else
	return "generic";
#endif
}
