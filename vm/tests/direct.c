// SPDX-License-Identifier: GPL-2.0
/*
 * direct.c - O_DIRECT between a mapped buffer and the board's scratch disk
 * (issue 11): what the two mapping modes allow.
 *
 * Page mode (quirk_mmap_mode 4) maps the buffer's struct pages, so the block
 * layer can pin them: pwrite() with O_DIRECT from the mapping to the disk and
 * pread() with O_DIRECT from the disk into the mapping must both work, and
 * the bytes must come back. The PFN mapping (quirk_mmap_mode 2, made with
 * VM_PFNMAP | VM_IO) has no pages to pin: the kernel's get_user_pages refuses
 * such a vma and O_DIRECT fails with EFAULT, while a buffered write or read
 * (a plain copy) of the same range still works.
 *
 * The buffer's first half holds a pattern (new for every run, so that bytes
 * left on the disk by an earlier run cannot pass for this one's); it goes to
 * the disk at DISK_OFFSET, then comes back into the second half. The disk
 * is $SCRATCH_DISK (vm/run gives every board one).
 *
 * usage: direct NAME SIZE --expect page|pfn [--sync-mode N] [--osync]
 *                          [--bytes N]
 *   --sync-mode N  write N to sysfs sync_mode before mapping (restored after)
 *   --osync        open /dev/NAME with O_SYNC as well
 *   --bytes N      bytes per transfer, a multiple of the page size
 *                  (default: 256 KiB, at most half the buffer)
 */
#define _GNU_SOURCE		/* O_DIRECT */
#include <sys/ioctl.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

#define DISK_OFFSET	(1ULL << 20)	/* 4096-aligned, past any label */

static int expect_page;		/* 1: --expect page, 0: --expect pfn */
static int sync_mode = -1;	/* --sync-mode, -1 leaves it alone */
static int osync;		/* --osync */
static size_t bytes;		/* per transfer */
static const char *disk;	/* $SCRATCH_DISK */
static unsigned int seed;	/* this run's pattern */

static void usage(const char *prog)
{
	fprintf(stderr, "usage: %s NAME SIZE --expect page|pfn [--sync-mode N] "
		"[--osync] [--bytes N]\n", prog);
	exit(2);
}

static void parse(int argc, char **argv)
{
	int i, expect = -1;
	char *end;

	if (argc < 3)
		usage(argv[0]);
	for (i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--expect") && i + 1 < argc) {
			i++;
			if (!strcmp(argv[i], "page"))
				expect = 1;
			else if (!strcmp(argv[i], "pfn"))
				expect = 0;
			else
				usage(argv[0]);
		} else if (!strcmp(argv[i], "--sync-mode") && i + 1 < argc) {
			sync_mode = (int)strtol(argv[++i], &end, 0);
			if (*end || sync_mode < 0 || sync_mode > 7)
				usage(argv[0]);
		} else if (!strcmp(argv[i], "--osync")) {
			osync = 1;
		} else if (!strcmp(argv[i], "--bytes") && i + 1 < argc) {
			bytes = strtoull(argv[++i], &end, 0);
			if (*end || !bytes || bytes % page_size())
				usage(argv[0]);
		} else {
			usage(argv[0]);
		}
	}
	if (expect < 0)
		usage(argv[0]);
	expect_page = expect;
}

/* The pattern byte at @i of this run. */
static unsigned char pattern(size_t i)
{
	return (unsigned char)((i * 31 + (i >> 9) + seed) ^ (seed >> 8));
}

static void fill(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = pattern(i);
}

/* Index of the first byte that is not the pattern, or n. */
static size_t first_mismatch(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != pattern(i))
			break;
	return i;
}

/* The buffer, mapped whole and shared; NULL on failure (checked). */
static unsigned char *map_buffer(int *fdp)
{
	int fd = open(dev, O_RDWR | (osync ? O_SYNC : 0));
	void *p;

	CHECK(fd >= 0, "open %s%s: %s", dev, osync ? " O_SYNC" : "", strerror(errno));
	*fdp = fd;
	if (fd < 0)
		return NULL;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap %llu bytes: %s", size, strerror(errno));
	return p == MAP_FAILED ? NULL : p;
}

static void unmap_buffer(unsigned char *p, int fd)
{
	if (p)
		munmap(p, size);
	if (fd >= 0)
		close(fd);
}

/* What the disk holds at DISK_OFFSET, read with O_DIRECT into the heap
 * (not the mapping): did a transfer really reach the disk? */
static int disk_holds_the_pattern(void)
{
	int fd = open(disk, O_RDONLY | O_DIRECT);
	void *heap = NULL;
	size_t bad = 0;
	ssize_t n;

	CHECK(fd >= 0, "open %s O_DIRECT: %s", disk, strerror(errno));
	if (fd < 0)
		return 0;
	if (posix_memalign(&heap, page_size(), bytes)) {
		close(fd);
		return 0;
	}
	n = pread(fd, heap, bytes, DISK_OFFSET);
	CHECK(n == (ssize_t)bytes, "O_DIRECT read of the disk into the heap: %zd (%s)",
	      n, strerror(errno));
	if (n == (ssize_t)bytes) {
		bad = first_mismatch(heap, bytes);
		CHECK(bad == bytes, "the disk differs from the pattern at byte %zu", bad);
	}
	free(heap);
	close(fd);
	return n == (ssize_t)bytes && bad == bytes;
}

/* ---- tests ------------------------------------------------------------ */

TEST(reports_its_mapping_mode)
{
	unsigned long long want = expect_page ? U_DMA_BUF_MMAP_MODE_PAGE :
						  U_DMA_BUF_MMAP_MODE_PFN;
	u_dma_buf_ioctl_dev_info info = { 0 };
	int fd = open(dev, O_RDONLY);

	CHECK(attr_u64("quirk_mmap_mode") == want, "sysfs quirk_mmap_mode is %lld, want %llu",
	      (long long)attr_u64("quirk_mmap_mode"), want);
	CHECK(fd >= 0, "open %s: %s", dev, strerror(errno));
	if (fd < 0)
		return;
	CHECK(ioctl(fd, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0, "GET_DEV_INFO: %s",
	      strerror(errno));
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&info) == (int)want,
	      "GET_DEV_INFO MMAP_MODE is %d, want %llu",
	      GET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&info), want);
	close(fd);
}

TEST(takes_the_sync_mode)
{
	CHECK(attr_writef("sync_mode", "%d", sync_mode) == 0, "write sync_mode %d", sync_mode);
	CHECK(attr_u64("sync_mode") == (unsigned long long)sync_mode,
	      "sync_mode reads %lld", (long long)attr_u64("sync_mode"));
}

/* Page mode: both O_DIRECT directions work on the mapping itself. */
TEST(o_direct_round_trip_through_the_mapping)
{
	int fd, dfd = -1;
	unsigned char *p = map_buffer(&fd), *half;
	ssize_t n;
	size_t bad;

	if (!p)
		goto out;
	half = p + size / 2;
	fill(p, bytes);
	memset(half, 0xa5, bytes);
	dfd = open(disk, O_RDWR | O_DIRECT);
	CHECK(dfd >= 0, "open %s O_DIRECT: %s", disk, strerror(errno));
	if (dfd < 0)
		goto out;
	errno = 0;
	n = pwrite(dfd, p, bytes, DISK_OFFSET);
	CHECK(n == (ssize_t)bytes, "O_DIRECT write from the mapping: %zd (%s)",
	      n, strerror(errno));
	if (n != (ssize_t)bytes || !disk_holds_the_pattern())
		goto out;
	errno = 0;
	n = pread(dfd, half, bytes, DISK_OFFSET);
	CHECK(n == (ssize_t)bytes, "O_DIRECT read into the mapping: %zd (%s)",
	      n, strerror(errno));
	if (n != (ssize_t)bytes)
		goto out;
	CHECK(!memcmp(half, p, bytes), "second half differs from the first");
	bad = first_mismatch(half, bytes);
	CHECK(bad == bytes, "second half differs from the pattern at byte %zu", bad);
out:
	if (dfd >= 0)
		close(dfd);
	unmap_buffer(p, fd);
}

/* PFN map: get_user_pages refuses a VM_IO | VM_PFNMAP vma, both ways. */
TEST(o_direct_on_the_pfn_mapping_fails_with_efault)
{
	int fd, dfd = -1;
	unsigned char *p = map_buffer(&fd);
	ssize_t n;

	if (!p)
		goto out;
	fill(p, bytes);
	dfd = open(disk, O_RDWR | O_DIRECT);
	CHECK(dfd >= 0, "open %s O_DIRECT: %s", disk, strerror(errno));
	if (dfd < 0)
		goto out;
	errno = 0;
	n = pwrite(dfd, p, bytes, DISK_OFFSET);
	CHECK(n == -1 && errno == EFAULT,
	      "O_DIRECT write from the PFN mapping: %zd (%s), want -1 EFAULT", n, strerror(errno));
	errno = 0;
	n = pread(dfd, p + size / 2, bytes, DISK_OFFSET);
	CHECK(n == -1 && errno == EFAULT,
	      "O_DIRECT read into the PFN mapping: %zd (%s), want -1 EFAULT", n, strerror(errno));
out:
	if (dfd >= 0)
		close(dfd);
	unmap_buffer(p, fd);
}

/* PFN map: a buffered write and read of the same range are plain copies. */
TEST(buffered_io_on_the_pfn_mapping_works)
{
	int fd, dfd = -1;
	unsigned char *p = map_buffer(&fd), *half;
	ssize_t n;
	size_t bad;

	if (!p)
		goto out;
	half = p + size / 2;
	fill(p, bytes);
	memset(half, 0xa5, bytes);
	dfd = open(disk, O_RDWR);
	CHECK(dfd >= 0, "open %s: %s", disk, strerror(errno));
	if (dfd < 0)
		goto out;
	errno = 0;
	n = pwrite(dfd, p, bytes, DISK_OFFSET);
	CHECK(n == (ssize_t)bytes, "buffered write from the mapping: %zd (%s)",
	      n, strerror(errno));
	CHECK(fsync(dfd) == 0, "fsync: %s", strerror(errno));
	if (n != (ssize_t)bytes || !disk_holds_the_pattern())
		goto out;
	errno = 0;
	n = pread(dfd, half, bytes, DISK_OFFSET);
	CHECK(n == (ssize_t)bytes, "buffered read into the mapping: %zd (%s)",
	      n, strerror(errno));
	bad = first_mismatch(half, bytes);
	CHECK(bad == bytes, "second half differs from the pattern at byte %zu", bad);
out:
	if (dfd >= 0)
		close(dfd);
	unmap_buffer(p, fd);
}

int main(int argc, char **argv)
{
	static char prefix[96];
	char mode[24] = "";
	unsigned long long old_mode = ~0ULL;
	char *args[3] = { argv[0], argv[1], argv[2] };

	parse(argc, argv);
	setup(3, args, "");
	if (sync_mode >= 0)
		snprintf(mode, sizeof(mode), ", sync_mode %d", sync_mode);
	snprintf(prefix, sizeof(prefix), "direct(%s, %s%s%s): ", ub_name,
		 expect_page ? "page" : "pfn", mode, osync ? ", O_SYNC" : "");
	t_prefix = prefix;
	if (!bytes)
		bytes = 256 * 1024;
	if (bytes > size / 2)
		bytes = (size_t)(size / 2 - (size / 2) % page_size());
	seed = (unsigned int)getpid() * 2654435761u;

	disk = getenv("SCRATCH_DISK");
	if (!disk || !*disk) {
		printf("not ok %d - %sscratch_disk # SCRATCH_DISK is not set "
		       "(vm/run gives every board one)\n", ++t_number, t_prefix);
		return 1;
	}
	if (!bytes) {
		fprintf(stderr, "%s: a %llu-byte buffer has no page per half\n",
			argv[0], size);
		return 2;
	}

	RUN(reports_its_mapping_mode);
	if (sync_mode >= 0) {
		old_mode = attr_u64("sync_mode");
		RUN(takes_the_sync_mode);
	}
	if (expect_page) {
		RUN(o_direct_round_trip_through_the_mapping);
	} else {
		RUN(o_direct_on_the_pfn_mapping_fails_with_efault);
		RUN(buffered_io_on_the_pfn_mapping_works);
	}
	if (old_mode <= 7)
		attr_writef("sync_mode", "%llu", old_mode);
	return done();
}
