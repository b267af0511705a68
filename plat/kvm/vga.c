/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Output on the VGA text screen (80x25 at 0xb8000), for a QEMU window
 * or a real screen. Write-only: scrolls at the bottom, handles \n, \r,
 * \t and backspace, and ignores other control bytes. The hardware cursor
 * is left alone.
 */
#include <kvm/setup.h>

#define VGA_BASE	0xb8000UL
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700	/* light grey on black */

static struct {
	unsigned int row, col;
} vga;

static volatile uint16_t *cell(unsigned int row, unsigned int col)
{
	return (volatile uint16_t *)VGA_BASE + row * VGA_COLS + col;
}

static void scroll(void)
{
	unsigned int r, c;

	for (r = 1; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			*cell(r - 1, c) = *cell(r, c);
	for (c = 0; c < VGA_COLS; c++)
		*cell(VGA_ROWS - 1, c) = VGA_ATTR | ' ';
}

static void newline(void)
{
	vga.col = 0;
	if (++vga.row == VGA_ROWS) {
		scroll();
		vga.row = VGA_ROWS - 1;
	}
}

void _kvm_vga_init(void)
{
	unsigned int r, c;

	for (r = 0; r < VGA_ROWS; r++)
		for (c = 0; c < VGA_COLS; c++)
			*cell(r, c) = VGA_ATTR | ' ';
	vga.row = vga.col = 0;
}

void _kvm_vga_out(const char *buf, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		unsigned char ch = buf[i];

		switch (ch) {
		case '\n':
			newline();
			break;
		case '\r':
			vga.col = 0;
			break;
		case '\t':
			vga.col = (vga.col + 8) & ~7U;
			if (vga.col >= VGA_COLS)
				newline();
			break;
		case '\b':
			if (vga.col)
				vga.col--;
			break;
		default:
			if (ch < ' ')
				break;
			*cell(vga.row, vga.col) = VGA_ATTR | ch;
			if (++vga.col == VGA_COLS)
				newline();
		}
	}
}
