# Kiln's build, included by the top-level Makefile (which sets KILN_ROOT).
#
# One invocation goes through four steps, in this order:
#   1. check the command line (A, O, L, PLAT) and the host tools;
#   2. scan every library folder (arch, plat, lib, drivers, L= pools, app)
#      and write the generated Kconfig file from that one list;
#   3. bring the .config up to date and read its CONFIG_ symbols
#      (support/build/config.mk);
#   4. read each enabled library's Makefile.uk and build one image per
#      selected platform (support/build/library.mk, support/build/image.mk).

MAKEFLAGS += --no-builtin-rules --no-builtin-variables --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

include $(KILN_ROOT)/support/build/util.mk

# ---------------------------------------------------------------- goals --
kiln_config_goals := menuconfig defconfig olddefconfig savedefconfig
kiln_noconfig_goals := help clean distclean deps test bench fuzz
kiln_goals := $(if $(MAKECMDGOALS),$(MAKECMDGOALS),all)

ifneq ($(filter $(kiln_config_goals),$(kiln_goals)),)
ifneq ($(filter-out $(kiln_config_goals),$(kiln_goals)),)
$(call kiln_die,run configuration targets ($(filter $(kiln_config_goals),$(kiln_goals))) in a make invocation of their own)
endif
endif

# Does this invocation need a configured tree (a .config and the library
# Makefile.uk files)?
kiln_need_config := $(if $(filter-out $(kiln_config_goals) $(kiln_noconfig_goals),$(kiln_goals)),y)

# ------------------------------------------------------------ variables --
# A: the application folder (default apps/helloworld).
A ?= $(KILN_ROOT)/apps/helloworld
KILN_APP_DIR := $(patsubst %/,%,$(realpath $(A)))
ifeq ($(KILN_APP_DIR),)
$(call kiln_die,A=$(A): no such application folder)
endif
ifeq ($(wildcard $(KILN_APP_DIR)/Config.uk $(KILN_APP_DIR)/Makefile.uk),)
$(call kiln_die,A=$(A): not an application (it needs Config.uk and Makefile.uk))
endif
KILN_APP := $(notdir $(KILN_APP_DIR))

# O: the build folder; the configuration and objects of each application
# live in O/<app>/, the images in O/.
O ?= $(KILN_ROOT)/build
KILN_OUT := $(patsubst %/,%,$(abspath $(O)))
B := $(KILN_OUT)/$(KILN_APP)

# L: external library pools, colon-separated. A pool is either a library
# folder itself or a folder of library folders.
kiln_pools := $(subst $(kiln_colon),$(kiln_space),$(L))
$(foreach p,$(kiln_pools),$(if $(realpath $(p)),,$(call kiln_die,L=$(L): no such directory: $(p))))
kiln_pool_libdirs := $(foreach p,$(kiln_pools),$(if \
	$(wildcard $(realpath $(p))/Config.uk),$(realpath $(p)),$(patsubst \
	%/Config.uk,%,$(wildcard $(realpath $(p))/*/Config.uk))))
$(foreach p,$(kiln_pools),$(if $(filter $(realpath $(p)) $(realpath $(p))/%,$(kiln_pool_libdirs)),,$(call \
	kiln_die,L=$(L): $(p) holds no library (no Config.uk in it or its subfolders))))

# ---------------------------------------------------------- host tools --
# support/scripts/deps installs what is missing (as root with apt) or
# prints the command that would. It runs as a build step of its own, once
# per build folder and set of tools: the stamp below is an included
# makefile, so make runs its rule first and then starts again, now able
# to read the configuration (which needs kconfig-frontends). test, bench
# and deps run the script themselves.
# The configuration targets have the stamp as a prerequisite instead.
kiln_deps_set := $(if $(filter run,$(kiln_goals)),run,build)
kiln_deps_stamp := $(KILN_OUT)/.deps/$(kiln_deps_set)
$(kiln_deps_stamp): $(KILN_ROOT)/support/scripts/deps
	$(call kiln_say,DEPS,$(kiln_deps_set) (support/scripts/deps))
	$(Q)$(KILN_ROOT)/support/scripts/deps $(kiln_deps_set) || { \
		echo 'kiln: missing host tools (see the message above)' >&2; exit 1; }
	$(Q)mkdir -p $(@D) && echo '# host tools checked by support/scripts/deps' >$@
ifeq ($(kiln_need_config),y)
ifeq ($(wildcard $(kiln_deps_stamp)),)
kiln_need_config :=
endif
include $(kiln_deps_stamp)
endif

# ------------------------------------------------------------- the scan --
# Every library folder, found once; the same list feeds Kconfig (below)
# and make (library.mk). A folder is a library when it has a Config.uk.
kiln_libdirs := $(patsubst %/Config.uk,%,\
	$(sort $(wildcard $(KILN_ROOT)/arch/*/Config.uk)) \
	$(sort $(wildcard $(KILN_ROOT)/plat/*/Config.uk)) \
	$(sort $(wildcard $(KILN_ROOT)/lib/*/Config.uk)) \
	$(sort $(shell find $(KILN_ROOT)/drivers -name Config.uk 2>/dev/null)) \
	$(addsuffix /Config.uk,$(kiln_pool_libdirs)) \
	$(KILN_APP_DIR)/Config.uk)
$(foreach d,$(kiln_libdirs),$(if $(wildcard $(d)/Makefile.uk),,$(call \
	kiln_die,$(d) has a Config.uk but no Makefile.uk)))

KILN_GENERATED_LIBS := $(B)/kconfig/libs.uk
ifneq ($(kiln_need_config)$(filter $(kiln_config_goals),$(kiln_goals)),)
$(shell mkdir -p $(B)/kconfig && $(KILN_ROOT)/support/kconfig/genlibs \
	$(KILN_GENERATED_LIBS) $(KILN_ROOT) $(KILN_APP_DIR) -- $(filter-out \
	$(KILN_APP_DIR),$(kiln_libdirs)))
endif

include $(KILN_ROOT)/support/build/config.mk

ifeq ($(kiln_need_config),y)
include $(KILN_ROOT)/support/build/library.mk
include $(KILN_ROOT)/support/build/image.mk
endif

include $(KILN_ROOT)/support/build/targets.mk
