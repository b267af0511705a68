# The .config of the application being built, and the targets that edit it.
# support/kconfig/kconfig does the work; this file only passes it the paths.

KILN_CONFIG := $(B)/.config
KILN_AUTOCONF := $(B)/include/config/auto.conf
KILN_DEFCONFIG := $(wildcard $(KILN_APP_DIR)/defconfig)
kiln_kconfig_files := $(KILN_ROOT)/Config.uk $(KILN_ROOT)/arch/Config.uk \
	$(addsuffix /Config.uk,$(kiln_libdirs))

kiln_kconfig = KILN_ROOT='$(KILN_ROOT)' KILN_BUILD='$(B)' \
	KILN_GENERATED_LIBS='$(KILN_GENERATED_LIBS)' \
	KILN_DEFCONFIG='$(KILN_DEFCONFIG)' KILN_APP_DIR='$(KILN_APP_DIR)' \
	KILN_KCONFIG_FILES='$(kiln_kconfig_files)' \
	$(KILN_ROOT)/support/kconfig/kconfig

# Bring the configuration up to date while make reads its files, so that
# the CONFIG_ symbols below are current on the first (and only) pass.
ifeq ($(kiln_need_config),y)
kiln_sync_error := $(shell $(kiln_kconfig) sync)
ifneq ($(kiln_sync_error),)
$(call kiln_die,$(kiln_sync_error))
endif
include $(KILN_AUTOCONF)
endif

.PHONY: menuconfig defconfig olddefconfig savedefconfig
menuconfig defconfig olddefconfig: $(kiln_deps_stamp)
	$(Q)$(kiln_kconfig) $@

# The minimal configuration goes beside .config; copy it over the
# application's defconfig to make it the default.
savedefconfig: $(kiln_deps_stamp)
	$(Q)KILN_SAVEDEFCONFIG='$(B)/defconfig' $(kiln_kconfig) $@
