/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt control of a Xen guest: the CPU's interrupt flag gates the
 * event upcall. A Xen guest has no interrupt lines: its devices signal
 * through event channels (uk/plat/xen/xen.h), so the line and MSI calls
 * of the common contract say so.
 */
#include <errno.h>
#include <uk/arch/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/mmio.h>

void uk_plat_irq_enable(void)
{
	irq_sti();
}

void uk_plat_irq_disable(void)
{
	irq_cli();
}

int uk_plat_irq_enabled(void)
{
	return !!(read_rflags() & X86_RFLAGS_IF);
}

unsigned long uk_plat_irq_save(void)
{
	unsigned long flags = read_rflags();

	irq_cli();
	return flags & X86_RFLAGS_IF;
}

void uk_plat_irq_restore(unsigned long flags)
{
	if (flags & X86_RFLAGS_IF)
		irq_sti();
}

int uk_plat_irq_register(unsigned int irq __unused,
			 uk_irq_handler_t fn __unused, void *arg __unused)
{
	return -EINVAL;
}

int uk_plat_irq_set_trigger(unsigned int irq __unused,
			    enum uk_irq_trigger trig __unused)
{
	return -EINVAL;
}

int uk_plat_irq_alloc_msi(uk_irq_handler_t fn, void *arg __unused,
			  struct uk_irq_msi *msg)
{
	if (!fn || !msg)
		return -EINVAL;
	return -ENOTSUP;
}

int uk_plat_irq_msi_supported(void)
{
	return 0;
}

/* No device memory: a PVH guest's devices are PV, through rings. */
int uk_plat_mmio_map(uint64_t paddr __unused, size_t len __unused)
{
	return -ENODEV;
}
