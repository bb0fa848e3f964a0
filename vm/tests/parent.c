// SPDX-License-Identifier: GPL-2.0
/*
 * parent.c - buffers allocated for a parent device: QEMU's edu PCI device
 *
 * "create par0 65536 bus=pci device=<edu>" allocates par0 for the edu, so
 * that par0's phys_addr is the address the edu must use (its DMA mask, and
 * behind an IOMMU an IOVA in its domain). The test checks what the creation
 * logs and shows in sysfs, drives the edu's DMA engine (uio_pci_generic,
 * BAR0 through sysfs resource0, Bus Master Enable) RAM -> device -> RAM
 * through that address, checks the manager's refusals, then removes the edu
 * from the PCI bus under open files and mappings of par0: /dev/par0 goes,
 * mappings fault (SIGBUS), file operations fail with ENODEV, the kernel log
 * says so; a rescan brings the edu back, bound as it was.
 *
 * With --iommu (arm64 board with IOMMU=smmuv3) the edu must be in a
 * translating IOMMU group, par0's DMA address is an IOVA (shown next to the
 * physical address from /proc/self/pagemap), and a buffer NOT made for the
 * edu is out of its reach: a transfer to or from its phys_addr delivers
 * nothing.
 *
 * Every edu transfer is <= 2 KiB and stays clear of the edu buffer's last
 * byte (0x40fff: QEMU 7.2 aborts the board); every wait is bounded.
 *
 * usage: parent [--iommu]
 */
#include <dirent.h>
#include <libgen.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

#define EDU_ID		0x00
#define EDU_LIVENESS	0x04
#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98
#define EDU_CMD_START	0x1
#define EDU_CMD_TO_RAM	0x2
#define EDU_BUFFER	0x40000		/* 4 KiB; never touch 0x40fff */
#define EDU_BAR_SIZE	0x100000

#define BUF_SIZE	0x10000		/* par0, par1, unb0 */
#define XFER		1024		/* bytes per transfer */
#define POISON		0xa5
#define TIMEOUT		10		/* seconds for any one wait */

static int iommu_mode;
static char bdf[256];
static char pci_dir[512];		/* /sys/bus/pci/devices/<bdf> */
static volatile uint32_t *regs;
static char orig_driver[64];		/* the edu's driver when we came */
static int orig_bme = -1;		/* its Bus Master Enable then */
static int added_new_id;		/* we taught uio_pci_generic the edu */
static int has_group;			/* the edu has an iommu_group */

/* ---- small helpers ----------------------------------------------------- */

/* Wait up to @seconds for @pid; its wait status, or -1 if still running. */
static int wait_for(pid_t pid, int seconds)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int status, i;

	for (i = 0; i < seconds * 50; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		nanosleep(&tick, NULL);
	}
	return -1;
}

/* Write @text to @path in a child, waited for at most TIMEOUT * 3 seconds
 * (a PCI remove or rescan that hangs must not hang the suite). 0, -errno,
 * or -ETIMEDOUT. */
static int write_file_bounded(const char *path, const char *text)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(-write_file(path, text));
	if (pid < 0)
		return -errno;
	status = wait_for(pid, TIMEOUT * 3);
	if (status == -1) {
		kill(pid, SIGKILL);
		return -ETIMEDOUT;
	}
	return WIFEXITED(status) ? -WEXITSTATUS(status) : -EINTR;
}

static const char *desc(int ret)
{
	return ret ? strerror(-ret) : "success";
}

/* ---- the kernel log, every level -------------------------------------- */

static char klog[1 << 17];

/* Read what the kernel logged since @fd's mark into klog, one line per
 * record: "<level> <text>". Closes @fd. */
static void kmsg_take(int fd)
{
	char rec[2048], *text, *nl;
	size_t used = 0;
	int level;

	klog[0] = '\0';
	if (fd < 0)
		return;
	while ((level = kmsg_next(fd, rec, sizeof(rec), &text)) >= 0) {
		nl = strchr(text, '\n');
		if (nl)
			*nl = '\0';
		if (used + strlen(text) + 8 < sizeof(klog))
			used += sprintf(klog + used, "%d %s\n", level, text);
	}
	close(fd);
}

/* The first line of klog holding @a and @b (b may be NULL), copied. */
static const char *klog_line(const char *a, const char *b)
{
	static char line[1024];
	const char *p = klog, *end;

	while (*p) {
		end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		snprintf(line, sizeof(line), "%.*s", (int)(end - p), p);
		if (strstr(line, a) && (!b || strstr(line, b)))
			return line;
		p = *end ? end + 1 : end;
	}
	return NULL;
}

/* Lines of klog at error level or worse holding @a. */
static int klog_errors(const char *a)
{
	const char *p = klog;
	int count = 0;

	while (*p) {
		const char *end = strchr(p, '\n');
		char line[1024];

		if (!end)
			end = p + strlen(p);
		snprintf(line, sizeof(line), "%.*s", (int)(end - p), p);
		if (atoi(line) <= 3 && strstr(line, a))
			count++;
		p = *end ? end + 1 : end;
	}
	return count;
}

/* ---- the edu ------------------------------------------------------------ */

static int find_edu(void)
{
	int found = find_pci(0x1234, 0x11e8, bdf, sizeof(bdf));

	snprintf(pci_dir, sizeof(pci_dir), "/sys/bus/pci/devices/%s", bdf);
	return found;
}

/* The edu's driver name, or "" when unbound. */
static const char *edu_driver(void)
{
	static char name[256];
	char path[640], target[512];
	ssize_t n;

	snprintf(path, sizeof(path), "%s/driver", pci_dir);
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return "";
	target[n] = '\0';
	snprintf(name, sizeof(name), "%s", basename(target));
	return name;
}

/* Read (set < 0) or set Bus Master Enable; returns the bit before, or -1. */
static int edu_bme(int set)
{
	char path[640];
	uint16_t cmd = 0;
	int fd, old;

	snprintf(path, sizeof(path), "%s/config", pci_dir);
	fd = open(path, O_RDWR);
	if (fd < 0)
		return -1;
	if (pread(fd, &cmd, 2, 4) != 2) {
		close(fd);
		return -1;
	}
	old = !!(cmd & (1 << 2));
	if (set >= 0) {
		cmd = set ? cmd | 1 << 2 : cmd & ~(1 << 2);
		if (pwrite(fd, &cmd, 2, 4) != 2)
			old = -1;
	}
	close(fd);
	return old;
}

/* Bound to uio_pci_generic, bus mastering on, BAR0 mapped at regs. */
static int open_edu(void)
{
	char path[640];
	int fd;

	if (!edu_driver()[0]) {
		if (write_file("/sys/bus/pci/drivers/uio_pci_generic/new_id", "1234 11e8") == 0)
			added_new_id = 1;
		else
			write_file("/sys/bus/pci/drivers/uio_pci_generic/bind", bdf);
	}
	if (edu_bme(1) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/resource0", pci_dir);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0)
		return -1;
	regs = mmap(NULL, EDU_BAR_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (regs == MAP_FAILED) {
		regs = NULL;
		return -1;
	}
	return 0;
}

static void close_edu(void)
{
	if (regs)
		munmap((void *)regs, EDU_BAR_SIZE);
	regs = NULL;
}

/* One transfer, waited for at most TIMEOUT seconds; 0 or -1. */
static int edu_dma(uint64_t src, uint64_t dst, uint32_t count, uint32_t cmd)
{
	struct timespec start, now;

	if (!regs || src > 0xffffffffULL || dst > 0xffffffffULL || count > 2048)
		return -1;
	regs[EDU_DMA_SRC / 4] = (uint32_t)src;
	regs[EDU_DMA_DST / 4] = (uint32_t)dst;
	regs[EDU_DMA_COUNT / 4] = count;
	regs[EDU_DMA_CMD / 4] = cmd | EDU_CMD_START;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (regs[EDU_DMA_CMD / 4] & EDU_CMD_START) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > TIMEOUT)
			return -1;
		usleep(1000);
	}
	return 0;
}

static int edu_alive(void)
{
	if (!regs || regs[EDU_ID / 4] != 0x010000ed)
		return 0;
	regs[EDU_LIVENESS / 4] = 0x12345678;
	return regs[EDU_LIVENESS / 4] == ~0x12345678u;
}

/* ---- buffers ------------------------------------------------------------ */

struct buf {
	const char *name;
	int fd;
	unsigned char *map;
	uint64_t dma;		/* sysfs phys_addr: the address the DMA uses */
};

static int open_buf(struct buf *b, const char *name)
{
	char path[128];

	b->name = name;
	b->map = MAP_FAILED;
	b->dma = attr_u64_of(name, "phys_addr");
	snprintf(path, sizeof(path), "/dev/%s", name);
	b->fd = open(path, O_RDWR);
	if (b->fd < 0)
		return -1;
	b->map = mmap(NULL, BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, b->fd, 0);
	return b->map == MAP_FAILED ? -1 : 0;
}

static void close_buf(struct buf *b)
{
	if (b->map != MAP_FAILED)
		munmap(b->map, BUF_SIZE);
	if (b->fd >= 0)
		close(b->fd);
	b->map = MAP_FAILED;
	b->fd = -1;
}

/* One-off range sync of the whole buffer: offset 0, size BUF_SIZE. */
static int sync_buf(struct buf *b, unsigned long cmd)
{
	uint64_t v = (uint64_t)BUF_SIZE | 1;

	return ioctl(b->fd, cmd, &v);
}

/* The physical address behind @addr (faulted in), from /proc/self/pagemap;
 * 0 when not present or not shown (not root). */
static uint64_t phys_of(volatile unsigned char *addr)
{
	long ps = page_size();
	uint64_t entry = 0;
	int fd;

	(void)*addr;
	fd = open("/proc/self/pagemap", O_RDONLY);
	if (fd < 0)
		return 0;
	if (pread(fd, &entry, 8, (uintptr_t)addr / ps * 8) != 8)
		entry = 0;
	close(fd);
	if (!(entry >> 63 & 1) || !(entry & ((1ULL << 55) - 1)))
		return 0;
	return (entry & ((1ULL << 55) - 1)) * ps + (uintptr_t)addr % ps;
}

static unsigned char pattern(uint32_t i, unsigned seed)
{
	return (unsigned char)(i * 7 + seed);
}

/* Write a pattern at @out, poison @back, sync for the device, DMA
 * @out -> edu buffer @dev_off -> @back, sync for the CPU; the count of
 * bytes that came back wrong, or -1 if a step failed (@why says which). */
static int round_trip(struct buf *b, uint32_t out, uint32_t back,
		      uint32_t dev_off, unsigned seed, const char **why)
{
	int bad = 0;

	for (uint32_t i = 0; i < XFER; i++)
		b->map[out + i] = pattern(i, seed);
	memset(b->map + back, POISON, XFER + 64);
	*why = "sync_for_device";
	if (sync_buf(b, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE))
		return -1;
	*why = "DMA RAM -> device timed out";
	if (edu_dma(b->dma + out, EDU_BUFFER + dev_off, XFER, 0))
		return -1;
	*why = "DMA device -> RAM timed out";
	if (edu_dma(EDU_BUFFER + dev_off, b->dma + back, XFER, EDU_CMD_TO_RAM))
		return -1;
	*why = "sync_for_cpu";
	if (sync_buf(b, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU))
		return -1;
	*why = "";
	for (uint32_t i = 0; i < XFER; i++)
		bad += b->map[back + i] != pattern(i, seed);
	for (uint32_t i = XFER; i < XFER + 64; i++)
		bad += b->map[back + i] != POISON;	/* nothing past the end */
	return bad;
}

static struct buf par0 = { .fd = -1, .map = MAP_FAILED };

/* ---- the tests ---------------------------------------------------------- */

TEST(edu_is_found_bound_and_alive)
{
	char path[640], target[512];
	ssize_t n;

	CHECK(find_edu(), "no edu device (1234:11e8) in /sys/bus/pci/devices");
	if (!bdf[0])
		return;
	snprintf(orig_driver, sizeof(orig_driver), "%s", edu_driver());
	orig_bme = edu_bme(-1);
	printf("# edu %s, driver '%s', bus master %d\n", bdf, orig_driver, orig_bme);
	CHECK(open_edu() == 0, "cannot bind/map edu %s: %s", bdf, strerror(errno));
	CHECK(edu_alive(), "edu id/liveness registers wrong");
	snprintf(path, sizeof(path), "%s/iommu_group", pci_dir);
	has_group = exists(path);
	if (!iommu_mode)
		return;
	CHECK(has_group, "%s has no iommu_group: the edu is not behind the SMMU", pci_dir);
	if (!has_group)
		return;
	n = readlink(path, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	snprintf(path, sizeof(path), "%s/iommu_group/type", pci_dir);
	{
		char type[64] = "";
		FILE *f = fopen(path, "r");

		if (f) {
			if (!fgets(type, sizeof(type), f))
				type[0] = '\0';
			fclose(f);
		}
		type[strcspn(type, "\n")] = '\0';
		printf("# edu in iommu group %s, type %s\n", basename(target), type);
		/* NOTE: an identity domain would not translate: nothing tested */
		CHECK(!strncmp(type, "DMA", 3), "the edu's domain is '%s', not a translating DMA domain",
		      type);
	}
}

TEST(par0_is_created_for_the_edu)
{
	char cmd[400], path[256], target[512];
	u_dma_buf_ioctl_dev_info info = { 0 };
	const char *l;
	ssize_t n;
	int k, ret;

	if (!bdf[0]) {
		CHECK(0, "no edu");
		return;
	}
	snprintf(cmd, sizeof(cmd), "create par0 %d bus=pci device=%s", BUF_SIZE, bdf);
	k = kmsg_mark();
	ret = mgr(cmd);
	kmsg_take(k);
	CHECK(ret == 0, "'%s': %s", cmd, desc(ret));
	if (ret)
		return;
	CHECK(exists("/dev/par0"), "no /dev/par0");
	CHECK(attr_u64_of("par0", "size") == BUF_SIZE, "size %llu",
	      attr_u64_of("par0", "size"));
	CHECK(attr_u64_of("par0", "phys_addr") != 0 && attr_u64_of("par0", "phys_addr") != ~0ULL,
	      "phys_addr %llx", attr_u64_of("par0", "phys_addr"));
	/* the class device hangs under the edu: its "device" link is the edu */
	attr_path(path, sizeof(path), "par0", "device");
	n = readlink(path, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	CHECK(n > 0 && !strcmp(basename(target), bdf), "%s -> '%s', not the edu %s", path,
	      target, bdf);
	l = klog_line("par0: dma device", NULL);
	CHECK(l && strstr(l, bdf), "dma device line: %s", l ? l : "(none)");
	l = klog_line("par0: dma bus", NULL);
	CHECK(l && strstr(l, "= pci"), "dma bus line: %s", l ? l : "(none)");
	/* a PCI device's mask until its driver sets one: uio_pci_generic does not */
	l = klog_line("par0: dma mask", NULL);
	CHECK(l && strstr(l, "= 0x00000000ffffffff"), "dma mask line: %s", l ? l : "(none)");
	l = klog_line("par0: mmap mode", NULL);
	CHECK(l != NULL, "no mmap mode line");
	l = klog_line("par0: phys address", NULL);
	CHECK(l != NULL, "no phys address line");
	if (l) {
		snprintf(path, sizeof(path), "= 0x%llx", attr_u64_of("par0", "phys_addr"));
		CHECK(strstr(l, path), "dmesg '%s' vs sysfs phys_addr 0x%llx", l,
		      attr_u64_of("par0", "phys_addr"));
	}
	CHECK(klog_errors("par0") == 0, "error lines logged:\n%s", klog);

	CHECK(open_buf(&par0, "par0") == 0, "open/mmap /dev/par0: %s", strerror(errno));
	if (par0.fd < 0)
		return;
	CHECK(ioctl(par0.fd, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0, "GET_DEV_INFO: %s",
	      strerror(errno));
	CHECK(info.addr == par0.dma, "GET_DEV_INFO addr 0x%llx, phys_addr 0x%llx",
	      (unsigned long long)info.addr, (unsigned long long)par0.dma);
	CHECK(info.size == BUF_SIZE, "GET_DEV_INFO size %llu", (unsigned long long)info.size);
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info) == 32, "GET_DEV_INFO mask %d bits",
	      GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info));
}

/* pagemap shows no frames of VM_PFNMAP mappings (pfn mode): the address
 * comparison uses a page-mode buffer made for the edu as well. */
TEST(dma_address_and_physical_address)
{
	struct buf pag = { .fd = -1, .map = MAP_FAILED };
	char cmd[400];
	uint64_t phys, p;
	int ret, apart = 0;

	if (!bdf[0]) {
		CHECK(0, "no edu");
		return;
	}
	snprintf(cmd, sizeof(cmd), "create pag0 %d bus=pci device=%s quirk-mmap-page", BUF_SIZE,
		 bdf);
	ret = mgr(cmd);
	CHECK(ret == 0, "'%s': %s", cmd, desc(ret));
	if (ret)
		return;
	CHECK(open_buf(&pag, "pag0") == 0, "open/mmap /dev/pag0: %s", strerror(errno));
	if (pag.map != MAP_FAILED) {
		phys = phys_of(pag.map);
		for (long i = 1; i < BUF_SIZE / page_size(); i++) {
			p = phys_of(pag.map + i * page_size());
			apart += p != phys + i * page_size();
		}
		printf("# pag0 (for the edu): DMA address (sysfs phys_addr) 0x%llx, physical address of page 0 (pagemap) 0x%llx%s\n",
		       (unsigned long long)pag.dma, (unsigned long long)phys,
		       has_group ? "; the edu is behind an IOMMU" : "");
		CHECK(phys != 0, "/proc/self/pagemap shows no frame for pag0's page 0");
		CHECK(apart == 0, "%d pages not physically contiguous after page 0", apart);
		CHECK(pag.dma + BUF_SIZE - 1 <= 0xffffffffULL,
		      "DMA address 0x%llx beyond the edu's 32-bit mask", (unsigned long long)pag.dma);
		if (iommu_mode)
			CHECK(phys != pag.dma, "the DMA address is the physical address: no translation");
		else if (!has_group)
			CHECK(phys == pag.dma,
			      "without an IOMMU the DMA address should be the physical address");
	}
	close_buf(&pag);
	CHECK(mgr("delete pag0") == 0, "delete pag0");
}

TEST(dma_round_trip_through_par0)
{
	const char *why = "";
	int bad;

	if (par0.map == MAP_FAILED || !regs) {
		CHECK(0, "par0 or the edu not mapped");
		return;
	}
	bad = round_trip(&par0, 0x1000, 0x3000, 0, 3, &why);
	CHECK(bad == 0, "%d of %d bytes came back wrong (or past the end) %s", bad, XFER, why);
	/* again with another pattern and place: not stale data */
	bad = round_trip(&par0, 0x8000, 0xc000, 0x800, 101, &why);
	CHECK(bad == 0, "second trip: %d of %d bytes came back wrong %s", bad, XFER, why);
}

/* The manager refuses @cmd with @err, one error line names @name, and no
 * buffer @name is left. */
static void refused(const char *cmd, const char *name, int err)
{
	char path[256];
	int k, ret;

	k = kmsg_mark();
	ret = mgr(cmd);
	kmsg_take(k);
	CHECK(ret == -err, "'%s': %s, expected %s", cmd, desc(ret), strerror(err));
	CHECK(klog_errors(name) == 1, "'%s': %d error lines naming %s:\n%s", cmd,
	      klog_errors(name), name, klog);
	snprintf(path, sizeof(path), "/dev/%s", name);
	CHECK(!exists(path), "'%s' left %s", cmd, path);
	attr_path(path, sizeof(path), name, "size");
	CHECK(!exists(path), "'%s' left %s", cmd, path);
	if (ret == 0) {
		snprintf(path, sizeof(path), "delete %s", name);
		mgr(path);
	}
}

TEST(manager_refusals_leave_no_buffer)
{
	char cmd[400];

	refused("create ref0 65536 bus=pci device=0000:99:00.0", "ref0", ENODEV);
	refused("create ref1 65536 bus=usb device=1-1", "ref1", EINVAL);
	snprintf(cmd, sizeof(cmd), "create ref2 65536 bus=pci device=%s dma-mask=32", bdf);
	refused(cmd, "ref2", EINVAL);
	refused("create ref3 65536 bus=pci", "ref3", EINVAL);
	refused("create ref4 65536 device=no-such-platform-device", "ref4", ENODEV);
}

TEST(dma_mask_for_a_buffer_of_its_own)
{
	u_dma_buf_ioctl_dev_info info = { 0 };
	const char *l;
	int k, ret, fd;

	k = kmsg_mark();
	ret = mgr("create own0 65536 dma-mask=40");
	kmsg_take(k);
	CHECK(ret == 0, "create own0 65536 dma-mask=40: %s", desc(ret));
	if (ret)
		return;
	l = klog_line("own0: dma mask", NULL);
	CHECK(l && strstr(l, "= 0x000000ffffffffff"), "dma mask line: %s", l ? l : "(none)");
	l = klog_line("own0: dma device", NULL);
	CHECK(l && strstr(l, "= own0"), "dma device line: %s", l ? l : "(none)");
	fd = open("/dev/own0", O_RDONLY);
	CHECK(fd >= 0 && ioctl(fd, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0,
	      "GET_DEV_INFO: %s", strerror(errno));
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info) == 40, "mask %d bits",
	      GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info));
	if (fd >= 0)
		close(fd);
	CHECK(mgr("delete own0") == 0, "delete own0");
}

/* Behind the IOMMU: a buffer made for its own device (not the edu) is not
 * mapped in the edu's domain; its phys_addr means nothing to the edu. */
TEST(iommu_keeps_the_edu_off_a_buffer_not_made_for_it)
{
	struct buf unb = { .fd = -1, .map = MAP_FAILED };
	const char *l;
	uint64_t phys;
	int k, ret, bad, moved, came;

	if (par0.map == MAP_FAILED || !regs) {
		CHECK(0, "par0 or the edu not mapped");
		return;
	}
	/* page mode: pagemap shows its frames */
	ret = mgr("create unb0 65536 quirk-mmap-page");
	CHECK(ret == 0, "create unb0 65536 quirk-mmap-page: %s", desc(ret));
	if (ret)
		return;
	CHECK(open_buf(&unb, "unb0") == 0, "open/mmap /dev/unb0: %s", strerror(errno));
	if (unb.map == MAP_FAILED)
		goto out;
	phys = phys_of(unb.map);
	printf("# unb0: phys_addr 0x%llx, physical address of page 0 (pagemap) 0x%llx; par0's IOVA 0x%llx\n",
	       (unsigned long long)unb.dma, (unsigned long long)phys,
	       (unsigned long long)par0.dma);
	CHECK(phys == unb.dma, "unb0 is made for its own device (no IOMMU): phys_addr should be physical");
	CHECK(unb.dma + BUF_SIZE <= par0.dma || unb.dma >= par0.dma + BUF_SIZE,
	      "unb0's address falls inside par0's IOVA range: the test would prove nothing");
	CHECK(unb.dma + BUF_SIZE - 1 <= 0xffffffffULL, "unb0 beyond 32 bits: 0x%llx",
	      (unsigned long long)unb.dma);

	k = kmsg_mark();
	/* device -> unb0: a pattern loaded into the edu through par0 (its
	 * IOVA: allowed), then written to unb0's address (not in the domain) */
	for (uint32_t i = 0; i < XFER; i++)
		par0.map[0x1000 + i] = pattern(i, 17);
	memset(unb.map + 0x3000, POISON, XFER + 64);
	CHECK(sync_buf(&par0, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0, "sync par0");
	CHECK(sync_buf(&unb, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0, "sync unb0");
	CHECK(edu_dma(par0.dma + 0x1000, EDU_BUFFER, XFER, 0) == 0, "DMA par0 -> edu timed out");
	CHECK(edu_dma(EDU_BUFFER, unb.dma + 0x3000, XFER, EDU_CMD_TO_RAM) == 0,
	      "DMA edu -> unb0 timed out");
	CHECK(sync_buf(&unb, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU) == 0, "sync unb0 for cpu");
	moved = 0;
	for (uint32_t i = 0; i < XFER + 64; i++)
		moved += unb.map[0x3000 + i] != POISON;
	CHECK(moved == 0, "%d bytes of unb0's poisoned landing area changed: the edu reached memory outside its IOMMU domain",
	      moved);
	/* control: the same edu data does reach par0 */
	memset(par0.map + 0x3000, POISON, XFER + 64);
	CHECK(sync_buf(&par0, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0, "sync par0");
	CHECK(edu_dma(EDU_BUFFER, par0.dma + 0x3000, XFER, EDU_CMD_TO_RAM) == 0,
	      "DMA edu -> par0 timed out");
	CHECK(sync_buf(&par0, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU) == 0, "sync par0 for cpu");
	bad = 0;
	for (uint32_t i = 0; i < XFER; i++)
		bad += par0.map[0x3000 + i] != pattern(i, 17);
	CHECK(bad == 0, "control: %d bytes wrong in par0: the edu did not hold the pattern", bad);

	/* unb0 -> device: unb0's pattern (no byte 0, none equal to the edu's
	 * previous contents) read from unb0's address, then brought to par0 */
	for (uint32_t i = 0; i < XFER; i++)
		unb.map[0x1000 + i] = 0x80 | (pattern(i, 17) + 1);
	CHECK(sync_buf(&unb, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0, "sync unb0");
	CHECK(edu_dma(unb.dma + 0x1000, EDU_BUFFER, XFER, 0) == 0, "DMA unb0 -> edu timed out");
	memset(par0.map + 0x5000, POISON, XFER + 64);
	CHECK(sync_buf(&par0, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE) == 0, "sync par0");
	CHECK(edu_dma(EDU_BUFFER, par0.dma + 0x5000, XFER, EDU_CMD_TO_RAM) == 0,
	      "DMA edu -> par0 timed out");
	CHECK(sync_buf(&par0, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU) == 0, "sync par0 for cpu");
	came = 0;
	for (uint32_t i = 0; i < XFER; i++)
		came += par0.map[0x5000 + i] == unb.map[0x1000 + i];
	printf("# unb0 -> edu -> par0: %d of %d bytes are unb0's; par0 got %02x %02x %02x %02x ...\n",
	       came, XFER, par0.map[0x5000], par0.map[0x5001], par0.map[0x5002],
	       par0.map[0x5003]);
	CHECK(came == 0, "%d bytes of unb0 reached the edu through an address outside its IOMMU domain",
	      came);
	kmsg_take(k);
	l = klog_line("smmu", "event");
	printf("# kernel log after the blocked transfers: %s\n", l ? l : "(no SMMU event line)");
out:
	close_buf(&unb);
	CHECK(mgr("delete unb0") == 0, "delete unb0");
}

/* A child with par0 mapped (and its fd closed: the mapping holds the file).
 * Tells @ready when mapped; with @go >= 0 waits for a byte on it and then
 * touches once, else touches in a loop until something kills it. */
static void toucher(int ready, int go)
{
	struct rlimit none = { 0, 0 };
	volatile unsigned char *map;
	char c = 0;
	int fd;

	setrlimit(RLIMIT_CORE, &none);	/* a SIGBUS must not drop a core into the repo */
	fd = open("/dev/par0", O_RDWR);
	if (fd < 0)
		_exit(10);
	map = mmap(NULL, BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		_exit(11);
	for (long i = 0; i < BUF_SIZE; i += page_size())
		map[i] = 0x5a;		/* every page faulted in before */
	if (write(ready, "r", 1) != 1)
		_exit(12);
	if (go >= 0) {
		if (read(go, &c, 1) != 1)
			_exit(13);
		map[0x100] = map[0x200] + 1;
		_exit(0);		/* survived: the mapping still works */
	}
	for (unsigned i = 0;; i++)
		map[(i * 64) % BUF_SIZE]++;
}

static int dead_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

static const char *how(int status)
{
	static char text[64];

	if (status == -1)
		return "still running";
	if (WIFSIGNALED(status))
		snprintf(text, sizeof(text), "killed by signal %d", WTERMSIG(status));
	else
		snprintf(text, sizeof(text), "exited %d", WEXITSTATUS(status));
	return text;
}

TEST(removing_the_edu_revokes_par0)
{
	int ready[2], go[2], before, k, ret, s_once, s_loop, n, r;
	u_dma_buf_ioctl_dev_info info;
	struct pollfd pfd;
	pid_t once, loop;
	char path[640], c[2];
	uint64_t v = 1;
	void *m;
	const char *l;

	if (!bdf[0] || !exists("/dev/par0")) {
		CHECK(0, "no edu or no par0");
		return;
	}
	/* nothing of ours holds the edu or par0 but what the test sets up */
	close_buf(&par0);
	close_edu();
	before = open("/dev/par0", O_RDWR);
	CHECK(before >= 0, "open /dev/par0: %s", strerror(errno));
	if (pipe(ready) || pipe(go)) {
		CHECK(0, "pipe");
		return;
	}
	fflush(stdout);
	once = fork();
	if (once == 0) {
		close(ready[0]);
		close(go[1]);
		toucher(ready[1], go[0]);
	}
	loop = fork();
	if (loop == 0) {
		close(ready[0]);
		close(go[1]);
		toucher(ready[1], -1);
	}
	close(ready[1]);
	close(go[0]);
	CHECK(once > 0 && loop > 0, "fork");
	pfd.fd = ready[0];
	pfd.events = POLLIN;
	for (n = 0; n < 2; n += r) {
		if (poll(&pfd, 1, TIMEOUT * 1000) != 1)
			break;
		r = read(ready[0], c, 2 - n);
		if (r <= 0)
			break;
	}
	CHECK(n == 2, "the children did not map par0 (%d ready)", n);

	k = kmsg_mark();
	snprintf(path, sizeof(path), "%s/remove", pci_dir);
	ret = write_file_bounded(path, "1");
	CHECK(ret == 0, "echo 1 > %s: %s", path, desc(ret));
	/* the device is gone, and par0 with it */
	CHECK(!exists(pci_dir), "%s is still there", pci_dir);
	CHECK(!exists("/dev/par0"), "/dev/par0 is still there");
	attr_path(path, sizeof(path), "par0", "size");
	CHECK(!exists(path), "%s is still there", path);

	/* the child that waited touches once now: SIGBUS */
	CHECK(write(go[1], "g", 1) == 1, "pipe");
	s_once = wait_for(once, TIMEOUT);
	CHECK(dead_by(s_once, SIGBUS), "the child touching par0 after the removal: %s, not SIGBUS",
	      how(s_once));
	/* the one that never stopped touching: SIGBUS too */
	s_loop = wait_for(loop, TIMEOUT);
	CHECK(dead_by(s_loop, SIGBUS), "the child touching par0 through the removal: %s, not SIGBUS",
	      how(s_loop));
	if (s_once == -1)
		kill(once, SIGKILL), waitpid(once, NULL, 0);
	if (s_loop == -1)
		kill(loop, SIGKILL), waitpid(loop, NULL, 0);
	close(ready[0]);
	close(go[1]);

	/* the fd opened before: every operation ENODEV, close works */
	if (before >= 0) {
		errno = 0;
		CHECK(read(before, c, 1) == -1 && errno == ENODEV, "read: %s", strerror(errno));
		errno = 0;
		CHECK(write(before, "x", 1) == -1 && errno == ENODEV, "write: %s", strerror(errno));
		errno = 0;
		CHECK(ioctl(before, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == -1 && errno == ENODEV,
		      "GET_DEV_INFO: %s", strerror(errno));
		errno = 0;
		CHECK(ioctl(before, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -1 && errno == ENODEV,
		      "SET_SYNC_FOR_CPU: %s", strerror(errno));
		errno = 0;
		m = mmap(NULL, BUF_SIZE, PROT_READ, MAP_SHARED, before, 0);
		CHECK(m == MAP_FAILED && errno == ENODEV, "mmap: %s", strerror(errno));
		if (m != MAP_FAILED)
			munmap(m, BUF_SIZE);
		CHECK(close(before) == 0, "close: %s", strerror(errno));
	}
	kmsg_take(k);
	l = klog_line("par0", "went away");
	CHECK(l && atoi(l) == 4, "no warning-level 'went away' line for par0:\n%s", klog);
	if (l) {
		printf("# %s\n", l);
		CHECK(strstr(l, " 3 time(s)"), "expected 3 users (one fd, two mappings): %s", l);
	}
	/* nothing named par0 is left for the manager */
	ret = mgr("delete par0");
	CHECK(ret == -ENOENT, "delete par0 after the removal: %s, expected ENOENT", desc(ret));
}

TEST(rescan_brings_the_edu_back)
{
	char old[256], cmd[400], path[640];
	struct buf par1 = { .fd = -1, .map = MAP_FAILED };
	const char *why = "";
	int ret, bad;

	snprintf(old, sizeof(old), "%s", bdf);
	ret = write_file_bounded("/sys/bus/pci/rescan", "1");
	CHECK(ret == 0, "echo 1 > /sys/bus/pci/rescan: %s", desc(ret));
	CHECK(find_edu(), "no edu after the rescan");
	if (!bdf[0])
		return;
	CHECK(!strcmp(bdf, old), "the edu came back as %s, was %s", bdf, old);
	if (orig_driver[0] && strcmp(edu_driver(), orig_driver)) {
		snprintf(path, sizeof(path), "/sys/bus/pci/drivers/%s/bind", orig_driver);
		write_file(path, bdf);
	}
	printf("# edu %s back, driver '%s'\n", bdf, edu_driver());
	CHECK(open_edu() == 0, "cannot bind/map edu %s: %s", bdf, strerror(errno));
	CHECK(edu_alive(), "edu id/liveness registers wrong after the rescan");

	/* the new device serves as a parent as well */
	snprintf(cmd, sizeof(cmd), "create par1 %d bus=pci device=%s", BUF_SIZE, bdf);
	ret = mgr(cmd);
	CHECK(ret == 0, "'%s': %s", cmd, desc(ret));
	if (ret == 0) {
		CHECK(open_buf(&par1, "par1") == 0, "open/mmap /dev/par1");
		if (par1.map != MAP_FAILED) {
			bad = round_trip(&par1, 0x2000, 0x6000, 0x400, 59, &why);
			CHECK(bad == 0, "par1: %d of %d bytes came back wrong %s", bad, XFER, why);
		}
		close_buf(&par1);
		CHECK(mgr("delete par1") == 0, "delete par1");
	}
	close_edu();

	/* leave it as we found it */
	if (orig_bme >= 0)
		edu_bme(orig_bme);
	if (!orig_driver[0] && edu_driver()[0]) {
		snprintf(path, sizeof(path), "/sys/bus/pci/drivers/%s/unbind", edu_driver());
		if (added_new_id)
			write_file("/sys/bus/pci/drivers/uio_pci_generic/remove_id", "1234 11e8");
		write_file(path, bdf);
	}
	CHECK(!strcmp(edu_driver(), orig_driver), "driver '%s', was '%s'", edu_driver(),
	      orig_driver);
	CHECK(orig_bme < 0 || edu_bme(-1) == orig_bme, "bus master %d, was %d", edu_bme(-1),
	      orig_bme);
}

/*
 * A device has its DMA configuration (and IOMMU domain) only while a driver
 * is bound: the driver refuses a parent without one, and revokes a buffer
 * whose parent's driver unbinds, before the DMA operations go.
 */
TEST(unbinding_the_parent_driver_revokes_its_buffers)
{
	char cmd[400], path[640], byte;
	void *m;
	int fd;

	close_buf(&par0);
	snprintf(cmd, sizeof(cmd), "create unbd0 65536 bus=pci device=%s", bdf);
	CHECK(mgr(cmd) == 0, "%s", cmd);
	fd = open("/dev/unbd0", O_RDWR);
	CHECK(fd >= 0, "open /dev/unbd0");
	m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	close_edu();
	snprintf(path, sizeof(path), "/sys/bus/pci/drivers/%s/unbind", edu_driver());
	CHECK(write_file(path, bdf) == 0, "unbind %s", path);
	CHECK(!edu_driver()[0], "the edu still has driver '%s'", edu_driver());
	CHECK(!exists("/dev/unbd0"), "unbd0 survived its parent's unbind");
	CHECK(read(fd, &byte, 1) == -1 && errno == ENODEV, "read after the unbind: %s",
	      strerror(errno));
	CHECK(mgr(cmd) == -ENODEV, "a parent without a driver is refused");
	if (m != MAP_FAILED)
		munmap(m, 4096);	/* untouched: an access would get SIGBUS */
	close(fd);
	CHECK(open_edu() == 0, "bind uio_pci_generic again");
	CHECK(mgr(cmd) == 0, "with a driver again: %s", cmd);
	mgr("delete unbd0");
	/* par0 went with the unbind too: the removal test wants it back */
	CHECK(!exists("/dev/par0"), "par0 survived its parent's unbind");
	snprintf(cmd, sizeof(cmd), "create par0 65536 bus=pci device=%s", bdf);
	CHECK(mgr(cmd) == 0, "%s", cmd);
}

int main(int argc, char **argv)
{
	iommu_mode = argc > 1 && !strcmp(argv[1], "--iommu");
	if (argc > 2 || (argc == 2 && !iommu_mode)) {
		fprintf(stderr, "usage: %s [--iommu]\n", argv[0]);
		return 2;
	}
	t_prefix = iommu_mode ? "parent(iommu): " : "parent: ";
	RUN(edu_is_found_bound_and_alive);
	RUN(par0_is_created_for_the_edu);
	RUN(dma_address_and_physical_address);
	RUN(dma_round_trip_through_par0);
	RUN(manager_refusals_leave_no_buffer);
	RUN(dma_mask_for_a_buffer_of_its_own);
	if (iommu_mode)
		RUN(iommu_keeps_the_edu_off_a_buffer_not_made_for_it);
	RUN(unbinding_the_parent_driver_revokes_its_buffers);
	RUN(removing_the_edu_revokes_par0);
	RUN(rescan_brings_the_edu_back);
	return done();
}
