/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The final page tables: an identity map of RAM and of the few device
 * pages the platform touches, with permissions per 4 KiB page where they
 * differ and the largest pages where they do not:
 *   page 0                    unmapped (NULL dereferences fault)
 *   the rest of the first MiB read-write, no-execute (firmware, VGA;
 *                             the image, which lies in it, as below)
 *   image text                read-only, executable
 *   image rodata              read-only, no-execute
 *   image data and bss        read-write, no-execute
 *   stack guard pages         unmapped
 *   other RAM                 read-write, no-execute (2 MiB / 1 GiB pages)
 *   the platform's pages      read-write, no-execute, uncached (kvm:
 *                             the APICs, a shutdown register)
 *   everything else           unmapped
 * entry.S built the first GiB with 2 MiB pages; this refines those
 * tables in place (the mappings of the running code never change, only
 * their permissions) and adds what lies above. Tables beyond the static
 * ones come from free RAM, counted in a first pass and taken at once.
 * Until they are loaded, entry.S's tables keep the image's text and
 * rodata read-only, and a table is zeroed by a loop bounded by its page
 * within that pool: a fault here ends in a crash screen, not in the
 * image or the IDT wiped.
 * Without NX (old CPUs) everything is executable; CR0.WP makes read-only
 * pages read-only for the kernel too.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/paging.h>
#include <uk/plat/lifecycle.h>
#include <x86/memory.h>
#include <x86/paging.h>
#include <x86/stacks.h>

#define ATTR_RAM	(X86_PTE_PRESENT | X86_PTE_RW | X86_PTE_NX)
#define ATTR_TEXT	(X86_PTE_PRESENT)
#define ATTR_RODATA	(X86_PTE_PRESENT | X86_PTE_NX)
#define ATTR_DEVICE	X86_ATTR_DEVICE
#define ATTR_TABLE	X86_ATTR_TABLE

#define MAX_RANGES	(X86_MAX_RAM_RANGES + 16)
#define MAX_BOUNDS	(2 * MAX_RANGES)
/* The map stops at 512 GiB: one PML4 entry. */
#define MAP_LIMIT	(512ULL << 30)

struct range {
	uint64_t start, end;
	uint64_t attr;		/* 0: unmapped */
};

/*
 * The ranges are turned into a sorted list of boundaries with the
 * attribute of the interval after each, so that the walk over the address
 * space below advances one pointer instead of testing every range at
 * every page: under TCG, where the boot runs emulated, that is the
 * difference between milliseconds and tens of microseconds.
 */
static struct {
	/* Later ranges override earlier ones. */
	struct range ranges[MAX_RANGES];
	unsigned int nr;
	uint64_t bound[MAX_BOUNDS];	/* sorted, unique */
	uint64_t battr[MAX_BOUNDS];	/* attribute from bound[i] on */
	unsigned int nr_bounds;
	uint64_t nx_mask;	/* ~0, or ~NX when the CPU has no NX */
	int huge;		/* 1 GiB pages available */
	/* Pass 1 counts tables into "need"; pass 2 takes them from "pool". */
	int counting;
	unsigned int need;
	uint64_t *pool, *pool_end;
} pg;

static void add(uint64_t start, uint64_t end, uint64_t attr)
{
	if (pg.nr < MAX_RANGES && start < end)
		pg.ranges[pg.nr++] = (struct range){ start, end, attr };
}

static uint64_t attr_at(uint64_t addr)
{
	uint64_t attr = 0;
	unsigned int i;

	for (i = 0; i < pg.nr; i++)
		if (addr >= pg.ranges[i].start && addr < pg.ranges[i].end)
			attr = pg.ranges[i].attr;
	return attr & pg.nx_mask;
}

static void add_bound(uint64_t b)
{
	unsigned int i, j;

	for (i = 0; i < pg.nr_bounds && pg.bound[i] < b; i++)
		;
	if (i < pg.nr_bounds && pg.bound[i] == b)
		return;
	for (j = pg.nr_bounds; j > i; j--)
		pg.bound[j] = pg.bound[j - 1];
	pg.bound[i] = b;
	pg.nr_bounds++;
}

static void make_bounds(void)
{
	unsigned int i;

	add_bound(0);
	for (i = 0; i < pg.nr; i++) {
		add_bound(pg.ranges[i].start);
		add_bound(pg.ranges[i].end);
	}
	for (i = 0; i < pg.nr_bounds; i++)
		pg.battr[i] = attr_at(pg.bound[i]);
}

/*
 * A cursor over the boundaries for addresses that only grow: the index
 * of the last boundary <= addr.
 */
struct cursor {
	unsigned int i;
};

static uint64_t cursor_attr(struct cursor *c, uint64_t addr)
{
	while (c->i + 1 < pg.nr_bounds && pg.bound[c->i + 1] <= addr)
		c->i++;
	return pg.battr[c->i];
}

/* [lo, hi) has one attribute: no boundary strictly inside. */
static int cursor_uniform(struct cursor *c, uint64_t lo, uint64_t hi)
{
	cursor_attr(c, lo);
	return c->i + 1 >= pg.nr_bounds || pg.bound[c->i + 1] >= hi;
}

static void __noreturn pool_overrun(void)
{
	_x86_say("page tables: more than counted (a bug): stopping");
	uk_plat_terminate(UK_PLAT_CRASH, UK_CRASH_STATUS);
}

/*
 * Zero the table at @t, a page of the pool. The loop tests "below the
 * page's end", never "not at the end": the empty asm hides the distance
 * from the compiler, which would otherwise turn the test into "not
 * equal". A loop whose step went wrong still stops at the page's end.
 */
static void zero_table(uint64_t *t)
{
	uintptr_t a = (uintptr_t)t, end = a + X86_PAGE_SIZE;

	__asm__("" : "+r"(end));
	for (; a < end; a += sizeof(uint64_t))
		*(volatile uint64_t *)a = 0;
}

static uint64_t *table(void)
{
	uint64_t *t;

	pg.need++;
	if (pg.counting)
		return NULL;
	/* Pass 2 takes what pass 1 counted, never a page more. */
	if (pg.pool + X86_PT_ENTRIES > pg.pool_end)
		pool_overrun();
	t = pg.pool;
	zero_table(t);
	pg.pool += X86_PT_ENTRIES;
	return t;
}

static uint64_t leaf(uint64_t addr, uint64_t attr, uint64_t large)
{
	return attr ? addr | attr | large : 0;
}

/* Fill @pd for the GiB at @base; @pd is NULL in the counting pass. */
static void fill_pd(uint64_t *pd, uint64_t base, struct cursor *c)
{
	unsigned int i, j;

	for (i = 0; i < X86_PT_ENTRIES; i++) {
		uint64_t chunk = base + i * X86_LARGE_PAGE_SIZE;
		uint64_t *pt;

		if (cursor_uniform(c, chunk, chunk + X86_LARGE_PAGE_SIZE)) {
			if (pd)
				pd[i] = leaf(chunk, cursor_attr(c, chunk),
					     X86_PTE_PS);
			continue;
		}
		pt = table();
		if (!pt)
			continue;
		for (j = 0; j < X86_PT_ENTRIES; j++) {
			uint64_t page = chunk + j * X86_PAGE_SIZE;

			pt[j] = leaf(page, cursor_attr(c, page), 0);
		}
		pd[i] = (uintptr_t)pt | ATTR_TABLE;
	}
}

static void build(uint64_t top)
{
	struct cursor c = { 0 };
	uint64_t g, base, attr;
	uint64_t *pd;
	int counting = pg.counting;

	for (g = 0; g * X86_HUGE_PAGE_SIZE < top; g++) {
		base = g * X86_HUGE_PAGE_SIZE;
		if (g > 0 &&
		    cursor_uniform(&c, base, base + X86_HUGE_PAGE_SIZE)) {
			attr = cursor_attr(&c, base);
			if (pg.huge || !attr) {
				if (!counting)
					_x86_pt_pdpt[g] = leaf(base, attr,
							       X86_PTE_PS);
				continue;
			}
		}
		pd = g == 0 ? _x86_pt_pd0 : table();
		fill_pd(counting ? NULL : pd, base, &c);
		if (!counting && g > 0)
			_x86_pt_pdpt[g] = (uintptr_t)pd | ATTR_TABLE;
	}
}

uint64_t _x86_pte_nx_mask(void)
{
	return (cpuid(0x80000001, 0).edx & X86_CPUID81_EDX_NX) ? ~0ULL :
								  ~X86_PTE_NX;
}

int _x86_paging_init(struct uk_bootinfo *bi, const struct x86_bootparams *bp,
		     const uint64_t *dev_pages, unsigned int nr_dev)
{
	struct x86_cpuid ext = cpuid(0x80000001, 0);
	uintptr_t guards[8];
	unsigned int i, n;
	uint64_t top = 0;

	pg.nx_mask = _x86_pte_nx_mask();
	pg.huge = !!(ext.edx & X86_CPUID81_EDX_PAGE1GB);

	for (i = 0; i < bp->nr_ram; i++)
		add(bp->ram[i].start, MIN(bp->ram[i].end, MAP_LIMIT), ATTR_RAM);
	add(0, 1UL << 20, ATTR_RAM);
	add(0, X86_PAGE_SIZE, 0);
	add((uintptr_t)__x86_image_start, (uintptr_t)__x86_text_end, ATTR_TEXT);
	add((uintptr_t)__x86_text_end, (uintptr_t)__x86_rodata_end, ATTR_RODATA);
	add((uintptr_t)__x86_rodata_end, ALIGN_UP((uintptr_t)_end, X86_PAGE_SIZE),
	    ATTR_RAM);
	n = _x86_stack_guards(guards, ARRAY_SIZE(guards));
	for (i = 0; i < n; i++)
		add(guards[i], guards[i] + X86_GUARD_SIZE, 0);
	for (i = 0; i < nr_dev; i++)
		add(dev_pages[i], dev_pages[i] + X86_PAGE_SIZE, ATTR_DEVICE);

	for (i = 0; i < pg.nr; i++)
		if (pg.ranges[i].attr && pg.ranges[i].end > top)
			top = pg.ranges[i].end;
	make_bounds();
	top = MIN(ALIGN_UP(top, X86_HUGE_PAGE_SIZE), MAP_LIMIT);

	/* Pass 1: count the tables; then take them; pass 2: fill. */
	pg.counting = 1;
	pg.need = 0;
	build(top);
	if (pg.need) {
		pg.pool = (uint64_t *)_x86_mem_take(bi, pg.need, "page tables");
		if (!pg.pool)
			return -ENOMEM;
		pg.pool_end = pg.pool + pg.need * X86_PT_ENTRIES;
	}
	pg.counting = 0;
	build(top);

	/* Reloading CR3 drops every stale translation. */
	write_cr3(read_cr3());
	return 0;
}
