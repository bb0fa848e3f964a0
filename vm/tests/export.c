// SPDX-License-Identifier: GPL-2.0
/*
 * export.c - U_DMA_BUF_IOCTL_EXPORT: a dma-buf of a range of a buffer,
 * mapped and synced through the dma-buf's own interface, and a buffer that
 * cannot be deleted while one lives. Uses a buffer it makes through the
 * manager.
 *
 * usage: export
 */
#include <stdint.h>
#include <sys/ioctl.h>
#include <linux/dma-buf.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

#define NAME	"export0"
#define SIZE	(256 * 1024ULL)

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? -errno : 0;
}

static int export_range(int fd, uint64_t off, uint64_t len, int flags,
			u_dma_buf_ioctl_export_args *a)
{
	memset(a, 0, sizeof(*a));
	a->offset = off;
	a->size = len;
	a->fd = -1;
	SET_U_DMA_BUF_IOCTL_FLAGS_EXPORT_FD_FLAGS(a, flags);
	return xioctl(fd, U_DMA_BUF_IOCTL_EXPORT, a);
}

TEST(export_maps_the_same_memory)
{
	u_dma_buf_ioctl_export_args a;
	struct dma_buf_sync s = { 0 };
	int fd = open("/dev/" NAME, O_RDWR);
	unsigned char *dev_map, *buf_map;
	long page = page_size();
	unsigned long long phys = attr_u64_of(NAME, "phys_addr");
	int bad = 0;

	dev_map = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(dev_map != MAP_FAILED, "mmap the device");
	for (unsigned i = 0; i < SIZE; i++)
		dev_map[i] = (unsigned char)(i * 13 + 5);
	CHECK(export_range(fd, 4 * page, 8 * page, O_RDWR | O_CLOEXEC, &a) == 0,
	      "EXPORT: %s", strerror(errno));
	CHECK(a.fd >= 0, "fd %d", a.fd);
	CHECK(a.addr == phys + 4 * page, "addr 0x%llx, want 0x%llx",
	      (unsigned long long)a.addr, phys + 4 * page);
	CHECK(fcntl(a.fd, F_GETFD) & FD_CLOEXEC, "O_CLOEXEC not applied");
	CHECK(lseek(a.fd, 0, SEEK_END) == 8 * page, "dma-buf size");

	buf_map = mmap(NULL, 8 * page, PROT_READ | PROT_WRITE, MAP_SHARED, a.fd, 0);
	CHECK(buf_map != MAP_FAILED, "mmap the dma-buf: %s", strerror(errno));
	if (buf_map != MAP_FAILED) {
		s.flags = DMA_BUF_SYNC_START | DMA_BUF_SYNC_RW;
		CHECK(xioctl(a.fd, DMA_BUF_IOCTL_SYNC, &s) == 0, "SYNC_START");
		CHECK(attr_u64_of(NAME, "sync_owner") == 0, "owner after START");
		for (long i = 0; i < 8 * page; i++)
			bad += buf_map[i] != dev_map[4 * page + i];
		CHECK(bad == 0, "%d bytes of the dma-buf differ from the buffer", bad);
		buf_map[7] = 0xa5;
		s.flags = DMA_BUF_SYNC_END | DMA_BUF_SYNC_RW;
		CHECK(xioctl(a.fd, DMA_BUF_IOCTL_SYNC, &s) == 0, "SYNC_END");
		CHECK(attr_u64_of(NAME, "sync_owner") == 1, "owner after END");
		CHECK(dev_map[4 * page + 7] == 0xa5, "a store through the dma-buf");
		CHECK(mmap(NULL, page, PROT_READ, MAP_SHARED, a.fd, 8 * page) == MAP_FAILED,
		      "mapping past the dma-buf's end");
		munmap(buf_map, 8 * page);
	}
	munmap(dev_map, SIZE);
	close(a.fd);
	close(fd);
}

TEST(delete_waits_for_every_dma_buf)
{
	u_dma_buf_ioctl_export_args a;
	int fd = open("/dev/" NAME, O_RDWR);
	void *m;

	CHECK(export_range(fd, 0, SIZE, O_RDWR, &a) == 0, "EXPORT");
	close(fd);
	CHECK(mgr("delete " NAME) == -EBUSY, "delete with a dma-buf alive");
	m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, a.fd, 0);
	close(a.fd);
	CHECK(mgr("delete " NAME) == -EBUSY, "delete with a dma-buf still mapped");
	munmap(m, 4096);
	CHECK(mgr("delete " NAME) == 0, "delete once it is gone");
	CHECK(mgr("create " NAME " 262144") == 0, "create again");
}

TEST(bad_exports_are_refused)
{
	u_dma_buf_ioctl_export_args a;
	int fd = open("/dev/" NAME, O_RDWR), ro = open("/dev/" NAME, O_RDONLY);
	int mark = kmsg_mark(), n = 0;

	CHECK(export_range(fd, 0, 2 * SIZE, O_RDWR, &a) == -EINVAL, "too big"); n++;
	CHECK(export_range(fd, SIZE, SIZE / 2, O_RDWR, &a) == -EINVAL, "offset past end"); n++;
	CHECK(export_range(fd, SIZE / 2, SIZE, O_RDWR, &a) == -EINVAL, "end past end"); n++;
	CHECK(export_range(fd, 0, 0, O_RDWR, &a) == -EINVAL, "size 0"); n++;
	CHECK(export_range(fd, 100, 4096, O_RDWR, &a) == -EINVAL, "unaligned offset"); n++;
	CHECK(export_range(fd, 0, SIZE, O_RDWR | O_CREAT, &a) == -EINVAL, "O_CREAT"); n++;
	CHECK(export_range(ro, 0, SIZE, O_RDWR, &a) == -EBADF, "writable from O_RDONLY"); n++;
	CHECK(kmsg_count(mark, NAME) == n, "one dmesg line per refusal (%d)", n);
	CHECK(export_range(ro, 0, SIZE, O_RDONLY, &a) == 0, "read-only from O_RDONLY");
	close(a.fd);
	close(ro);
	close(fd);
}

int main(void)
{
	t_prefix = "export: ";
	mgr("delete " NAME);
	if (mgr("create " NAME " 262144")) {
		printf("not ok 1 - export: cannot create " NAME "\n");
		return 1;
	}
	RUN(export_maps_the_same_memory);
	RUN(delete_waits_for_every_dma_buf);
	RUN(bad_exports_are_refused);
	mgr("delete " NAME);
	return done();
}
