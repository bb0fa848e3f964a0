// SPDX-License-Identifier: GPL-2.0
/*
 * rw.c - read(), write() and lseek() on /dev/<name>: position handling,
 * the end of the buffer (reads return 0, writes are clamped, a write wholly
 * past the end fails with ENOSPC), and O_SYNC files.
 *
 * usage: rw NAME SIZE
 */
#include "harness.h"


TEST(lseek_knows_the_size)
{
	int fd = open(dev, O_RDWR);

	CHECK(fd >= 0, "open");
	CHECK(lseek(fd, 0, SEEK_END) == (off_t)size, "SEEK_END gives %lld, want %llu",
	      (long long)lseek(fd, 0, SEEK_END), size);
	CHECK(lseek(fd, 100, SEEK_SET) == 100, "SEEK_SET");
	CHECK(lseek(fd, 28, SEEK_CUR) == 128, "SEEK_CUR");
	CHECK(lseek(fd, -16, SEEK_END) == (off_t)size - 16, "SEEK_END - 16");
	CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL, "negative position");
	close(fd);
}

TEST(read_and_write_move_the_position)
{
	int fd = open(dev, O_RDWR);
	char out[64] = "u-dma-buf position test", in[64] = "";

	CHECK(fd >= 0, "open");
	lseek(fd, 4096, SEEK_SET);
	CHECK(write(fd, out, sizeof(out)) == sizeof(out), "write");
	CHECK(lseek(fd, 0, SEEK_CUR) == 4096 + 64, "position after write");
	lseek(fd, 4096, SEEK_SET);
	CHECK(read(fd, in, sizeof(in)) == sizeof(in), "read");
	CHECK(!memcmp(in, out, sizeof(in)), "read back '%s'", in);
	close(fd);
}

TEST(the_end_of_the_buffer)
{
	int fd = open(dev, O_RDWR);
	char buf[64];
	int mark;

	CHECK(fd >= 0, "open");
	lseek(fd, 0, SEEK_END);
	CHECK(read(fd, buf, sizeof(buf)) == 0, "read at the end is 0");
	CHECK(pread(fd, buf, sizeof(buf), size + 4096) == 0, "read past the end is 0");
	CHECK(pread(fd, buf, sizeof(buf), size - 10) == 10, "read clamped at the end");
	memset(buf, 0x5a, sizeof(buf));
	CHECK(pwrite(fd, buf, sizeof(buf), size - 8) == 8, "write clamped to 8 bytes");
	mark = kmsg_mark();
	errno = 0;
	CHECK(pwrite(fd, buf, sizeof(buf), size) == -1 && errno == ENOSPC,
	      "write at the end: errno %d, want ENOSPC", errno);
	kmsg_count(mark, "");
	CHECK(pwrite(fd, buf, 0, size + 100) == 0, "empty write");
	close(fd);
}

TEST(o_sync_files_read_and_write_the_same_bytes)
{
	int fd = open(dev, O_RDWR | O_SYNC), plain = open(dev, O_RDONLY);
	unsigned char *out = malloc(size), *in = malloc(size);
	size_t i;

	CHECK(fd >= 0 && plain >= 0, "open");
	for (i = 0; i < size; i++)
		out[i] = (unsigned char)(i ^ (i >> 8));
	CHECK(pwrite(fd, out, size, 0) == (ssize_t)size, "O_SYNC write");
	CHECK(pread(plain, in, size, 0) == (ssize_t)size && !memcmp(in, out, size),
	      "plain read sees the O_SYNC write");
	memset(in, 0, size);
	CHECK(pread(fd, in, size, 0) == (ssize_t)size && !memcmp(in, out, size),
	      "O_SYNC read");
	close(fd);
	close(plain);
	free(out);
	free(in);
}

TEST(bad_user_pointers_fail_with_efault)
{
	int fd = open(dev, O_RDWR);
	/* volatile: the compiler must not see that the page is unmapped */
	void *volatile bad = (void *)8;

	CHECK(fd >= 0, "open");
	errno = 0;
	CHECK(pread(fd, bad, 16, 0) == -1 && errno == EFAULT, "read into NULL page");
	errno = 0;
	CHECK(pwrite(fd, bad, 16, 0) == -1 && errno == EFAULT, "write from NULL page");
	close(fd);
}

int main(int argc, char **argv)
{
	setup(argc, argv, "rw: ");
	RUN(lseek_knows_the_size);
	RUN(read_and_write_move_the_position);
	RUN(the_end_of_the_buffer);
	RUN(o_sync_files_read_and_write_the_same_bytes);
	RUN(bad_user_pointers_fail_with_efault);
	return done();
}
