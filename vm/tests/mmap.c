// SPDX-License-Identifier: GPL-2.0
/*
 * mmap.c - /dev/<name> mappings for every sync_mode with and without
 * O_SYNC, data seen the same through the mapping and read()/write(), and
 * the bounds: nothing outside the buffer is ever mapped.
 *
 * usage: mmap NAME SIZE
 */
#include "harness.h"


static unsigned char pattern(size_t i, int seed)
{
	return (unsigned char)(i * 31 + seed * 7 + (i >> 9));
}

/* Map under @mode (O_SYNC or not) and move data both ways. */
static void check_mode(int mode, int o_sync)
{
	int fd, bad = 0;
	unsigned char *map, *buf = malloc(size);
	size_t i;

	CHECK(attr_writef("sync_mode", "%d", mode) == 0, "set sync_mode %d", mode);
	CHECK(attr_u64("sync_mode") == (unsigned)mode, "sync_mode reads %llu",
	      attr_u64("sync_mode"));
	fd = open(dev, O_RDWR | (o_sync ? O_SYNC : 0));
	CHECK(fd >= 0, "open %s: %s", dev, strerror(errno));
	if (fd < 0)
		goto out;
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "mode %d O_SYNC %d: mmap: %s", mode, o_sync,
	      strerror(errno));
	if (map == MAP_FAILED)
		goto out_close;
	for (i = 0; i < size; i++)
		map[i] = pattern(i, mode * 2 + o_sync);
	CHECK(pread(fd, buf, size, 0) == (ssize_t)size, "pread");
	for (i = 0; i < size; i++)
		bad += buf[i] != pattern(i, mode * 2 + o_sync);
	CHECK(bad == 0, "mode %d O_SYNC %d: %d bytes written through the mapping differ in read()",
	      mode, o_sync, bad);
	for (i = 0; i < size; i++)
		buf[i] = pattern(i, 100 + mode);
	CHECK(pwrite(fd, buf, size, 0) == (ssize_t)size, "pwrite");
	bad = 0;
	for (i = 0; i < size; i++)
		bad += map[i] != pattern(i, 100 + mode);
	CHECK(bad == 0, "mode %d O_SYNC %d: %d bytes from write() differ in the mapping",
	      mode, o_sync, bad);
	munmap(map, size);
out_close:
	close(fd);
out:
	free(buf);
}

TEST(every_sync_mode_maps_without_o_sync)
{
	for (int mode = 0; mode <= 7; mode++)
		check_mode(mode, 0);
	attr_write("sync_mode", "1");
}

TEST(every_sync_mode_maps_with_o_sync)
{
	for (int mode = 0; mode <= 7; mode++)
		check_mode(mode, 1);
	attr_write("sync_mode", "1");
}

static int try_map(size_t len, off_t off, int flags)
{
	int fd = open(dev, O_RDWR), err = 0;
	void *p;

	if (fd < 0)
		return -errno;
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, fd, off);
	if (p == MAP_FAILED)
		err = -errno;
	else
		munmap(p, len);
	close(fd);
	return err;
}

TEST(mappings_stay_inside_the_buffer)
{
	long pg = page_size();
	size_t pages = (size + pg - 1) / pg;
	int mark;

	CHECK(try_map(size, 0, MAP_SHARED) == 0, "whole buffer");
	CHECK(try_map(pg, (pages - 1) * pg, MAP_SHARED) == 0, "last page");
	mark = kmsg_mark();
	CHECK(try_map(pg, pages * pg, MAP_SHARED) == -EINVAL, "page past the end");
	CHECK(kmsg_count(mark, "passes the end") == 1, "one dmesg line for it");
	CHECK(try_map(2 * pg, (pages - 1) * pg, MAP_SHARED) == -EINVAL,
	      "last page plus one");
	CHECK(try_map((pages + 1) * pg, 0, MAP_SHARED) == -EINVAL, "one page too long");
	CHECK(try_map(pg, (off_t)0x7fffffff & ~(pg - 1), MAP_SHARED) == -EINVAL,
	      "far offset");
	CHECK(try_map(size, 0, MAP_PRIVATE) == -EINVAL, "MAP_PRIVATE");
}

TEST(a_mapping_outlives_its_file_descriptor)
{
	int fd = open(dev, O_RDWR);
	unsigned char *map, byte = 0;

	CHECK(fd >= 0, "open");
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	CHECK(map != MAP_FAILED, "mmap");
	if (map == MAP_FAILED)
		return;
	map[size - 1] = 0xa5;
	fd = open(dev, O_RDONLY);
	CHECK(pread(fd, &byte, 1, size - 1) == 1 && byte == 0xa5,
	      "last byte 0x%02x after close", byte);
	close(fd);
	munmap(map, size);
}

TEST(read_only_files_map_shared_read_only)
{
	int fd = open(dev, O_RDONLY);
	unsigned char *map;
	char byte = 0x11;

	CHECK(fd >= 0, "open read-only");
	map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(map != MAP_FAILED, "PROT_READ MAP_SHARED of an O_RDONLY file: %s",
	      strerror(errno));
	if (map == MAP_FAILED)
		goto out;
	close(fd);
	fd = open(dev, O_RDWR);
	CHECK(pwrite(fd, &byte, 1, 10) == 1, "write");
	CHECK(map[10] == 0x11, "read-only mapping sees 0x%02x", map[10]);
	munmap(map, size);
out:
	close(fd);
}

TEST(msync_succeeds)
{
	int fd = open(dev, O_RDWR);
	void *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	CHECK(map != MAP_FAILED, "mmap");
	CHECK(msync(map, size, MS_SYNC) == 0, "msync MS_SYNC: %s", strerror(errno));
	CHECK(msync(map, size, MS_ASYNC) == 0, "msync MS_ASYNC: %s", strerror(errno));
	munmap(map, size);
	close(fd);
}

int main(int argc, char **argv)
{
	setup(argc, argv, "mmap: ");
	RUN(every_sync_mode_maps_without_o_sync);
	RUN(every_sync_mode_maps_with_o_sync);
	RUN(mappings_stay_inside_the_buffer);
	RUN(a_mapping_outlives_its_file_descriptor);
	RUN(read_only_files_map_shared_read_only);
	RUN(msync_succeeds);
	return done();
}
