/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PV console: a page the toolstack shares with xenconsoled in dom0
 * (HVM_PARAM_CONSOLE_PFN) holding an input and an output ring, and an
 * event channel (HVM_PARAM_CONSOLE_EVTCHN) to signal new bytes. A
 * non-debug Xen drops a domU's console_io writes, so the ring is the
 * console; console_io is only the fallback before the ring is known.
 *
 * The ring usually lies in the toolstack's special pages near 4 GiB,
 * beyond the first GiB that entry.S maps: it is mapped here with one 2
 * MiB page of a spare page directory until paging.c builds the final
 * tables (setup.c hands it the page).
 *
 * When the ring is full, output waits for xenconsoled, yielding the CPU,
 * for at most about a second, then drops what is left: a console nobody
 * reads must not stop the guest.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/paging.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <uk/plat/xen/xen.h>
#include <xen/hvm/params.h>
#include <xen/io/console.h>
#include <xen/sched.h>
#include <x86/paging.h>
#include "console.h"
#include "hypercall.h"

#define WAIT_NS		UK_NSEC_PER_SEC

static struct {
	struct xencons_interface *ring;	/* NULL: not known */
	unsigned int port;
	uint64_t page;
} con;

/* The directory of the GiB the ring lies in, until paging.c's tables. */
static uint64_t early_pd[X86_PT_ENTRIES] __aligned(4096);

static void early_map(uint64_t addr)
{
	unsigned int g = addr >> 30;
	unsigned int i = (addr >> 21) & (X86_PT_ENTRIES - 1);

	if (g == 0)
		return;		/* entry.S maps the first GiB */
	early_pd[i] = (addr & ~(X86_LARGE_PAGE_SIZE - 1)) | X86_PTE_PRESENT |
		      X86_PTE_RW | X86_PTE_PS;
	_x86_pt_pdpt[g] = (uintptr_t)early_pd | X86_ATTR_TABLE;
	invlpg(addr);
}

int _xen_console_init(void)
{
	uint64_t pfn, port;
	int rc;

	rc = uk_xen_hvm_param(HVM_PARAM_CONSOLE_PFN, &pfn);
	if (rc < 0)
		return rc;
	rc = uk_xen_hvm_param(HVM_PARAM_CONSOLE_EVTCHN, &port);
	if (rc < 0)
		return rc;
	/* Within the 512 GiB paging.c maps, and a port number. */
	if (!pfn || pfn >= (512ULL << 30) >> 12 || port > 0xffffffffULL)
		return -EINVAL;
	con.page = pfn << 12;
	early_map(con.page);
	con.port = (unsigned int)port;
	con.ring = (struct xencons_interface *)(uintptr_t)con.page;
	return 0;
}

uint64_t _xen_console_page(void)
{
	return con.page;
}

static void notify(void)
{
	uk_xen_evtchn_notify(con.port);
}

void uk_xen_yield(void)
{
	_xen_hc2(__HYPERVISOR_sched_op, SCHEDOP_yield, NULL);
}

static void console_io(const char *buf, unsigned int len)
{
	_xen_hc3(__HYPERVISOR_console_io, CONSOLEIO_write, len, buf);
}

int uk_plat_console_out(const char *buf, unsigned int len)
{
	struct xencons_interface *r = con.ring;
	XENCONS_RING_IDX cons, prod;
	unsigned int done = 0;
	__nsec give_up = 0;

	if (!r) {
		console_io(buf, len);
		return len;
	}
	while (done < len) {
		cons = __atomic_load_n(&r->out_cons, __ATOMIC_ACQUIRE);
		prod = r->out_prod;
		if (prod - cons >= sizeof(r->out)) {
			/* Full: let xenconsoled run, for a while. */
			notify();
			if (!give_up)
				give_up = uk_plat_monotonic_ns() + WAIT_NS;
			else if (uk_plat_monotonic_ns() > give_up)
				break;
			uk_xen_yield();
			continue;
		}
		while (done < len && prod - cons < sizeof(r->out))
			r->out[MASK_XENCONS_IDX(prod++, r->out)] = buf[done++];
		__atomic_store_n(&r->out_prod, prod, __ATOMIC_RELEASE);
	}
	notify();
	return len;
}

int uk_plat_console_in(char *buf, unsigned int maxlen)
{
	struct xencons_interface *r = con.ring;
	XENCONS_RING_IDX cons, prod;
	unsigned int n = 0;

	if (!r)
		return 0;
	cons = r->in_cons;
	prod = __atomic_load_n(&r->in_prod, __ATOMIC_ACQUIRE);
	/* A producer index more than a ring ahead is the backend's bug. */
	if (prod - cons > sizeof(r->in))
		return -EIO;
	while (n < maxlen && cons != prod)
		buf[n++] = r->in[MASK_XENCONS_IDX(cons++, r->in)];
	__atomic_store_n(&r->in_cons, cons, __ATOMIC_RELEASE);
	if (n)
		notify();
	return n;
}

void _xen_console_flush(void)
{
	struct xencons_interface *r = con.ring;
	__nsec give_up;

	if (!r)
		return;
	give_up = uk_plat_monotonic_ns() + WAIT_NS;
	while (__atomic_load_n(&r->out_cons, __ATOMIC_ACQUIRE) !=
	       r->out_prod && uk_plat_monotonic_ns() < give_up) {
		notify();
		uk_xen_yield();
	}
}
