/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shell-like splitting of a command line, in place: the output of each
 * argument is written over its own input, which is never shorter, so no
 * memory is needed and nothing can overflow.
 */
#include <errno.h>
#include <uk/argparse.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int uk_argparse(char *cmdline, char *argv[], int maxargs)
{
	char *in = cmdline, *out;
	int argc = 0;

	for (;;) {
		while (is_blank(*in))
			in++;
		if (!*in)
			break;
		if (argc == maxargs)
			return -E2BIG;
		argv[argc++] = out = in;
		/* One argument: until a blank outside any quotes. */
		while (*in && !is_blank(*in)) {
			char c = *in++;

			if (c == '\'') {
				while (*in && *in != '\'')
					*out++ = *in++;
				if (!*in)
					return -EINVAL;
				in++;
			} else if (c == '"') {
				while (*in && *in != '"') {
					if (*in == '\\' &&
					    (in[1] == '"' || in[1] == '\\'))
						in++;
					*out++ = *in++;
				}
				if (!*in)
					return -EINVAL;
				in++;
			} else if (c == '\\') {
				if (!*in)
					return -EINVAL;
				*out++ = *in++;
			} else {
				*out++ = c;
			}
		}
		/*
		 * @out never passes @in, so the terminator overwrites at most
		 * the blank that ended this argument.
		 */
		if (*in)
			in++;
		*out = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

void uk_argparse_split(int argc, char *argv[], int *kargc, char ***kargv,
		       int *aargc, char ***aargv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] == '-' && !argv[i][2])
			break;
	if (i == argc) {
		/* No "--": everything is the application's. */
		if (kargc)
			*kargc = 0;
		if (kargv)
			*kargv = argv;
		*aargc = argc;
		*aargv = argv;
		return;
	}
	if (kargc)
		*kargc = i;
	if (kargv)
		*kargv = argv;
	*aargc = argc - i - 1;
	*aargv = &argv[i + 1];
}
