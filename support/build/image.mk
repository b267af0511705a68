# Images: one per selected platform, linked from the per-library objects.
#   $(O)/<app>_<plat>-<arch>      the stripped, bootable image
#   $(O)/<app>_<plat>-<arch>.dbg  the same with symbols, for gdb/backtraces
#   $(O)/<app>_<plat>-<arch>.map  the link map (per-library sizes)
# A platform's Makefile.uk sets <PLAT>_LDSCRIPT and <PLAT>_LDFLAGS-y.

kiln_image = $(KILN_OUT)/$(KILN_APP)_$(1)-$(KILN_ARCH)
KILN_IMAGES := $(foreach p,$(KILN_PLATS),$(call kiln_image,$(p)))

# $(1): platform. The stripped image is linked a second time with
# --strip-all rather than copied by objcopy, which rebuilds the program
# headers from the sections' load addresses and gets those of TLS
# sections wrong when they differ from the run addresses (the PVH load
# address, plat/common/x86/link.lds).
kiln_image_libobjs = $(foreach l,$(call kiln_plat_libs,$(1)),$(call kiln_libobj,$(1),$(l)))
# The platform's flags come before -T: its -L folders are searched by
# the script's INCLUDEs, which ld reads as it reads -T.
kiln_image_link = $(LD) -nostdlib $(if $(CONFIG_OPTIMIZE_GC_SECTIONS),--gc-sections) \
	$($(call kiln_upper,$(1))_LDFLAGS-y) \
	-L$(KILN_ROOT)/support/build/lds -T $($(call kiln_upper,$(1))_LDSCRIPT)

define kiln_image_rules
kiln_cmd_$(call kiln_image,$(1)).dbg := $(call kiln_image_link,$(1)) \
	-Map=$(call kiln_image,$(1)).map \
	-o $(call kiln_image,$(1)).dbg $(call kiln_image_libobjs,$(1))
$$(call kiln_track,$(call kiln_image,$(1)).dbg,$$(kiln_cmd_$(call kiln_image,$(1)).dbg))
$(call kiln_image,$(1)).dbg: $(call kiln_image_libobjs,$(1)) \
		$($(call kiln_upper,$(1))_LDSCRIPT) $(KILN_ROOT)/support/build/lds/kiln-sections.lds
	$$(call kiln_say,LD,$$(notdir $$@))
	$(Q)$$(kiln_cmd_$$@) && $$(call kiln_record,$$(kiln_cmd_$$@),$$@)

$(call kiln_image,$(1)): $(call kiln_image,$(1)).dbg
	$$(call kiln_say,STRIP,$$(notdir $$@))
	$(Q)$(call kiln_image_link,$(1)) --strip-all -o $$@ \
		$(call kiln_image_libobjs,$(1))

# The compile commands of this platform's objects, for editors and
# clang-tidy (JSON Compilation Database).
$(B)/$(1)/compile_commands.json: $(call kiln_image,$(1)).dbg $(KILN_ROOT)/support/build/compile-commands
	$$(call kiln_say,GEN,$$(patsubst $(B)/%,%,$$@))
	$(Q)$(KILN_ROOT)/support/build/compile-commands $(KILN_ROOT) $$@ $(B)/$(1)
endef

$(foreach p,$(KILN_PLATS),$(if $($(call kiln_upper,$(p))_LDSCRIPT),,$(call \
	kiln_die,platform $(p) sets no $(call kiln_upper,$(p))_LDSCRIPT in its Makefile.uk)))
$(foreach p,$(KILN_PLATS),$(eval $(call kiln_image_rules,$(p))))

# All platforms' commands in one file beside them, where editors look.
$(B)/compile_commands.json: $(foreach p,$(KILN_PLATS),$(B)/$(p)/compile_commands.json)
	$(Q)$(KILN_ROOT)/support/build/compile-commands --merge $@ $^

.PHONY: all images run
all: $(KILN_IMAGES) $(B)/compile_commands.json
	@$(foreach i,$(KILN_IMAGES),echo 'kiln: built $(i)';)

# `make run` boots the image of one platform; its exit status is the
# guest's (support/scripts/run maps it back), so make reports a failure
# when the guest fails. The guest gets `KARGS -- ARGS`: the kernel
# parameters, then main()'s arguments (a "--" in ARGS is the
# application's). Both are split by the shell, quotes included.
# The default is kvm when it is enabled, else the first enabled platform.
kiln_run_plat := $(if $(PLAT),$(PLAT),$(if $(filter kvm,$(KILN_PLATS)),kvm,$(firstword $(KILN_PLATS))))
# NET=, DISK=, INITRD= and FS= need a driver in the image to mean anything:
# without one the guest would run as if they were not given. Refused
# before building.
kiln_run_nodrv = $(if $($(1)),$(if $(strip $(KILN_RUN_$(1)-$(kiln_run_plat)-y)),,$(1)))
ifneq ($(filter run,$(MAKECMDGOALS)),)
$(foreach v,$(call kiln_run_nodrv,NET) $(call kiln_run_nodrv,DISK),$(call \
	kiln_die,$(v)=$($(v)): the $(kiln_run_plat) image of $(KILN_APP) has no $(if \
	$(filter NET,$(v)),network,block) driver: enable one in 'make menuconfig' (Drivers)))
$(if $(call kiln_run_nodrv,INITRD),$(call kiln_die,INITRD=$(INITRD): the \
	$(kiln_run_plat) image of $(KILN_APP) does not unpack an initrd: enable \
	ukcpio and its "Unpack the initrd at boot" in 'make menuconfig' (Library)))
$(if $(call kiln_run_nodrv,FS),$(call kiln_die,FS=$(FS): the $(kiln_run_plat) \
	image of $(KILN_APP) has no file system for host folders: enable one in \
	'make menuconfig' (kvm: Drivers, virtio-9p, and Library, 9pfs; \
	linuxu: Drivers, hostfs)))
endif
run: $(call kiln_image,$(kiln_run_plat))
	$(Q)$(KILN_ROOT)/support/scripts/run --plat $(kiln_run_plat) \
		--image $< $(if $(MEM),--mem '$(MEM)') \
		$(if $(ACCEL),--accel '$(ACCEL)') \
		$(if $(MACHINE),--machine '$(MACHINE)') \
		$(if $(NET),--net '$(NET)') $(if $(DISK),--disk '$(DISK)') \
		$(if $(INITRD),--initrd '$(INITRD)') $(if $(FS),--fs '$(FS)') \
		$(if $(filter 1 y yes,$(GDB)),--gdb $(if $(filter linuxu,$(kiln_run_plat)),1,1234),$(if \
		$(filter-out 0 n no,$(GDB)),--gdb '$(GDB)')) -- $(KARGS) -- $(ARGS)
