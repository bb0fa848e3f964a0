// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl.c - U_DMA_BUF_IOCTL_GET_INFO and U_DMA_BUF_IOCTL_SYNC against the
 * sysfs view of the same buffer.
 *
 * usage: ioctl NAME SIZE
 */
#include <sys/ioctl.h>

#include "harness.h"
#include "u-dma-buf-ioctl.h"


static int sync_req(int fd, unsigned long long off, unsigned long long len,
		    unsigned dir, unsigned flags)
{
	struct u_dma_buf_sync s = { .offset = off, .size = len,
				    .direction = dir, .flags = flags };

	return ioctl(fd, U_DMA_BUF_IOCTL_SYNC, &s) ? -errno : 0;
}

TEST(info_matches_sysfs)
{
	struct u_dma_buf_info info;
	char version[64] = "";
	int fd = open(dev, O_RDWR);

	CHECK(fd >= 0, "open");
	memset(&info, 0xff, sizeof(info));
	CHECK(ioctl(fd, U_DMA_BUF_IOCTL_GET_INFO, &info) == 0, "GET_INFO: %s",
	      strerror(errno));
	CHECK(info.size == size, "size %llu", (unsigned long long)info.size);
	CHECK(info.dma_addr == attr_u64("phys_addr"), "dma_addr 0x%llx vs phys_addr 0x%llx",
	      (unsigned long long)info.dma_addr, attr_u64("phys_addr"));
	CHECK(info.sync_mode == attr_u64("sync_mode"), "sync_mode %u", info.sync_mode);
	CHECK(info.sync_owner == attr_u64("sync_owner"), "sync_owner %u", info.sync_owner);
	CHECK(!!(info.flags & U_DMA_BUF_INFO_DMA_COHERENT) == attr_u64("dma_coherent"),
	      "coherent flag 0x%x", info.flags);
	CHECK(info.reserved == 0, "reserved %u", info.reserved);
	attr_read_of(ub_name, "driver_version", version, sizeof(version));
	version[strcspn(version, "\n")] = '\0';
	CHECK(!strcmp(info.version, version), "version '%.16s' vs '%s'", info.version,
	      version);
	close(fd);
}

TEST(sync_moves_the_owner)
{
	int fd = open(dev, O_RDWR);

	CHECK(sync_req(fd, 0, size, U_DMA_BUF_DIR_TO_DEVICE,
		       U_DMA_BUF_SYNC_FOR_DEVICE) == 0, "for device");
	CHECK(attr_u64("sync_owner") == 1, "owner after for device");
	CHECK(sync_req(fd, 4096, 4096, U_DMA_BUF_DIR_FROM_DEVICE,
		       U_DMA_BUF_SYNC_FOR_CPU) == 0, "for cpu, a range");
	CHECK(attr_u64("sync_owner") == 0, "owner after for cpu");
	CHECK(sync_req(fd, 0, 0, 0, U_DMA_BUF_SYNC_FOR_DEVICE |
		       U_DMA_BUF_SYNC_STORED_AREA) == 0, "stored area");
	CHECK(attr_u64("sync_owner") == 1, "owner after stored-area sync");
	CHECK(sync_req(fd, size - 1, 1, U_DMA_BUF_DIR_BIDIRECTIONAL,
		       U_DMA_BUF_SYNC_FOR_CPU) == 0, "last byte");
	CHECK(attr_u64("sync_owner") == 0, "owner");
	close(fd);
}

TEST(bad_sync_requests_are_rejected_and_keep_the_owner)
{
	int fd = open(dev, O_RDWR), mark;

	sync_req(fd, 0, size, 0, U_DMA_BUF_SYNC_FOR_DEVICE);
	mark = kmsg_mark();
	CHECK(sync_req(fd, 0, 16, 0, 0) == -EINVAL, "no direction flag");
	CHECK(sync_req(fd, 0, 16, 0, U_DMA_BUF_SYNC_FOR_CPU |
		       U_DMA_BUF_SYNC_FOR_DEVICE) == -EINVAL, "both flags");
	CHECK(sync_req(fd, 0, 16, 0, U_DMA_BUF_SYNC_FOR_CPU | 0x80) == -EINVAL,
	      "unknown flag");
	CHECK(sync_req(fd, 0, 16, 3, U_DMA_BUF_SYNC_FOR_CPU) == -EINVAL, "direction 3");
	CHECK(sync_req(fd, size, 1, 0, U_DMA_BUF_SYNC_FOR_CPU) == -EINVAL, "past the end");
	CHECK(sync_req(fd, 16, ~0ULL, 0, U_DMA_BUF_SYNC_FOR_CPU) == -EINVAL,
	      "size that overflows");
	CHECK(sync_req(fd, ~0ULL, 2, 0, U_DMA_BUF_SYNC_FOR_CPU) == -EINVAL,
	      "offset that overflows");
	CHECK(kmsg_count(mark, ub_name) == 7, "one dmesg line per rejection");
	CHECK(attr_u64("sync_owner") == 1, "owner changed by a rejected sync");
	errno = 0;
	CHECK(ioctl(fd, _IO('U', 99)) == -1 && errno == ENOTTY, "unknown ioctl: %d", errno);
	CHECK(ioctl(fd, U_DMA_BUF_IOCTL_SYNC, (void *)8) == -1 && errno == EFAULT,
	      "bad pointer");
	sync_req(fd, 0, size, 0, U_DMA_BUF_SYNC_FOR_CPU);
	close(fd);
}

int main(int argc, char **argv)
{
	setup(argc, argv, "ioctl: ");
	RUN(info_matches_sysfs);
	RUN(sync_moves_the_owner);
	RUN(bad_sync_requests_are_rejected_and_keep_the_owner);
	return done();
}
