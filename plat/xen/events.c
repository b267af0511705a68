/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event channels (2-level ABI) and the upcall. Xen marks a port pending
 * in the shared info page, sets the vCPU's selector bit and its
 * upcall_pending flag, and raises XEN_VEC_UPCALL (HVM_PARAM_CALLBACK_IRQ
 * in its vector form: no local APIC EOI). The handler clears the flag,
 * takes the selector, and for each pending, unmasked port clears the
 * pending bit before calling the port's handler, so that an event that
 * arrives meanwhile is seen again. Ports are few in a unikernel: the
 * handler table covers the first XEN_MAX_PORTS.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/arch/traps.h>
#include <uk/plat/irq.h>
#include <uk/plat/xen/xen.h>
#include <xen/event_channel.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include <xen/memory.h>
#include "events.h"
#include "hypercall.h"

#define XEN_MAX_PORTS	256
#define BITS		(8 * sizeof(xen_ulong_t))

union xen_shared_page _xen_shared __aligned(4096);

static struct {
	uk_xen_evtchn_handler_t fn;
	void *arg;
} ports[XEN_MAX_PORTS];

static long evtchn_op(unsigned int cmd, void *arg)
{
	return _xen_hc2(__HYPERVISOR_event_channel_op, cmd, arg);
}

static long hvm_op(unsigned int cmd, void *arg)
{
	return _xen_hc2(__HYPERVISOR_hvm_op, cmd, arg);
}

int _xen_shared_info_init(void)
{
	struct xen_add_to_physmap map = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)&_xen_shared >> 12,
	};
	long rc;

	rc = _xen_hc2(__HYPERVISOR_memory_op, XENMEM_add_to_physmap, &map);
	if (rc < 0)
		return (int)rc;
	/* Events reach the vector only while this is clear. */
	XEN_SHARED_INFO->vcpu_info[0].evtchn_upcall_mask = 0;
	return 0;
}

int uk_xen_hvm_param(unsigned int idx, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = idx };
	long rc = hvm_op(HVMOP_get_param, &p);

	if (rc < 0)
		return (int)rc;
	*value = p.value;
	return 0;
}

void uk_xen_evtchn_mask(unsigned int port)
{
	xen_ulong_t *m = &XEN_SHARED_INFO->evtchn_mask[port / BITS];

	__atomic_fetch_or(m, (xen_ulong_t)1 << (port % BITS),
			  __ATOMIC_SEQ_CST);
}

void uk_xen_evtchn_unmask(unsigned int port)
{
	struct evtchn_unmask u = { .port = port };

	/* Xen re-raises an event that was pending while masked. */
	evtchn_op(EVTCHNOP_unmask, &u);
}

int uk_xen_evtchn_notify(unsigned int port)
{
	struct evtchn_send s = { .port = port };

	return (int)evtchn_op(EVTCHNOP_send, &s);
}

int uk_xen_evtchn_bind(unsigned int port, uk_xen_evtchn_handler_t fn,
		       void *arg)
{
	unsigned long flags;

	if (port >= XEN_MAX_PORTS || !fn)
		return -EINVAL;
	flags = uk_plat_irq_save();
	if (ports[port].fn) {
		uk_plat_irq_restore(flags);
		return -EBUSY;
	}
	ports[port].fn = fn;
	ports[port].arg = arg;
	uk_plat_irq_restore(flags);
	uk_xen_evtchn_unmask(port);
	return 0;
}

/* A new port from Xen: bound to its handler, or closed again. */
static int bind_new(long rc, unsigned int port, uk_xen_evtchn_handler_t fn,
		    void *arg)
{
	struct evtchn_close c = { .port = port };
	int err;

	if (rc < 0)
		return (int)rc;
	err = uk_xen_evtchn_bind(port, fn, arg);
	if (err < 0) {
		evtchn_op(EVTCHNOP_close, &c);
		return err == -EINVAL && fn ? -ENOSPC : err;
	}
	return (int)port;
}

int uk_xen_evtchn_alloc_unbound(uint16_t remote, uk_xen_evtchn_handler_t fn,
				void *arg)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF,
					  .remote_dom = remote };
	long rc;

	if (!fn)
		return -EINVAL;
	rc = evtchn_op(EVTCHNOP_alloc_unbound, &a);
	return bind_new(rc, a.port, fn, arg);
}

int uk_xen_evtchn_bind_interdomain(uint16_t remote, unsigned int remote_port,
				   uk_xen_evtchn_handler_t fn, void *arg)
{
	struct evtchn_bind_interdomain b = { .remote_dom = remote,
					     .remote_port = remote_port };
	long rc;

	if (!fn)
		return -EINVAL;
	rc = evtchn_op(EVTCHNOP_bind_interdomain, &b);
	return bind_new(rc, b.local_port, fn, arg);
}

int _xen_evtchn_bind_virq(unsigned int virq, uk_xen_evtchn_handler_t fn,
			  void *arg)
{
	struct evtchn_bind_virq b = { .virq = virq, .vcpu = 0 };
	long rc;

	if (!fn)
		return -EINVAL;
	rc = evtchn_op(EVTCHNOP_bind_virq, &b);
	return bind_new(rc, b.port, fn, arg);
}

int uk_xen_evtchn_close(unsigned int port)
{
	struct evtchn_close c = { .port = port };
	unsigned long flags;

	if (port >= XEN_MAX_PORTS)
		return -EINVAL;
	uk_xen_evtchn_mask(port);
	flags = uk_plat_irq_save();
	ports[port].fn = NULL;
	ports[port].arg = NULL;
	uk_plat_irq_restore(flags);
	return (int)evtchn_op(EVTCHNOP_close, &c);
}

static void upcall(void)
{
	struct shared_info *s = XEN_SHARED_INFO;
	struct vcpu_info *v = &s->vcpu_info[0];
	xen_ulong_t sel, pend, bit;
	unsigned int i, port;

	while (__atomic_load_n(&v->evtchn_upcall_pending, __ATOMIC_ACQUIRE)) {
		v->evtchn_upcall_pending = 0;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0,
					  __ATOMIC_SEQ_CST);
		while (sel) {
			i = __builtin_ctzl(sel);
			sel &= sel - 1;
			pend = __atomic_load_n(&s->evtchn_pending[i],
					       __ATOMIC_ACQUIRE) &
			       ~__atomic_load_n(&s->evtchn_mask[i],
						__ATOMIC_ACQUIRE);
			while (pend) {
				bit = __builtin_ctzl(pend);
				pend &= pend - 1;
				port = i * BITS + bit;
				__atomic_fetch_and(&s->evtchn_pending[i],
						   ~((xen_ulong_t)1 << bit),
						   __ATOMIC_SEQ_CST);
				if (port < XEN_MAX_PORTS && ports[port].fn)
					ports[port].fn(port, ports[port].arg);
				else
					uk_xen_evtchn_mask(port);
			}
		}
	}
}

static void dispatch(unsigned int vector, struct ukarch_regs *regs __unused)
{
	if (vector == XEN_VEC_UPCALL)
		upcall();
}

int _xen_events_init(void)
{
	struct xen_hvm_param p = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = ((uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56) |
			 XEN_VEC_UPCALL,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(XEN_SHARED_INFO->evtchn_mask); i++)
		XEN_SHARED_INFO->evtchn_mask[i] = ~(xen_ulong_t)0;
	ukarch_irq_set_handler(dispatch);
	return (int)hvm_op(HVMOP_set_param, &p);
}
