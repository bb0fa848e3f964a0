// SPDX-License-Identifier: GPL-2.0
/*
 * edu.c - a real DMA round trip through QEMU's edu device
 *
 * The edu PCI device (1234:11e8) is bound to uio_pci_generic and its BAR0
 * mapped through sysfs. Its DMA engine copies a pattern from the u-dma-buf
 * (at the buffer's phys_addr) into the device's 4 KiB memory and back into
 * another part of the buffer, with sync_for_device before and sync_for_cpu
 * after, as a user-space driver for an FPGA would.
 *
 * usage: edu NAME
 */
#include <dirent.h>
#include <sys/ioctl.h>
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
#define EDU_BUFFER	0x40000
#define EDU_BAR_SIZE	0x100000

static char bdf[256];
static volatile uint32_t *regs;

static int find_edu(void)
{
	return find_pci(0x1234, 0x11e8, bdf, sizeof(bdf));
}

/* Bind to uio_pci_generic, enable bus mastering, map BAR0. */
static int open_edu(void)
{
	char path[640];
	uint16_t cmd = 0;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", bdf);
	if (!exists(path))
		write_file("/sys/bus/pci/drivers/uio_pci_generic/new_id", "1234 11e8");
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDWR);
	if (fd < 0 || pread(fd, &cmd, 2, 4) != 2)
		return -1;
	cmd |= 1 << 2;	/* Bus Master Enable: without it DMA moves nothing */
	if (pwrite(fd, &cmd, 2, 4) != 2)
		return -1;
	close(fd);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0", bdf);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0)
		return -1;
	regs = mmap(NULL, EDU_BAR_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	return regs == MAP_FAILED ? -1 : 0;
}

static int edu_dma(uint32_t src, uint32_t dst, uint32_t count, uint32_t cmd)
{
	struct timespec start, now;

	regs[EDU_DMA_SRC / 4] = src;
	regs[EDU_DMA_DST / 4] = dst;
	regs[EDU_DMA_COUNT / 4] = count;
	regs[EDU_DMA_CMD / 4] = cmd | EDU_CMD_START;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (regs[EDU_DMA_CMD / 4] & EDU_CMD_START) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > 20)
			return -1;
		usleep(1000);
	}
	return 0;
}

/* One-off range sync (offset and size multiples of 16), as sysfs takes it. */
static int sync_buf(int fd, unsigned long cmd, unsigned dir, uint64_t off, uint64_t len)
{
	uint64_t v = off << 32 | (len & 0xfffffff0) | dir << 2 | 1;

	return ioctl(fd, cmd, &v);
}

TEST(edu_is_bound_and_alive)
{
	CHECK(find_edu(), "no edu device (1234:11e8) on the PCI bus");
	if (!bdf[0])
		return;
	CHECK(open_edu() == 0, "cannot bind/map edu %s: %s", bdf, strerror(errno));
	if (!regs || regs == MAP_FAILED)
		return;
	CHECK(regs[EDU_ID / 4] == 0x010000ed, "id register 0x%08x", regs[EDU_ID / 4]);
	regs[EDU_LIVENESS / 4] = 0x12345678;
	CHECK(regs[EDU_LIVENESS / 4] == ~0x12345678u, "liveness 0x%08x",
	      regs[EDU_LIVENESS / 4]);
}

TEST(dma_round_trip_through_the_device)
{
	const uint32_t out = 0x1000, back = 0x3000, len = 1024;
	unsigned long long phys = attr_u64("phys_addr");
	char dev[128];
	unsigned char *map;
	int fd, bad = 0;

	if (!regs || regs == MAP_FAILED) {
		CHECK(0, "edu not mapped");
		return;
	}
	snprintf(dev, sizeof(dev), "/dev/%s", ub_name);
	fd = open(dev, O_RDWR);
	map = mmap(NULL, 0x4000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mmap");
	if (map == MAP_FAILED)
		return;
	CHECK(phys + 0x4000 <= 0xffffffffULL, "phys_addr 0x%llx beyond edu's 32-bit mask",
	      phys);
	memset(map + back, 0, len + 64);
	for (uint32_t i = 0; i < len; i++)
		map[out + i] = (unsigned char)(i * 7 + 3);
	CHECK(sync_buf(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, 0,
		       0, 0x4000) == 0, "sync_for_device");
	CHECK(edu_dma(phys + out, EDU_BUFFER, len, 0) == 0, "DMA RAM -> device timed out");
	CHECK(edu_dma(EDU_BUFFER, phys + back, len, EDU_CMD_TO_RAM) == 0,
	      "DMA device -> RAM timed out");
	CHECK(sync_buf(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, 0,
		       0, 0x4000) == 0, "sync_for_cpu");
	for (uint32_t i = 0; i < len; i++)
		bad += map[back + i] != (unsigned char)(i * 7 + 3);
	CHECK(bad == 0, "%d of %u bytes came back wrong", bad, len);
	CHECK(map[back + len] == 0, "the device wrote past the transfer");
	munmap(map, 0x4000);
	close(fd);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s NAME\n", argv[0]);
		return 2;
	}
	ub_name = argv[1];
	t_prefix = "edu: ";
	RUN(edu_is_bound_and_alive);
	RUN(dma_round_trip_through_the_device);
	return done();
}
