/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nolibc's buffered streams over the file layer: what is written through
 * a FILE is in the file after fclose, reads see it line by line and in
 * blocks, positions agree with the fd's, and errors set errno.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

void fst_check_stdio(const char *dir)
{
	char line[64], big[10000];
	struct stat st;
	size_t i, n;
	FILE *f;
	int fd, ok;

	if (chdir(dir) < 0)
		return;
	f = fopen("s.txt", "w");
	FST_TRUE("stdio.fopen_w", f != NULL, "fopen(w): errno %d", errno);
	if (!f)
		return;
	fprintf(f, "line %d\n", 1);
	fputs("line 2\n", f);
	fwrite("line 3\n", 1, 7, f);
	FST_TRUE("stdio.buffered", !stat("s.txt", &st) && st.st_size == 0,
		 "%lld bytes reached the file before fflush",
		 (long long)st.st_size);
	FST_OK("stdio.fflush", fflush(f));
	FST_TRUE("stdio.flushed", !stat("s.txt", &st) && st.st_size == 21,
		 "size %lld after fflush, want 21", (long long)st.st_size);
	FST_OK("stdio.fclose", fclose(f));
	f = fopen("s.txt", "r");
	ok = f && fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n") &&
	     fgets(line, sizeof(line), f) && !strcmp(line, "line 2\n");
	FST_TRUE("stdio.fgets", ok, "fgets gave '%s'", line);
	FST_TRUE("stdio.ftell", f && ftell(f) == 14, "ftell %ld",
		 f ? ftell(f) : -1L);
	FST_TRUE("stdio.fgetc_ungetc", f && fgetc(f) == 'l' &&
		 ungetc('L', f) == 'L' && fgetc(f) == 'L',
		 "fgetc/ungetc wrong");
	FST_TRUE("stdio.fseek_set", f && !fseek(f, 5, SEEK_SET) &&
		 fgetc(f) == '1', "fseek(5) then fgetc wrong");
	FST_TRUE("stdio.fseek_end", f && !fseek(f, -2, SEEK_END) &&
		 fgetc(f) == '3' && fgetc(f) == '\n' && fgetc(f) == EOF &&
		 feof(f), "fseek(-2, SEEK_END), EOF wrong");
	if (f)
		fclose(f);
	/* Append, and a block larger than the buffer. */
	f = fopen("s.txt", "a");
	for (i = 0; i < sizeof(big); i++)
		big[i] = 'a' + i % 26;
	n = f ? fwrite(big, 1, sizeof(big), f) : 0;
	FST_TRUE("stdio.fwrite_big", n == sizeof(big), "fwrite %zu", n);
	if (f)
		fclose(f);
	f = fopen("s.txt", "r");
	if (f)
		fseek(f, 21, SEEK_SET);
	memset(big, 0, sizeof(big));
	n = f ? fread(big, 1, sizeof(big), f) : 0;
	ok = n == sizeof(big);
	for (i = 0; ok && i < sizeof(big); i++)
		ok = big[i] == (char)('a' + i % 26);
	FST_TRUE("stdio.append_fread", ok, "fread after append: %zu bytes",
		 n);
	if (f)
		fclose(f);
	/* r+ writes in place; fdopen and fileno share the fd. */
	f = fopen("s.txt", "r+");
	if (f) {
		fseek(f, 5, SEEK_SET);
		fputc('X', f);
		fclose(f);
	}
	fd = open("s.txt", O_RDONLY);
	f = fdopen(fd, "r");
	FST_TRUE("stdio.fdopen_fileno", f && fileno(f) == fd,
		 "fdopen/fileno wrong");
	FST_TRUE("stdio.r_plus", f && fgets(line, sizeof(line), f) &&
		 !strcmp(line, "line X\n"), "r+ write gave '%s'", line);
	if (f)
		fclose(f);
	FST_TRUE("stdio.fclose_closes_fd", close(fd) < 0 && errno == EBADF,
		 "the fd was still open after fclose");
	/* Errors. */
	errno = 0;
	FST_TRUE("stdio.fopen_missing", !fopen("none/x", "r") &&
		 errno == ENOENT, "errno %d", errno);
	errno = 0;
	FST_TRUE("stdio.fopen_bad_mode", !fopen("s.txt", "q") &&
		 errno == EINVAL, "errno %d", errno);
	f = fopen("s.txt", "r");
	FST_TRUE("stdio.write_to_read_stream", f && fputc('x', f) == EOF &&
		 ferror(f), "fputc on a read-only stream did not fail");
	if (f)
		fclose(f);
	FST_OK("stdio.remove", remove("s.txt"));
}
