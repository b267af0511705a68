/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wall-clock time: the CMOS real-time clock, read once on first use and
 * then advanced with the monotonic clock (the RTC counts whole seconds
 * and each read costs a dozen port accesses). The RTC holds UTC under
 * QEMU's default -rtc base=utc.
 */
#include <uk/arch/cpu.h>
#include <uk/plat/time.h>
#include <kvm/setup.h>

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define RTC_SEC		0x00
#define RTC_MIN		0x02
#define RTC_HOUR	0x04
#define RTC_DAY		0x07
#define RTC_MON		0x08
#define RTC_YEAR	0x09
#define RTC_STATUS_A	0x0a
#define RTC_STATUS_B	0x0b
#define RTC_CENTURY	0x32
#define RTC_A_UIP	0x80
#define RTC_B_24H	0x02
#define RTC_B_BINARY	0x04
#define RTC_HOUR_PM	0x80

static struct {
	int read;
	__nsec offset;	/* wall = monotonic + offset */
} wall;

static unsigned int cmos(unsigned int reg)
{
	/* Bit 7 of the index keeps NMIs enabled as they were (on). */
	outb(CMOS_INDEX, reg & 0x7f);
	return inb(CMOS_DATA);
}

static unsigned int bcd(unsigned int v, int binary)
{
	return binary ? v : (v & 0xf) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to @y-@m-@d (proleptic Gregorian). */
static uint64_t days_since_epoch(unsigned int y, unsigned int m,
				 unsigned int d)
{
	/* Shift the year to start in March: leap days come last. */
	unsigned int yy = m <= 2 ? y - 1 : y;
	unsigned int mm = m <= 2 ? m + 9 : m - 3;
	uint64_t days = 365ULL * yy + yy / 4 - yy / 100 + yy / 400 +
			(153 * mm + 2) / 5 + d - 1;

	return days - 719468;	/* the same formula for 1970-01-01 */
}

static __nsec rtc_read_ns(void)
{
	unsigned int sec, min, hour, day, mon, year, cent, b, spins = 0;
	int binary;

	while ((cmos(RTC_STATUS_A) & RTC_A_UIP) && spins++ < 100000)
		cpu_relax();
	sec = cmos(RTC_SEC);
	min = cmos(RTC_MIN);
	hour = cmos(RTC_HOUR);
	day = cmos(RTC_DAY);
	mon = cmos(RTC_MON);
	year = cmos(RTC_YEAR);
	cent = cmos(RTC_CENTURY);
	b = cmos(RTC_STATUS_B);
	binary = b & RTC_B_BINARY;

	sec = bcd(sec, binary);
	min = bcd(min, binary);
	if (!(b & RTC_B_24H)) {
		unsigned int pm = hour & RTC_HOUR_PM;

		hour = bcd(hour & ~RTC_HOUR_PM, binary) % 12 + (pm ? 12 : 0);
	} else {
		hour = bcd(hour, binary);
	}
	day = bcd(day, binary);
	mon = bcd(mon, binary);
	year = bcd(year, binary);
	cent = bcd(cent, binary);
	year += (cent >= 19 && cent <= 30) ? cent * 100 : 2000;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;

	return ((days_since_epoch(year, mon, day) * 24 + hour) * 3600 +
		min * 60 + sec) * UK_NSEC_PER_SEC;
}

__nsec uk_plat_wall_ns(void)
{
	if (!wall.read) {
		__nsec rtc = rtc_read_ns();

		wall.offset = rtc ? rtc - uk_plat_monotonic_ns() : 0;
		wall.read = 1;
		if (!rtc)
			return 0;
	}
	return uk_plat_monotonic_ns() + wall.offset;
}
