// SPDX-License-Identifier: GPL-2.0
/*
 * zdma.c - a ZynqMP GDMA channel copies one u-dma-buf into another
 *
 * The ZynqMP's general-purpose DMA (GDMA, "ZDMA" in the TRM) has eight
 * channels at 0xfd500000 + n * 0x10000, one 4 KiB register page each. With no
 * kernel driver for it, user space maps a channel's registers through
 * /dev/mem (as PYNQ's MMIO does), programs a simple-mode (register
 * descriptor) memory-to-memory copy between the two buffers' phys_addr,
 * polls for completion and checks the data, with sync_for_device before and
 * sync_for_cpu after, as a user-space driver for a SoC DMA engine would.
 *
 * usage: zdma SRC_NAME DST_NAME CHANNEL
 */
#include <sys/ioctl.h>
#include <time.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

#define GDMA_BASE		0xfd500000UL
#define GDMA_CHANNEL_STRIDE	0x10000UL
#define GDMA_PAGE		0x1000UL

/* Channel registers (ZynqMP TRM, ZDMA module), byte offsets. */
#define ZDMA_CH_ISR		0x100	/* write 1 to clear */
#define ZDMA_CH_IDS		0x10c	/* write 1 to mask */
#define ZDMA_CH_CTRL0		0x110
#define ZDMA_CH_STATUS		0x11c
#define ZDMA_CH_SRC_DSCR_WORD0	0x128	/* address, low 32 bits */
#define ZDMA_CH_SRC_DSCR_WORD1	0x12c	/* address, bits 48:32 */
#define ZDMA_CH_SRC_DSCR_WORD2	0x130	/* size in bytes (30 bits) */
#define ZDMA_CH_SRC_DSCR_WORD3	0x134	/* CMD, INTR, TYPE, COHRNT */
#define ZDMA_CH_DST_DSCR_WORD0	0x138
#define ZDMA_CH_DST_DSCR_WORD1	0x13c
#define ZDMA_CH_DST_DSCR_WORD2	0x140
#define ZDMA_CH_DST_DSCR_WORD3	0x144
#define ZDMA_CH_TOTAL_BYTE	0x188	/* write 1 to clear */
#define ZDMA_CH_CTRL2		0x200

#define ISR_ALL			0xfff
#define ISR_DMA_DONE		(1u << 10)
#define ISR_ERRORS		0x3f9	/* AXI and accounting errors, INV_APB */
#define CTRL0_POINT_TYPE_MEM	(1u << 6)	/* 0: descriptors in registers */
#define CTRL0_MODE		(3u << 4)	/* 0: read and write */
#define CTRL2_EN		1u
#define STATUS_STATE		3u
#define STATE_ENABLED		1u
#define STATE_ERROR		3u

static const char *src_name, *dst_name;
static unsigned channel;
static volatile uint32_t *regs;

static uint32_t rd(unsigned off)
{
	return regs[off / 4];
}

static void wr(unsigned off, uint32_t val)
{
	regs[off / 4] = val;
}

/* One-off range sync; the ioctl takes 16-byte granules: widen to them. */
static int sync_buf(int fd, unsigned long cmd, unsigned dir, uint64_t off, uint64_t len)
{
	uint64_t end = (off + len + 15) & ~15ULL, v;

	off &= ~15ULL;
	v = off << 32 | ((end - off) & 0xfffffff0) | dir << 2 | 1;

	return ioctl(fd, cmd, &v);
}

/*
 * One simple-mode copy of len bytes; 0 when DMA_DONE came and no error bit,
 * -1 on timeout (5 s), -2 on an error state. *isr gets the last ISR.
 */
static int zdma_copy(uint64_t src, uint64_t dst, uint32_t len, uint32_t *isr)
{
	struct timespec start, now;

	wr(ZDMA_CH_IDS, ISR_ALL);		/* no interrupts: we poll */
	wr(ZDMA_CH_ISR, ISR_ALL);		/* clear what an earlier run left */
	wr(ZDMA_CH_TOTAL_BYTE, rd(ZDMA_CH_TOTAL_BYTE));
	wr(ZDMA_CH_CTRL0, rd(ZDMA_CH_CTRL0) & ~(CTRL0_POINT_TYPE_MEM | CTRL0_MODE));
	wr(ZDMA_CH_SRC_DSCR_WORD0, (uint32_t)src);
	wr(ZDMA_CH_SRC_DSCR_WORD1, (uint32_t)(src >> 32) & 0x1ffff);
	wr(ZDMA_CH_SRC_DSCR_WORD2, len);
	wr(ZDMA_CH_SRC_DSCR_WORD3, 0);
	wr(ZDMA_CH_DST_DSCR_WORD0, (uint32_t)dst);
	wr(ZDMA_CH_DST_DSCR_WORD1, (uint32_t)(dst >> 32) & 0x1ffff);
	wr(ZDMA_CH_DST_DSCR_WORD2, len);
	wr(ZDMA_CH_DST_DSCR_WORD3, 0);
	wr(ZDMA_CH_CTRL2, CTRL2_EN);		/* go */
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		*isr = rd(ZDMA_CH_ISR);
		if ((rd(ZDMA_CH_STATUS) & STATUS_STATE) == STATE_ERROR || (*isr & ISR_ERRORS))
			return -2;
		if ((*isr & ISR_DMA_DONE) &&
		    (rd(ZDMA_CH_STATUS) & STATUS_STATE) != STATE_ENABLED)
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > 5)
			return -1;
		usleep(100);
	}
}

TEST(no_kernel_driver_owns_the_channel)
{
	char path[256];

	snprintf(path, sizeof(path),
		 "/sys/bus/platform/devices/%lx.dma-controller/driver",
		 GDMA_BASE + channel * GDMA_CHANNEL_STRIDE);
	CHECK(!exists(path), "a kernel driver owns GDMA channel %u (%s)", channel, path);
	/* channel 0 keeps its node: Debian's kernel binds nothing to it either */
	CHECK(exists("/sys/bus/platform/devices/fd500000.dma-controller"),
	      "no platform device for GDMA channel 0");
	CHECK(!exists("/sys/bus/platform/devices/fd500000.dma-controller/driver"),
	      "a kernel driver owns GDMA channel 0");
}

TEST(dev_mem_maps_the_channel_registers)
{
	off_t base = GDMA_BASE + channel * GDMA_CHANNEL_STRIDE;
	int fd = open("/dev/mem", O_RDWR | O_SYNC);
	void *p;

	CHECK(fd >= 0, "open /dev/mem: %s", strerror(errno));
	if (fd < 0)
		return;
	p = mmap(NULL, GDMA_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, base);
	close(fd);
	CHECK(p != MAP_FAILED, "mmap /dev/mem at 0x%lx: %s", (unsigned long)base,
	      strerror(errno));
	if (p == MAP_FAILED)
		return;
	regs = p;
	CHECK((rd(ZDMA_CH_STATUS) & STATUS_STATE) != STATE_ENABLED,
	      "channel %u busy before the test (STATUS 0x%x)", channel, rd(ZDMA_CH_STATUS));
}

/* CONFIG_STRICT_DEVMEM: RAM (a u-dma-buf included) is not /dev/mem's to map. */
TEST(dev_mem_refuses_ram)
{
	unsigned long long phys = attr_u64_of(src_name, "phys_addr");
	int fd = open("/dev/mem", O_RDWR | O_SYNC);
	void *p;

	if (fd < 0) {
		CHECK(0, "open /dev/mem: %s", strerror(errno));
		return;
	}
	p = mmap(NULL, GDMA_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, phys);
	CHECK(p == MAP_FAILED && errno == EPERM,
	      "/dev/mem mapped RAM at 0x%llx (%s): the buffer's device is the way in",
	      phys, p == MAP_FAILED ? strerror(errno) : "mapped");
	if (p != MAP_FAILED)
		munmap(p, GDMA_PAGE);
	close(fd);
}

struct buf {
	int fd;
	unsigned char *map;
	unsigned long long phys, size;
};

static int open_buf(struct buf *b, const char *name)
{
	char path[128];

	b->phys = attr_u64_of(name, "phys_addr");
	b->size = attr_u64_of(name, "size");
	snprintf(path, sizeof(path), "/dev/%s", name);
	b->fd = open(path, O_RDWR);
	if (b->fd < 0 || b->size == ~0ULL)
		return -1;
	b->map = mmap(NULL, b->size, PROT_READ | PROT_WRITE, MAP_SHARED, b->fd, 0);
	return b->map == MAP_FAILED ? -1 : 0;
}

static void close_buf(struct buf *b)
{
	if (b->map && b->map != MAP_FAILED)
		munmap(b->map, b->size);
	if (b->fd >= 0)
		close(b->fd);
}

/* src[soff..] -> dst[doff..], len bytes, with the syncs and the checks. */
static void copy_and_check(struct buf *s, uint64_t soff, struct buf *d, uint64_t doff,
			   uint32_t len, unsigned seed)
{
	const uint32_t guard = 4096;
	uint32_t isr = 0, bad = 0, i;
	int r;

	for (i = 0; i < len; i++)
		s->map[soff + i] = (unsigned char)(i * 13 + seed);
	/* poison: what the engine does not write stays 0xa5 */
	memset(d->map + doff, 0xa5, len + guard);
	CHECK(sync_buf(s->fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, 1, soff, len) == 0,
	      "sync_for_device (source): %s", strerror(errno));
	CHECK(sync_buf(d->fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, 2, doff, len + guard) == 0,
	      "sync_for_device (destination): %s", strerror(errno));
	r = zdma_copy(s->phys + soff, d->phys + doff, len, &isr);
	CHECK(r == 0, "copy 0x%llx -> 0x%llx (%u bytes): %s, ISR 0x%x STATUS 0x%x",
	      s->phys + soff, d->phys + doff, len,
	      r == -1 ? "no DMA_DONE within 5 s" : r == -2 ? "error" : "?", isr,
	      rd(ZDMA_CH_STATUS));
	CHECK(sync_buf(d->fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, 2, doff, len + guard) == 0,
	      "sync_for_cpu: %s", strerror(errno));
	CHECK(rd(ZDMA_CH_TOTAL_BYTE) == len, "TOTAL_BYTE %u, want %u",
	      rd(ZDMA_CH_TOTAL_BYTE), len);
	CHECK((rd(ZDMA_CH_CTRL2) & CTRL2_EN) == 0, "CTRL2.EN still set after the copy");
	for (i = 0; i < len; i++)
		bad += d->map[doff + i] != (unsigned char)(i * 13 + seed);
	CHECK(bad == 0, "%u of %u bytes arrived wrong (first: 0x%02x)", bad, len,
	      d->map[doff]);
	for (i = 0, bad = 0; i < guard; i++)
		bad += d->map[doff + len + i] != 0xa5;
	CHECK(bad == 0, "the engine wrote %u bytes past the transfer", bad);
}

TEST(copies_one_buffer_into_the_other)
{
	struct buf s = { .fd = -1 }, d = { .fd = -1 };

	if (!regs) {
		CHECK(0, "channel registers not mapped");
		return;
	}
	CHECK(open_buf(&s, src_name) == 0, "cannot map %s: %s", src_name, strerror(errno));
	CHECK(open_buf(&d, dst_name) == 0, "cannot map %s: %s", dst_name, strerror(errno));
	if (s.map && s.map != MAP_FAILED && d.map && d.map != MAP_FAILED) {
		/* 64 KiB at the start, then an odd size at odd offsets */
		copy_and_check(&s, 0, &d, 0, 0x10000, 1);
		copy_and_check(&s, 0x20010, &d, 0x100230, 12345, 7);
	}
	close_buf(&s);
	close_buf(&d);
}

TEST(copies_back_the_other_way)
{
	struct buf s = { .fd = -1 }, d = { .fd = -1 };

	if (!regs) {
		CHECK(0, "channel registers not mapped");
		return;
	}
	CHECK(open_buf(&s, dst_name) == 0, "cannot map %s", dst_name);
	CHECK(open_buf(&d, src_name) == 0, "cannot map %s", src_name);
	if (s.map && s.map != MAP_FAILED && d.map && d.map != MAP_FAILED)
		copy_and_check(&s, 0x200000, &d, 0x80000, 0x40000, 3);	/* 256 KiB */
	close_buf(&s);
	close_buf(&d);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s SRC_NAME DST_NAME CHANNEL\n", argv[0]);
		return 2;
	}
	src_name = argv[1];
	dst_name = argv[2];
	channel = strtoul(argv[3], NULL, 0);
	t_prefix = "zdma: ";
	RUN(no_kernel_driver_owns_the_channel);
	RUN(dev_mem_maps_the_channel_registers);
	RUN(dev_mem_refuses_ram);
	RUN(copies_one_buffer_into_the_other);
	RUN(copies_back_the_other_way);
	return done();
}
