/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line of a linuxu image. The host already split it into argv;
 * Kiln's boot code expects one string (as kvm and xen get it from their
 * boot loaders) and splits it again with lib/ukargparse. So the arguments
 * are joined with quoting that the splitter undoes exactly:
 *
 *  - an argument made only of [A-Za-z0-9_./:=,+@%^-] is copied as it is;
 *  - any other argument, and the empty one, is wrapped in single quotes,
 *    where every byte is literal except the quote itself, which is
 *    written '\'' (close the quotes, an escaped quote, reopen them);
 *  - arguments are separated by one space.
 *
 * "--" stays unquoted, so `image kernel-args -- app-args` still separates
 * kernel from application arguments as on the other platforms.
 */
#include <linuxu/io.h>
#include <linuxu/setup.h>
#include <linuxu/syscall.h>

static int is_plain(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	switch (c) {
	case '_': case '.': case '/': case ':': case '=': case ',':
	case '+': case '@': case '%': case '^': case '-':
		return 1;
	default:
		return 0;
	}
}

static int needs_quotes(const char *arg)
{
	if (!*arg)
		return 1;
	for (; *arg; arg++)
		if (!is_plain(*arg))
			return 1;
	return 0;
}

/* Length of @arg once quoted, without separator. */
static unsigned long quoted_len(const char *arg)
{
	unsigned long len = 0;
	int quote = needs_quotes(arg);

	for (; *arg; arg++)
		len += (quote && *arg == '\'') ? 4 : 1;
	return quote ? len + 2 : len;
}

static char *put_quoted(char *p, const char *arg)
{
	int quote = needs_quotes(arg);

	if (quote)
		*p++ = '\'';
	for (; *arg; arg++) {
		if (quote && *arg == '\'') {
			*p++ = '\'';
			*p++ = '\\';
			*p++ = '\'';
			*p++ = '\'';
		} else {
			*p++ = *arg;
		}
	}
	if (quote)
		*p++ = '\'';
	return p;
}

char *_linuxu_cmdline_build(int argc, char *const argv[])
{
	unsigned long len = 1; /* the NUL */
	char *cmdline, *p;
	long ret;
	int i;

	for (i = 0; i < argc; i++)
		len += quoted_len(argv[i]) + (i > 0);

	/*
	 * The line must outlive this call and be writable, and there is no
	 * allocator yet: map it. Quoting can make it four times as long as
	 * argv, which Linux allows to reach megabytes: too much for a static
	 * buffer or the stack. A mapping of its own also keeps it out of the
	 * heap, whose size the user chose with -m.
	 */
	ret = sys_mmap(NULL, ALIGN_UP(len, K_PAGE_SIZE),
		       K_PROT_READ | K_PROT_WRITE,
		       K_MAP_PRIVATE | K_MAP_ANONYMOUS, -1, 0);
	if (LINUXU_IS_ERR(ret))
		return NULL;
	cmdline = (char *)ret;

	p = cmdline;
	for (i = 0; i < argc; i++) {
		if (i > 0)
			*p++ = ' ';
		p = put_quoted(p, argv[i]);
	}
	*p = '\0';
	return cmdline;
}
