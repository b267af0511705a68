/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc's streams on files (needs vfscore; the root is a ramfs). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uk/test.h>

UK_TESTCASE(nolibc, fopen_write_seek_read)
{
	char line[32];
	FILE *f;
	int i;

	f = fopen("/stdio.txt", "w+");
	UK_TEST_ASSERT(f != NULL);
	for (i = 0; i < 1000; i++)
		UK_TEST_EXPECT_INT_GT(fprintf(f, "line %d\n", i), 0);
	/* buffered: ftell counts what is not yet written out */
	UK_TEST_EXPECT_INT_EQ(ftell(f), 8890);
	rewind(f);
	UK_TEST_EXPECT(fgets(line, sizeof(line), f) != NULL);
	UK_TEST_EXPECT_STR_EQ(line, "line 0\n");
	UK_TEST_EXPECT_INT_EQ(fgetc(f), 'l');
	UK_TEST_EXPECT_INT_EQ(ungetc('X', f), 'X');
	UK_TEST_EXPECT_INT_EQ(ftell(f), 7);
	UK_TEST_EXPECT_INT_EQ(fgetc(f), 'X');
	UK_TEST_EXPECT_INT_EQ(fseek(f, -8, SEEK_END), 0);
	UK_TEST_EXPECT(fgets(line, sizeof(line), f) != NULL);
	UK_TEST_EXPECT_STR_EQ(line, "ine 999\n");
	UK_TEST_EXPECT(fgets(line, sizeof(line), f) == NULL);
	UK_TEST_EXPECT(feof(f));
	/* writing after reading: at the reader's position */
	UK_TEST_EXPECT_INT_EQ(fseek(f, 5, SEEK_SET), 0);
	UK_TEST_EXPECT_INT_EQ(fgetc(f), '0');
	UK_TEST_EXPECT_INT_EQ(fputc('Z', f), 'Z');
	UK_TEST_EXPECT_INT_EQ(fclose(f), 0);

	f = fopen("/stdio.txt", "r");
	UK_TEST_ASSERT(f != NULL);
	UK_TEST_EXPECT_UINT_EQ(fread(line, 1, 8, f), 8);
	UK_TEST_EXPECT_MEM_EQ(line, "line 0Zl", 8);
	UK_TEST_EXPECT_INT_EQ(fputc('q', f), EOF);
	UK_TEST_EXPECT(ferror(f));
	clearerr(f);
	UK_TEST_EXPECT(!ferror(f));
	UK_TEST_EXPECT_INT_EQ(fclose(f), 0);
	UK_TEST_EXPECT_INT_EQ(remove("/stdio.txt"), 0);
}

UK_TESTCASE(nolibc, fopen_modes_and_errors)
{
	char buf[16];
	FILE *f;
	int fd;

	UK_TEST_EXPECT(fopen("/nope/x", "r") == NULL);
	UK_TEST_EXPECT_INT_EQ(errno, ENOENT);
	UK_TEST_EXPECT(fopen("/stdio2.txt", "q") == NULL);
	UK_TEST_EXPECT_INT_EQ(errno, EINVAL);
	f = fopen("/stdio2.txt", "wx");
	UK_TEST_ASSERT(f != NULL);
	fputs("ab", f);
	fclose(f);
	UK_TEST_EXPECT(fopen("/stdio2.txt", "wx") == NULL);
	UK_TEST_EXPECT_INT_EQ(errno, EEXIST);
	/* "a" appends whatever the position */
	f = fopen("/stdio2.txt", "a+");
	UK_TEST_ASSERT(f != NULL);
	fseek(f, 0, SEEK_SET);
	fputs("cd", f);
	fflush(f);
	fseek(f, 0, SEEK_SET);
	UK_TEST_EXPECT_UINT_EQ(fread(buf, 1, sizeof(buf), f), 4);
	UK_TEST_EXPECT_MEM_EQ(buf, "abcd", 4);
	fclose(f);
	/* fdopen on a read-only fd refuses "w" */
	fd = open("/stdio2.txt", O_RDONLY);
	UK_TEST_EXPECT(fdopen(fd, "w") == NULL);
	f = fdopen(fd, "r");
	UK_TEST_ASSERT(f != NULL);
	UK_TEST_EXPECT_INT_EQ(fileno(f), fd);
	UK_TEST_EXPECT_INT_EQ(fclose(f), 0);
	UK_TEST_EXPECT_INT_EQ(close(fd), -1);	/* fclose closed it */
	UK_TEST_EXPECT_INT_EQ(remove("/stdio2.txt"), 0);
	UK_TEST_EXPECT_INT_EQ(remove("/stdio2.txt"), -1);
	UK_TEST_EXPECT_INT_EQ(errno, ENOENT);
}

UK_TESTCASE(nolibc, setvbuf_unbuffered)
{
	char mine[64];
	FILE *f = fopen("/stdio3.txt", "w+");
	struct stat st;

	UK_TEST_ASSERT(f != NULL);
	UK_TEST_EXPECT_INT_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
	fputs("now", f);
	/* unbuffered: the file has it before any flush */
	UK_TEST_EXPECT_INT_EQ(stat("/stdio3.txt", &st), 0);
	UK_TEST_EXPECT_INT_EQ(st.st_size, 3);
	fclose(f);
	f = fopen("/stdio3.txt", "w");
	UK_TEST_EXPECT_INT_EQ(setvbuf(f, mine, _IOFBF, sizeof(mine)), 0);
	fputs("later", f);
	UK_TEST_EXPECT_INT_EQ(stat("/stdio3.txt", &st), 0);
	UK_TEST_EXPECT_INT_EQ(st.st_size, 0);
	UK_TEST_EXPECT_INT_EQ(setvbuf(f, NULL, _IONBF, 0), -1);
	fclose(f);
	UK_TEST_EXPECT_INT_EQ(stat("/stdio3.txt", &st), 0);
	UK_TEST_EXPECT_INT_EQ(st.st_size, 5);
	remove("/stdio3.txt");
}
