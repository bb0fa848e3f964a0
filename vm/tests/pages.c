// SPDX-License-Identifier: GPL-2.0
/*
 * pages.c - every page of a buffer is the same memory through read()/write()
 * and through mmap(), and the bytes of the last page past the buffer's size.
 *
 * usage: pages NAME SIZE              the page-by-page round trips and sync
 *        pages NAME SIZE fill-tail    write 0xff past SIZE in the mapped last page
 *        pages NAME SIZE check-tail   the mapped last page is zero past SIZE
 *
 * Behind an IOMMU dma_alloc_coherent() may give pages that are contiguous
 * only in the device's address space; a driver that maps first_pfn + n then
 * shows other memory from the second page on. Each page here carries its own
 * number and a per-run seed, so a page that differs says whose data it holds.
 *
 * fill-tail and check-tail are two halves of one test run around a reload of
 * the module (vm/tests/dt-suite.sh): the same pool memory handed out again
 * must not show the bytes the previous buffer left past its size.
 */
#define _FILE_OFFSET_BITS 64
#include <sys/ioctl.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

/* NOTE: at most this many differing pages are named one by one. */
#define NAMED_PAGES 8

static size_t pg, npages;	/* page size, pages in the buffer (last may be partial) */
static uint32_t seed;
static int map_shows_other_memory;

static uint32_t random_seed(void)
{
	uint32_t s = 0;
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd < 0 || read(fd, &s, sizeof(s)) != sizeof(s))
		s = (uint32_t)getpid() * 2654435761u;
	if (fd >= 0)
		close(fd);
	return s | 1;	/* never 0: a zeroed page must not look right */
}

/* Word j of the buffer: its index xor the run's seed (so page p starts with
 * seed ^ p * words-per-page, which names the page it came from). */
static void fill(unsigned char *buf, uint32_t s)
{
	size_t words = (size + 3) / 4, j;
	uint32_t w;

	for (j = 0; j < words; j++) {
		w = s ^ (uint32_t)j;
		memcpy(buf + 4 * j, &w, size - 4 * j < 4 ? size - 4 * j : 4);
	}
}

static size_t page_len(size_t p)
{
	return p + 1 < npages ? pg : size - p * pg;
}

/* The page of this run that @got's first word comes from, or -1. */
static long whose_page(const unsigned char *got, uint32_t s)
{
	uint32_t w;

	memcpy(&w, got, 4);
	w ^= s;
	if (w % (pg / 4) || w / (pg / 4) >= npages)
		return -1;
	return (long)(w / (pg / 4));
}

/* Compare page by page; print the first few that differ; return how many do. */
static size_t differing_pages(const unsigned char *got, const unsigned char *want,
			      uint32_t s, const char *what)
{
	size_t p, bad = 0;
	uint32_t first;
	long from;

	for (p = 0; p < npages; p++) {
		if (!memcmp(got + p * pg, want + p * pg, page_len(p)))
			continue;
		if (++bad > NAMED_PAGES)
			continue;
		from = whose_page(got + p * pg, s);
		memcpy(&first, got + p * pg, 4);
		if (from >= 0)
			printf("#     %s: page %zu holds page %ld's data\n", what, p, from);
		else
			printf("#     %s: page %zu holds other memory (first word 0x%08x)\n",
			       what, p, first);
	}
	return bad;
}

static int write_all(int fd, const unsigned char *buf)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		n = pwrite(fd, buf + done, size - done, (off_t)done);
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

static int read_all(int fd, unsigned char *buf)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		n = pread(fd, buf + done, size - done, (off_t)done);
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

TEST(every_page_written_by_write_is_the_same_in_the_mapping)
{
	unsigned char *want = malloc(size), *map;
	int fd = open(dev, O_RDWR);
	size_t bad;

	CHECK(fd >= 0, "open %s: %s", dev, strerror(errno));
	if (fd < 0 || !want)
		goto out;
	fill(want, seed);
	CHECK(write_all(fd, want) == 0, "write(): %s", strerror(errno));
	/* NOTE: read-only: if the mapping shows other memory, leave it be. */
	map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mmap: %s", strerror(errno));
	if (map != MAP_FAILED) {
		bad = differing_pages(map, want, seed, "mapping");
		map_shows_other_memory = bad != 0;
		CHECK(bad == 0, "%zu of %zu pages differ between write() and the mapping",
		      bad, npages);
		printf("# write() then mmap: %zu of %zu pages differ (seed 0x%08x)\n",
		       bad, npages, seed);
		munmap(map, (size_t)size);
	}
	close(fd);
out:
	free(want);
}

TEST(every_page_written_through_the_mapping_is_the_same_in_read)
{
	unsigned char *want = malloc(size), *got = malloc(size), *map;
	uint32_t s = seed ^ 0x5a5a5a5a;
	int fd = open(dev, O_RDWR);
	size_t bad;

	/* Writing through a mapping of the wrong pages scribbles over them. */
	CHECK(!map_shows_other_memory,
	      "not run: the mapping shows other memory, and writing through it would corrupt it");
	if (map_shows_other_memory)
		goto out;
	CHECK(fd >= 0, "open %s: %s", dev, strerror(errno));
	if (fd < 0 || !want || !got)
		goto out;
	map = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mmap: %s", strerror(errno));
	if (map != MAP_FAILED) {
		fill(want, s);
		memcpy(map, want, size);
		CHECK(read_all(fd, got) == 0, "read(): %s", strerror(errno));
		bad = differing_pages(got, want, s, "read()");
		CHECK(bad == 0, "%zu of %zu pages differ between the mapping and read()",
		      bad, npages);
		printf("# mmap then read(): %zu of %zu pages differ\n", bad, npages);
		munmap(map, (size_t)size);
	}
out:
	if (fd >= 0)
		close(fd);
	free(want);
	free(got);
}

/* The whole buffer, bidirectional, through SET_SYNC_FOR_CPU/_DEVICE. */
static int sync_req(int fd, unsigned long cmd)
{
	unsigned long long v = (size + 15) & 0xfffffff0ULL;

	v |= 1;
	return ioctl(fd, cmd, &v) ? -errno : 0;
}

TEST(syncing_the_whole_buffer_succeeds_and_keeps_the_data)
{
	unsigned char *want = malloc(size), *got = malloc(size);
	uint32_t s = seed ^ 0x3c3c3c3c;
	int fd = open(dev, O_RDWR), ret;

	CHECK(fd >= 0, "open %s: %s", dev, strerror(errno));
	if (fd < 0 || !want || !got)
		goto out;
	fill(want, s);
	CHECK(write_all(fd, want) == 0, "write(): %s", strerror(errno));
	ret = sync_req(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE);
	CHECK(ret == 0, "ioctl SYNC for device: %s", strerror(-ret));
	CHECK(attr_u64("sync_owner") == 1, "sync_owner %llu after the ioctl for device",
	      attr_u64("sync_owner"));
	ret = sync_req(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU);
	CHECK(ret == 0, "ioctl SYNC for cpu: %s", strerror(-ret));
	CHECK(attr_u64("sync_owner") == 0, "sync_owner %llu after the ioctl for cpu",
	      attr_u64("sync_owner"));
	ret = attr_write("sync_for_device", "1");
	CHECK(ret == 0, "sysfs sync_for_device: %s", strerror(-ret));
	CHECK(attr_u64("sync_owner") == 1, "sync_owner %llu after sysfs sync_for_device",
	      attr_u64("sync_owner"));
	ret = attr_write("sync_for_cpu", "1");
	CHECK(ret == 0, "sysfs sync_for_cpu: %s", strerror(-ret));
	CHECK(attr_u64("sync_owner") == 0, "sync_owner %llu after sysfs sync_for_cpu",
	      attr_u64("sync_owner"));
	CHECK(read_all(fd, got) == 0, "read(): %s", strerror(errno));
	CHECK(differing_pages(got, want, s, "after sync") == 0,
	      "the data changed across the syncs");
out:
	if (fd >= 0)
		close(fd);
	free(want);
	free(got);
}

/* ---- the last page past the size -------------------------------------- */

static unsigned char *map_whole_pages(int *fd)
{
	unsigned char *map;

	*fd = open(dev, O_RDWR);
	CHECK(*fd >= 0, "open %s: %s", dev, strerror(errno));
	if (*fd < 0)
		return NULL;
	map = mmap(NULL, npages * pg, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
	CHECK(map != MAP_FAILED, "mmap of %zu whole pages: %s", npages, strerror(errno));
	if (map == MAP_FAILED) {
		close(*fd);
		return NULL;
	}
	return map;
}

TEST(fill_the_last_page_past_the_size)
{
	size_t tail = npages * pg - size;
	unsigned char *map;
	int fd;

	CHECK(tail > 0, "size %llu is a multiple of the page size: no tail to fill", size);
	map = map_whole_pages(&fd);
	if (!map)
		return;
	memset(map + size, 0xff, tail);
	printf("# %zu bytes past the size set to 0xff, phys_addr 0x%llx\n", tail,
	       attr_u64("phys_addr"));
	munmap(map, npages * pg);
	close(fd);
}

TEST(the_last_page_is_zero_past_the_size)
{
	size_t tail = npages * pg - size, i, stale = 0;
	unsigned char *map;
	int fd;

	map = map_whole_pages(&fd);
	if (!map)
		return;
	for (i = size; i < npages * pg; i++)
		stale += map[i] != 0;
	CHECK(stale == 0, "%zu of the %zu bytes past the size are not zero (phys_addr 0x%llx)",
	      stale, tail, attr_u64("phys_addr"));
	munmap(map, npages * pg);
	close(fd);
}

int main(int argc, char **argv)
{
	const char *mode = argc == 4 ? argv[3] : "";

	if (argc == 4)
		argc = 3;
	setup(argc, argv, "pages: ");
	pg = (size_t)page_size();
	npages = (size_t)((size + pg - 1) / pg);
	if (!size || size != (size_t)size) {
		fprintf(stderr, "pages: SIZE must be 1 to %zu\n", (size_t)-1);
		return 2;
	}
	if (!strcmp(mode, "fill-tail")) {
		RUN(fill_the_last_page_past_the_size);
	} else if (!strcmp(mode, "check-tail")) {
		RUN(the_last_page_is_zero_past_the_size);
	} else if (!*mode) {
		seed = random_seed();
		RUN(every_page_written_by_write_is_the_same_in_the_mapping);
		RUN(every_page_written_through_the_mapping_is_the_same_in_read);
		RUN(syncing_the_whole_buffer_succeeds_and_keeps_the_data);
	} else {
		fprintf(stderr, "pages: unknown mode '%s' (fill-tail, check-tail)\n", mode);
		return 2;
	}
	return done();
}
