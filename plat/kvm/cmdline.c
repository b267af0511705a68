/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line is copied out of the loader's memory into the image,
 * where it is writable (ukboot splits it in place) and safe from the
 * allocators, which may reuse the loader's memory. A line that does not
 * fit is refused as a whole: cutting it would silently change the
 * arguments.
 */
#include <errno.h>
#include <uk/param.h>
#include <kvm/setup.h>

static char cmdline[CONFIG_KVM_CMDLINE_MAX];

int _kvm_cmdline_init(struct uk_bootinfo *bi, const char *src)
{
	unsigned int i;

	bi->cmdline = cmdline;
	if (!src)
		return 0;
	for (i = 0; src[i]; i++) {
		if (i == sizeof(cmdline) - 1) {
			cmdline[0] = '\0';
			return -E2BIG;
		}
		cmdline[i] = src[i];
	}
	cmdline[i] = '\0';
	return 0;
}

#define MMIO_KEY	"virtio_mmio.device="
#define MMIO_KEY_LEN	(sizeof(MMIO_KEY) - 1)

/* A number (decimal, or hex after 0x) at *@s; advances *@s; 0 or -1. */
static int parse_num(const char **s, uint64_t *v)
{
	const char *p = *s;
	unsigned int base = 10, d;
	uint64_t n = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (*s = p;; p++) {
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			break;
		if (n > (UINT64_MAX - d) / base)
			return -1;
		n = n * base + d;
	}
	if (p == *s)
		return -1;
	*s = p;
	*v = n;
	return 0;
}

/* <size>[KMG]@<base>:<irq>[:<id>] up to @end; 0 or -1. */
static int parse_mmio(const char *p, const char *end, struct uk_bootdev *d)
{
	uint64_t size, base, irq, id;

	/* Linux's memparse() form: bytes, or K/M/G; the common parser. */
	if (uk_param_parse_size(p, &p, 0, &size) < 0)
		return -1;
	if (*p++ != '@' || parse_num(&p, &base) < 0 || *p++ != ':' ||
	    parse_num(&p, &irq) < 0)
		return -1;
	if (*p == ':' && (p++, parse_num(&p, &id) < 0))
		return -1;
	if (p != end || !size || base + size < base || irq > 255)
		return -1;
	d->type = UK_BOOTDEV_VIRTIO_MMIO;
	d->base = base;
	d->len = size;
	d->irq = (unsigned int)irq;
	return 0;
}

/* Insertion sort of @n devices (at most UK_BOOTINFO_MAX_DEVICES). */
static void sort_by_address_down(struct uk_bootdev *dev, unsigned int n)
{
	struct uk_bootdev d;
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		d = dev[i];
		for (j = i; j > 0 && dev[j - 1].base < d.base; j--)
			dev[j] = dev[j - 1];
		dev[j] = d;
	}
}

/*
 * QEMU appends the tokens after whatever -append gave, so only the
 * trailing ones are taken: a quoted argument of the user that happens
 * to contain the key is never mistaken for one.
 *
 * Devices are listed in the order of QEMU's -device options, so that the
 * first disk or NIC given (make run's DISK= and NET=) is device 0. QEMU's
 * microvm fills its transports from the top slot down, and lists the
 * tokens lowest address first: the devices are sorted by address,
 * highest first.
 */
void _kvm_cmdline_devices(struct uk_bootinfo *bi)
{
	char *end = cmdline, *tok;
	struct uk_bootdev d;
	unsigned int i, n = 0;

	while (*end)
		end++;
	for (;;) {
		while (end > cmdline && end[-1] == ' ')
			end--;
		tok = end;
		while (tok > cmdline && tok[-1] != ' ')
			tok--;
		if (end - tok <= (long)MMIO_KEY_LEN)
			break;
		for (i = 0; i < MMIO_KEY_LEN && tok[i] == MMIO_KEY[i]; i++)
			;
		if (i < MMIO_KEY_LEN)
			break;
		if (parse_mmio(tok + MMIO_KEY_LEN, end, &d) < 0) {
			_x86_say("malformed virtio_mmio.device= token left on the command line");
			break;
		}
		if (bi->nr_devices == UK_BOOTINFO_MAX_DEVICES) {
			_x86_say("too many virtio_mmio.device= tokens: the first ones are ignored");
			*tok = '\0';
			end = tok;
			continue;
		}
		bi->devices[bi->nr_devices++] = d;
		n++;
		*tok = '\0';
		end = tok;
	}
	sort_by_address_down(bi->devices + bi->nr_devices - n, n);
}
