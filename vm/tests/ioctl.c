// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl.c - the upstream u-dma-buf v5.5 ioctl ABI, as a C program written
 * for upstream uses it: only the header's names, checked against sysfs.
 * Built for the board's architecture, and on arm64 also as a 32-bit ARM
 * program (compat_ioctl).
 *
 * usage: ioctl NAME SIZE
 */
#include <stdint.h>
#include <sys/ioctl.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? -errno : 0;
}

static uint64_t packed(uint64_t off, uint64_t len, unsigned dir)
{
	return off << 32 | (len & 0xfffffff0) | dir << 2 | 1;
}

TEST(drv_info)
{
	u_dma_buf_ioctl_drv_info info;
	char version[64] = "";
	int fd = open(dev, O_RDONLY);

	memset(&info, 0xff, sizeof(info));
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_DRV_INFO, &info) == 0, "GET_DRV_INFO");
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_IOCTL_VERSION(&info) >= 1, "version %d",
	      GET_U_DMA_BUF_IOCTL_FLAGS_IOCTL_VERSION(&info));
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_USE_QUIRK_MMAP(&info) == 1, "quirk mmap");
	CHECK((info.flags & ~0x3310fULL) == 0, "unknown flags 0x%llx",
	      (unsigned long long)info.flags);
	attr_read_of(ub_name, "driver_version", version, sizeof(version));
	version[strcspn(version, "\n")] = '\0';
	CHECK(!strcmp(info.version, version), "version '%.16s' vs '%s'", info.version,
	      version);
	close(fd);
}

TEST(dev_info_matches_sysfs)
{
	u_dma_buf_ioctl_dev_info info;
	uint64_t v64 = 0;
	uint32_t owner = 7;
	int fd = open(dev, O_RDONLY);

	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_DEV_INFO, &info) == 0, "GET_DEV_INFO");
	CHECK(info.size == size, "size %llu", (unsigned long long)info.size);
	CHECK(info.addr == attr_u64("phys_addr"), "addr 0x%llx vs phys_addr 0x%llx",
	      (unsigned long long)info.addr, attr_u64("phys_addr"));
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_DMA_COHERENT(&info) == (int)attr_u64("dma_coherent"),
	      "coherent");
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&info) == (int)attr_u64("quirk_mmap_mode"),
	      "mmap mode %d", GET_U_DMA_BUF_IOCTL_FLAGS_MMAP_MODE(&info));
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info) >= 12 &&
	      GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info) <= 64, "mask %d bits",
	      GET_U_DMA_BUF_IOCTL_FLAGS_DMA_MASK(&info));
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_SIZE, &v64) == 0 && v64 == size, "GET_SIZE");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_DMA_ADDR, &v64) == 0 &&
	      v64 == attr_u64("phys_addr"), "GET_DMA_ADDR");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_SYNC_OWNER, &owner) == 0 &&
	      owner == attr_u64("sync_owner"), "GET_SYNC_OWNER");
	close(fd);
}

TEST(set_sync_for_cpu_and_device_move_the_owner)
{
	int fd = open(dev, O_RDWR);
	uint64_t v = 1;

	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, &v) == 0, "stored area");
	CHECK(attr_u64("sync_owner") == 1, "owner after for device");
	v = packed(4096, 4096, 2);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == 0, "a range");
	CHECK(attr_u64("sync_owner") == 0, "owner after for cpu");
	v = packed(size - 16, 16, 0);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, &v) == 0, "last 16 bytes");
	CHECK(attr_u64("sync_for_cpu") == 0 && attr_u64("sync_for_device") == 0,
	      "sync_for_cpu/_device read back as 0");
	close(fd);
}

TEST(get_and_set_sync)
{
	u_dma_buf_ioctl_sync_args a;
	int fd = open(dev, O_RDWR);

	memset(&a, 0, sizeof(a));
	a.offset = 4096;
	a.size = 8192;
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&a, 1);
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&a, 2);
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&a, U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_DEVICE);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == 0, "SET_SYNC");
	CHECK(attr_u64("sync_offset") == 4096 && attr_u64("sync_size") == 8192 &&
	      attr_u64("sync_direction") == 1 && attr_u64("sync_mode") == 2 &&
	      attr_u64("sync_owner") == 1, "stored and synced for the device");

	memset(&a, 0xff, sizeof(a));
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_SYNC, &a) == 0, "GET_SYNC");
	CHECK(a.offset == 4096 && a.size == 8192, "offset %llu size %llu",
	      (unsigned long long)a.offset, (unsigned long long)a.size);
	CHECK(GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&a) == 1 &&
	      GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&a) == 2 &&
	      GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_OWNER(&a) == 1 &&
	      GET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&a) == 0, "flags 0x%llx",
	      (unsigned long long)a.flags);

	/* 0 leaves offset, size and mode; the command alone syncs for the CPU */
	memset(&a, 0, sizeof(a));
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&a, 2);
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&a, U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_CPU);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == 0, "SET_SYNC for cpu");
	CHECK(attr_u64("sync_offset") == 4096 && attr_u64("sync_size") == 8192 &&
	      attr_u64("sync_mode") == 2 && attr_u64("sync_direction") == 2 &&
	      attr_u64("sync_owner") == 0, "zeros left the values");

	attr_write("sync_offset", "0");
	attr_writef("sync_size", "%llu", size);
	attr_write("sync_direction", "0");
	attr_write("sync_mode", "1");
	close(fd);
}

/* Each refused command changes nothing and logs one line. */
TEST(bad_requests_are_refused_and_change_nothing)
{
	u_dma_buf_ioctl_sync_args a, before, after;
	int fd = open(dev, O_RDWR), mark, n = 0;
	uint64_t v;

	v = 1;
	xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, &v);
	xioctl(fd, U_DMA_BUF_IOCTL_GET_SYNC, &before);
	mark = kmsg_mark();

	v = 0;
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -EINVAL, "0"); n++;
	v = 3;
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -EINVAL, "bit 1"); n++;
	v = packed(0, 32, 3);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -EINVAL, "dir 3"); n++;
	v = packed(size, 16, 0);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -EINVAL, "past end"); n++;

	memset(&a, 0, sizeof(a));
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&a, 2);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "command 2"); n++;
	memset(&a, 0, sizeof(a));
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_DIR(&a, 3);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "direction 3"); n++;
	memset(&a, 0, sizeof(a));
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_MODE(&a, 8);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "mode 8"); n++;
	memset(&a, 0, sizeof(a));
	a.flags = 1ULL << 40;
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "unknown bit"); n++;
	memset(&a, 0, sizeof(a));
	a.offset = size;
	a.size = 16;
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "range past the end"); n++;
	memset(&a, 0, sizeof(a));
	a.offset = 16;
	a.size = ~0ULL;
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EINVAL, "overflowing size"); n++;

	CHECK(kmsg_count(mark, ub_name) == n, "one dmesg line per rejection (%d)", n);
	xioctl(fd, U_DMA_BUF_IOCTL_GET_SYNC, &after);
	CHECK(!memcmp(&before, &after, sizeof(after)), "the stored area changed");
	CHECK(attr_u64("sync_owner") == 1, "owner changed by a rejected sync");
	CHECK(xioctl(fd, _IO('U', 99), NULL) == -ENOTTY, "unknown ioctl");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, (void *)8) == -EFAULT, "bad pointer");
	v = 1;
	xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v);
	close(fd);
}

TEST(state_changes_need_a_writable_file)
{
	u_dma_buf_ioctl_sync_args a;
	int fd = open(dev, O_RDONLY);
	uint64_t v = 1;

	memset(&a, 0, sizeof(a));
	SET_U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD(&a, U_DMA_BUF_IOCTL_FLAGS_SYNC_CMD_FOR_DEVICE);
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_DEVICE, &v) == -EBADF, "for device");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC_FOR_CPU, &v) == -EBADF, "for cpu");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_SET_SYNC, &a) == -EBADF, "set sync");
	CHECK(attr_u64("sync_owner") == 0, "owner moved");
	CHECK(xioctl(fd, U_DMA_BUF_IOCTL_GET_SYNC, &a) == 0, "reading still works");
	close(fd);
}

int main(int argc, char **argv)
{
	setup(argc, argv, "ioctl: ");
	RUN(drv_info);
	RUN(dev_info_matches_sysfs);
	RUN(set_sync_for_cpu_and_device_move_the_owner);
	RUN(get_and_set_sync);
	RUN(bad_requests_are_refused_and_change_nothing);
	RUN(state_changes_need_a_writable_file);
	return done();
}
