# Libraries: the Makefile.uk vocabulary and the rules that turn each enabled
# library into one relocatable object per platform.
#
# A Makefile.uk registers its library in one line and then lists sources and
# flags (paths are relative to the library folder unless absolute):
#
#   $(eval $(call addlib_s,libfoo,$(CONFIG_LIBFOO)))
#   LIBFOO_SRCS-y                += foo.c
#   LIBFOO_SRCS-$(CONFIG_LIBFOO_X) += x86_64/bar.S
#   LIBFOO_CFLAGS-y              += -DFOO       (also _ASFLAGS-y)
#   LIBFOO_INCLUDES-y            += -I$(LIBFOO_BASE)/private
#
# addlib_s registers when its second argument is y, addlib always;
# addplatlib_s,PLAT,libname,cond registers a library linked into the PLAT
# image only. Registration sets LIBFOO_BASE (the folder). An enabled
# library's include/ folder is on everyone's include path; its
# exportsyms.uk, if present, lists the only symbols other libraries see.
#
# A driver that serves `make run NET=` or `DISK=` on a platform says so:
#   KILN_RUN_NET-kvm-$(CONFIG_LIBFOO) += foo     (KILN_RUN_DISK-, KILN_RUN_INITRD-)
# so that `make run` refuses NET=/DISK= for an image with no such driver.

KILN_LIBS :=

# $(1): library name, $(2): y to enable, $(3): platform or empty
define _kiln_addlib
$(call kiln_upper,$(1))_BASE := $(KILN_LIBDIR)
kiln_dir_$(1) := $(KILN_LIBDIR)
kiln_plat_$(1) := $(3)
ifeq ($(2),y)
KILN_LIBS += $(1)
endif
endef
addlib_s = $(call _kiln_addlib,$(1),$(2),)
addlib = $(call _kiln_addlib,$(1),y,)
addplatlib_s = $(call _kiln_addlib,$(2),$(3),$(1))
addplatlib = $(call _kiln_addlib,$(2),y,$(1))

# Read every Makefile.uk of the scan, with KILN_LIBDIR naming its folder.
$(foreach d,$(kiln_libdirs),$(eval KILN_LIBDIR := $(d))$(eval include $(d)/Makefile.uk))
KILN_LIBDIR :=

# ------------------------------------------------------------- platforms --
kiln_known_plats := $(filter-out common,$(notdir $(filter $(KILN_ROOT)/plat/%,$(kiln_libdirs))))
kiln_enabled_plats := $(foreach p,$(kiln_known_plats),$(if $(filter y,$(CONFIG_PLAT_$(call kiln_upper,$(p)))),$(p)))

ifneq ($(PLAT),)
ifeq ($(filter $(PLAT),$(kiln_known_plats)),)
$(call kiln_die,unknown platform PLAT=$(PLAT) (known: $(kiln_known_plats)))
endif
ifeq ($(filter $(PLAT),$(kiln_enabled_plats)),)
$(call kiln_die,platform $(PLAT) is not enabled in $(KILN_CONFIG): enable it in 'make menuconfig' (Platform))
endif
KILN_PLATS := $(PLAT)
else
KILN_PLATS := $(kiln_enabled_plats)
endif
ifeq ($(KILN_PLATS),)
$(call kiln_die,no platform is enabled in $(KILN_CONFIG): enable one in 'make menuconfig' (Platform))
endif

KILN_ARCH := $(if $(CONFIG_ARCH_X86_64),x86_64)

# ----------------------------------------------------------------- flags --
CC := gcc
LD := ld
OBJCOPY := objcopy

kiln_gcc_include := $(shell $(CC) -print-file-name=include)

KILN_OPTFLAGS := $(if $(CONFIG_OPTIMIZE_SIZE),-Os,$(if $(CONFIG_OPTIMIZE_DEBUG),-Og,-O2))
KILN_CFLAGS := -std=gnu11 $(KILN_OPTFLAGS) $(if $(CONFIG_OPTIMIZE_DEBUG_INFO),-g) \
	-ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing \
	$(if $(CONFIG_OPTIMIZE_GC_SECTIONS),-ffunction-sections -fdata-sections) \
	$(if $(CONFIG_OPTIMIZE_LTO),-flto=auto -ffat-lto-objects) \
	-Wall -Wextra -Werror $(ARCH_CFLAGS-y)
KILN_ASFLAGS := -D__ASSEMBLY__ $(if $(CONFIG_OPTIMIZE_DEBUG_INFO),-g) $(ARCH_ASFLAGS-y)
KILN_CPPFLAGS := -nostdinc -isystem $(kiln_gcc_include) \
	-I$(KILN_ROOT)/include -I$(B)/include \
	$(foreach l,$(KILN_LIBS),$(if $(wildcard $(kiln_dir_$(l))/include),-I$(kiln_dir_$(l))/include)) \
	-include uk/config.h -MMD -MP

# ---------------------------------------------------------------- rules --
# Objects of library $(2) for platform $(1) live in $(B)/$(1)/$(2)/.
kiln_src = $(foreach s,$(1),$(if $(filter /%,$(s)),$(s),$(kiln_dir_$(2))/$(s)))
kiln_obj = $(foreach s,$(1),$(B)/$(2)/$(3)/$(basename $(if $(filter \
	$(kiln_dir_$(3))/%,$(s)),$(patsubst $(kiln_dir_$(3))/%,%,$(s)),_ext$(s))).o)
kiln_libsrcs = $(call kiln_src,$($(call kiln_upper,$(1))_SRCS-y),$(1))
kiln_libobjs = $(call kiln_obj,$(call kiln_libsrcs,$(2)),$(1),$(2))

# The relocatable object of library $(2) on platform $(1), if it has sources.
kiln_libobj = $(if $(call kiln_libsrcs,$(2)),$(B)/$(1)/$(2).o)

# Libraries linked into the image of platform $(1).
kiln_plat_libs = $(foreach l,$(KILN_LIBS),$(if $(kiln_plat_$(l)),$(if \
	$(filter $(1),$(kiln_plat_$(l))),$(l)),$(l)))

kiln_config_h := $(B)/include/generated/autoconf.h

# $(1): platform, $(2): library
define kiln_lib_rules
$(call kiln_libobjs,$(1),$(2)): kiln_flags = $(KILN_CPPFLAGS) \
	$($(call kiln_upper,$(2))_INCLUDES-y) -D__LIBNAME__=\"$(2)\" \
	$($(call kiln_upper,$(1))_CPPFLAGS-y)
$(call kiln_libobjs,$(1),$(2)): kiln_cflags = $(KILN_CFLAGS) \
	$($(call kiln_upper,$(1))_CFLAGS-y) $($(call kiln_upper,$(2))_CFLAGS-y)
$(call kiln_libobjs,$(1),$(2)): kiln_asflags = $(KILN_ASFLAGS) \
	$($(call kiln_upper,$(1))_ASFLAGS-y) $($(call kiln_upper,$(2))_ASFLAGS-y)
$(call kiln_libobjs,$(1),$(2)): $(kiln_config_h) $(kiln_dir_$(2))/Makefile.uk

$(B)/$(1)/$(2)/%.o: $(kiln_dir_$(2))/%.c
	$$(call kiln_say,CC,$$(patsubst $(B)/%,%,$$@))
	$(Q)mkdir -p $$(@D) && $(CC) $$(kiln_flags) $$(kiln_cflags) -c $$< -o $$@
$(B)/$(1)/$(2)/%.o: $(kiln_dir_$(2))/%.S
	$$(call kiln_say,AS,$$(patsubst $(B)/%,%,$$@))
	$(Q)mkdir -p $$(@D) && $(CC) $$(kiln_flags) $$(kiln_asflags) -c $$< -o $$@
$(B)/$(1)/$(2)/_ext/%.o: /%.c
	$$(call kiln_say,CC,$$(patsubst $(B)/%,%,$$@))
	$(Q)mkdir -p $$(@D) && $(CC) $$(kiln_flags) $$(kiln_cflags) -c $$< -o $$@

# One object per library; with an exportsyms.uk every symbol it does not
# list becomes local, so no other library can bind to it.
$(B)/$(1)/$(2).o: $(call kiln_libobjs,$(1),$(2)) $(wildcard $(kiln_dir_$(2))/exportsyms.uk)
	$$(call kiln_say,LD,$$(patsubst $(B)/%,%,$$@))
ifeq ($(CONFIG_OPTIMIZE_LTO),y)
	$(Q)mkdir -p $$(@D) && $(CC) -r -nostdlib -flinker-output=nolto-rel \
		$(KILN_CFLAGS) $($(call kiln_upper,$(1))_CFLAGS-y) \
		$($(call kiln_upper,$(2))_CFLAGS-y) -o $$@.r $$(filter %.o,$$^)
else
	$(Q)mkdir -p $$(@D) && $(LD) -r -o $$@.r $$(filter %.o,$$^)
endif
ifneq ($(wildcard $(kiln_dir_$(2))/exportsyms.uk),)
	$(Q)$(OBJCOPY) --keep-global-symbols=$(kiln_dir_$(2))/exportsyms.uk $$@.r $$@ && rm -f $$@.r
else
	$(Q)mv $$@.r $$@
endif

-include $(patsubst %.o,%.d,$(call kiln_libobjs,$(1),$(2)))
endef

$(foreach p,$(KILN_PLATS),$(foreach l,$(call kiln_plat_libs,$(p)),$(if \
	$(call kiln_libsrcs,$(l)),$(eval $(call kiln_lib_rules,$(p),$(l))))))
