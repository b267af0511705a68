/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 16550 UART at COM1: 115200 baud, 8N1, interrupts off, FIFOs left
 * as the firmware set them: switching them on clears the receive FIFO,
 * and QEMU delivers stdin from its start, so bytes typed or piped before
 * this setup (or while it runs) would be lost.
 * Output polls "transmit holding register empty", input polls "data
 * ready"; both are instant on QEMU and correct on real hardware.
 */
#include <uk/arch/cpu.h>
#include <kvm/setup.h>

#define COM1		0x3f8
#define REG_DATA	0	/* RBR/THR; DLL with DLAB */
#define REG_IER		1	/* DLM with DLAB */
#define REG_LCR		3
#define REG_MCR		4
#define REG_LSR		5

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define MCR_DTR_RTS	0x03
#define LSR_DR		0x01
#define LSR_THRE	0x20

#define BAUD_DIVISOR	1	/* 115200 = 1843200 / 16 / 1 */

/* Bounded waits: a UART that never becomes ready must not hang us. */
#define TX_SPIN_MAX	100000

void _kvm_serial_init(void)
{
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, LCR_DLAB);
	outb(COM1 + REG_DATA, BAUD_DIVISOR & 0xff);
	outb(COM1 + REG_IER, BAUD_DIVISOR >> 8);
	outb(COM1 + REG_LCR, LCR_8N1);
	outb(COM1 + REG_MCR, MCR_DTR_RTS);
}

static void serial_putc(char c)
{
	unsigned int spin = 0;

	while (!(inb(COM1 + REG_LSR) & LSR_THRE) && spin++ < TX_SPIN_MAX)
		cpu_relax();
	outb(COM1 + REG_DATA, c);
}

void _kvm_serial_out(const char *buf, unsigned int len)
{
	unsigned int i;

	/*
	 * Bytes go out as they are, as on linuxu: no CR before LF. QEMU's
	 * stdio keeps the terminal's output processing (ONLCR), and the
	 * output stays byte-identical to linuxu's for scripts and tests.
	 */
	for (i = 0; i < len; i++)
		serial_putc(buf[i]);
}

int _kvm_serial_in(char *buf, unsigned int maxlen)
{
	unsigned int n = 0;

	while (n < maxlen && (inb(COM1 + REG_LSR) & LSR_DR))
		buf[n++] = inb(COM1 + REG_DATA);
	return n;
}
