# Libraries: the Makefile.uk vocabulary and the rules that turn each enabled
# library into one relocatable object per platform.
#
# A Makefile.uk registers its library in one line and then lists sources and
# flags (paths are relative to the library folder unless absolute). The
# names are Unikraft's; docs/PORTING.md lists every one with an example.
#
#   $(eval $(call addlib_s,libfoo,$(CONFIG_LIBFOO)))   (addlib: always on)
#   LIBFOO_SRCS-y                  += foo.c bar.S baz.cc
#   LIBFOO_SRCS-$(CONFIG_LIBFOO_X) += x86_64/fast.S
#   LIBFOO_CFLAGS-y   LIBFOO_ASFLAGS-y   LIBFOO_CXXFLAGS-y     this library
#   LIBFOO_COMPFLAGS-y                     (C and C++)
#   LIBFOO_CINCLUDES-y LIBFOO_ASINCLUDES-y LIBFOO_CXXINCLUDES-y
#   LIBFOO_INCLUDES-y                      (all three languages)
#   LIBFOO_<FILE>_FLAGS-y, LIBFOO_<FILE>_INCLUDES-y   one source file
#                                  (<FILE>: its name without extension, upper case)
#   CINCLUDES-y ASINCLUDES-y CXXINCLUDES-y CFLAGS-y ASFLAGS-y CXXFLAGS-y
#   COMPFLAGS-y                    every library (what a library exports)
#   LIBFOO_THIRDPARTY := y         warnings stay, -Werror goes (the default
#                                  for libraries of L= pools; n turns it back)
#   $(eval $(call fetch,libfoo,PACKAGE,VERSION[,--skip-patches]))
#                                  Debian's source into $(LIBFOO_ORIGIN)
#   UK_PREPARE += $(LIBFOO_BUILD)/gen.h   made before any object is compiled
#
# Registration sets LIBFOO_BASE (the folder) and LIBFOO_BUILD (a folder in
# the build for generated files, shared by the platforms). Each variable
# takes the -y form (the -$(CONFIG_X) idiom) or none. An enabled library's
# include/ folder is on everyone's include path; its exportsyms.uk, if
# present, lists the only symbols other libraries see. A variable in the
# -y form that the build does not understand is a warning naming it and
# its Makefile.uk.
#
# addplatlib_s,PLAT,libname,cond registers a library linked into the PLAT
# image only; a platform's Makefile.uk also sets <PLAT>_LDSCRIPT and may set
# <PLAT>_LDFLAGS-y, <PLAT>_CPPFLAGS-y, <PLAT>_CFLAGS-y, <PLAT>_ASFLAGS-y,
# <PLAT>_CXXFLAGS-y. An architecture sets ARCH_CFLAGS-y and ARCH_ASFLAGS-y.
#
# A driver that serves `make run NET=`, `DISK=`, `INITRD=` or `FS=` on a
# platform says so:
#   KILN_RUN_NET-kvm-$(CONFIG_LIBFOO) += foo     (KILN_RUN_DISK-,
#                                                 KILN_RUN_INITRD-, KILN_RUN_FS-)
# so that `make run` refuses them for an image with no such driver.
#
# Rebuilds: each object records the command that made it (<obj>.cmd) and is
# made again when the command changes (flags, a per-file flag, a config
# option that changes flags); its dependency file names the headers it
# read and, through support/build/fixdep, the config symbols they use, so a
# config change rebuilds only the objects that use a changed symbol.

KILN_LIBS :=
KILN_ALL_LIBS :=
kiln_fetch_stamps :=

# $(1): library name, $(2): y to enable, $(3): platform or empty
define _kiln_addlib
$(call kiln_upper,$(1))_BASE := $(KILN_LIBDIR)
$(call kiln_upper,$(1))_BUILD := $(B)/libs/$(1)
kiln_dir_$(1) := $(KILN_LIBDIR)
kiln_plat_$(1) := $(3)
kiln_thirdparty_$(1) := $(if $(filter $(kiln_pool_libdirs),$(KILN_LIBDIR)),y)
kiln_uname_$(1) := $(call kiln_upper,$(1))
KILN_ALL_LIBS += $(1)
kiln_known_libvars += $(addprefix $(call kiln_upper,$(1))_,$(kiln_lib_vars))
ifeq ($(2),y)
KILN_LIBS += $(1)
endif
endef
addlib_s = $(call _kiln_addlib,$(1),$(2),)
addlib = $(call _kiln_addlib,$(1),y,)
addplatlib_s = $(call _kiln_addlib,$(2),$(3),$(1))
addplatlib = $(call _kiln_addlib,$(2),y,$(1))

# fetch,LIB,PACKAGE,VERSION[,OPTIONS]: the library's sources are Debian's
# source package PACKAGE at VERSION, unpacked into $(LIB_ORIGIN) by
# support/scripts/fetch (with the library's patches/*.patch applied) before
# anything is compiled. Unikraft's fetch takes a URL: Kiln downloads
# nothing but Debian's packages, so a URL is an error.
define _kiln_fetch
ifneq ($(findstring ://,$(2)$(3)),)
$$(call kiln_die,$(KILN_LIBDIR)/Makefile.uk: fetch takes a Debian source package and version, not a URL ($(2)$(3)); see docs/PORTING.md)
endif
ifeq ($(strip $(3)),)
$$(call kiln_die,$(KILN_LIBDIR)/Makefile.uk: fetch,$(1),$(2) names no version; use fetch,$(1),PACKAGE,VERSION)
endif
$(call kiln_upper,$(1))_ORIGIN := $(B)/libs/$(1)/origin
kiln_fetch_$(1) := $(strip $(2)) $(strip $(3)) $(strip $(4))
kiln_patchdir_$(1) ?= $(KILN_LIBDIR)/patches
endef
fetch = $(call _kiln_fetch,$(1),$(2),$(3),$(4))
# patch,LIB,DIR: Unikraft's way to name the patch folder (default patches/).
patch = kiln_patchdir_$(1) := $(2)

# ------------------------------------------------- reading Makefile.uk --
kiln_known_plats := $(filter-out common,$(notdir $(filter $(KILN_ROOT)/plat/%,$(kiln_libdirs))))
kiln_known_libvars :=
kiln_lib_vars := SRCS CFLAGS ASFLAGS CXXFLAGS COMPFLAGS INCLUDES CINCLUDES ASINCLUDES \
	CXXINCLUDES THIRDPARTY ORIGIN
kiln_global_vars := CINCLUDES ASINCLUDES CXXINCLUDES CFLAGS ASFLAGS CXXFLAGS COMPFLAGS \
	ARCH_CFLAGS ARCH_ASFLAGS UK_PREPARE KILN_RUN_% \
	$(foreach p,$(kiln_known_plats),$(addprefix $(call kiln_upper,$(p))_,CPPFLAGS \
	CFLAGS ASFLAGS CXXFLAGS LDFLAGS LDSCRIPT))
# A variable's value: its plain form and its -y form.
kiln_v = $($(1)) $($(1)-y)
kiln_base = $(patsubst %-y,%,$(patsubst %-n,%,$(patsubst %-,%,$(1))))
# Upper-case name of a source file for per-file variables: foo-bar.c -> FOO_BAR
kiln_fileupper = $(call kiln_upper,$(basename $(notdir $(1))))
# The per-file names of library $(1)'s sources.
kiln_lib_filevars = $(foreach f,$(call kiln_v,$(kiln_uname_$(1))_SRCS) \
	$($(kiln_uname_$(1))_SRCS-) $($(kiln_uname_$(1))_SRCS-n),$(addprefix \
	$(kiln_uname_$(1))_$(call kiln_fileupper,$(f))_,FLAGS INCLUDES))

# $(1): Makefile.uk, $(2): the variables it created. Only the -y/-n/- forms
# are the build's vocabulary; other names are the file's own helpers.
kiln_check_vars = $(foreach u,$(call kiln_unknown,$(filter-out $(kiln_global_vars) \
	$(kiln_known_libvars),$(foreach v,$(filter %-y %-n %-,$(2)),$(call \
	kiln_base,$(v))))),$(foreach v,$(filter $(u)-y $(u)-n $(u)-,$(2)),$(shell \
	echo 'kiln: $(1): warning: $(v) is not a variable the build understands (docs/PORTING.md lists them)' >&2)))
kiln_unknown = $(if $(1),$(filter-out $(foreach l,$(KILN_ALL_LIBS),$(call \
	kiln_lib_filevars,$(l))),$(1)))

define kiln_read_makefile_uk
KILN_LIBDIR := $(1)
kiln_vars_before := $$(.VARIABLES)
include $(1)/Makefile.uk
kiln_new_vars := $$(filter-out $$(kiln_vars_before) kiln_vars_before,$$(.VARIABLES))
$$(call kiln_check_vars,$(1)/Makefile.uk,$$(kiln_new_vars))
endef

# Read every Makefile.uk of the scan, with KILN_LIBDIR naming its folder.
$(foreach d,$(kiln_libdirs),$(eval $(call kiln_read_makefile_uk,$(d))))
KILN_LIBDIR :=

# ------------------------------------------------------------- platforms --
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
CXX := g++
LD := ld
OBJCOPY := objcopy

kiln_gcc_include := $(shell $(CC) -print-file-name=include)

KILN_OPTFLAGS := $(if $(CONFIG_OPTIMIZE_SIZE),-Os,$(if $(CONFIG_OPTIMIZE_DEBUG),-Og,-O2))
# Flags of C and C++ alike; -Werror is added for the tree's own code.
KILN_COMPFLAGS := $(KILN_OPTFLAGS) $(if $(CONFIG_OPTIMIZE_DEBUG_INFO),-g) \
	-ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing \
	$(if $(CONFIG_OPTIMIZE_GC_SECTIONS),-ffunction-sections -fdata-sections) \
	$(if $(CONFIG_OPTIMIZE_LTO),-flto=auto -ffat-lto-objects) \
	-Wall -Wextra $(ARCH_CFLAGS-y)
KILN_CFLAGS := -std=gnu11 $(KILN_COMPFLAGS)
# C++ is freestanding too: no exceptions, RTTI or thread-safe statics
# (they need a C++ runtime) unless a library providing one selects
# HAVE_CXX_RUNTIME; global constructors run like C's (.init_array).
KILN_CXXFLAGS := -std=gnu++17 $(KILN_COMPFLAGS) -fno-use-cxa-atexit \
	$(if $(CONFIG_HAVE_CXX_RUNTIME),,-fno-exceptions -fno-rtti -fno-threadsafe-statics)
KILN_ASFLAGS := -D__ASSEMBLY__ $(if $(CONFIG_OPTIMIZE_DEBUG_INFO),-g) $(ARCH_ASFLAGS-y)
KILN_CPPFLAGS := -nostdinc -isystem $(kiln_gcc_include) \
	-I$(KILN_ROOT)/include -I$(B)/include \
	$(foreach l,$(KILN_LIBS),$(if $(wildcard $(kiln_dir_$(l))/include),-I$(kiln_dir_$(l))/include)) \
	-include uk/config.h

# ---------------------------------------------------------------- rules --
# Objects of library $(2) for platform $(1) live in $(B)/$(1)/$(2)/: a source
# in the library folder keeps its relative path, one in the library's
# build folder (fetched or generated) goes under _build/, any other under
# _ext/ with its absolute path.
kiln_src = $(foreach s,$(1),$(if $(filter /%,$(s)),$(s),$(kiln_dir_$(2))/$(s)))
kiln_objof = $(B)/$(2)/$(3)/$(basename $(if $(filter $(kiln_dir_$(3))/%,$(1)),$(patsubst \
	$(kiln_dir_$(3))/%,%,$(1)),$(if $(filter $(B)/libs/$(3)/%,$(1)),_build/$(patsubst \
	$(B)/libs/$(3)/%,%,$(1)),_ext$(1)))).o
kiln_libsrcs = $(call kiln_src,$(call kiln_v,$(call kiln_upper,$(1))_SRCS),$(1))
kiln_libobjs = $(foreach s,$(call kiln_libsrcs,$(2)),$(call kiln_objof,$(s),$(1),$(2)))

# The relocatable object of library $(2) on platform $(1), if it has sources.
kiln_libobj = $(if $(call kiln_libsrcs,$(2)),$(B)/$(1)/$(2).o)

# Libraries linked into the image of platform $(1).
kiln_plat_libs = $(foreach l,$(KILN_LIBS),$(if $(kiln_plat_$(l)),$(if \
	$(filter $(1),$(kiln_plat_$(l))),$(l)),$(l)))

kiln_werror = $(if $(filter y,$(or $($(call kiln_upper,$(1))_THIRDPARTY),$(kiln_thirdparty_$(1)))),,-Werror)

# The command that compiles source $(3) of library $(2) for platform $(1)
# into object $(4). $(5): L (library) and P (platform), upper case.
kiln_lang = $(if $(filter %.c,$(1)),c,$(if $(filter %.S %.s,$(1)),as,$(if $(filter %.cc %.cpp %.cxx %.C,$(1)),cxx)))
kiln_filevars = $(call kiln_v,$(1)_$(call kiln_fileupper,$(2))_INCLUDES) \
	$(call kiln_v,$(1)_$(call kiln_fileupper,$(2))_FLAGS)
kiln_cmd_c = $(CC) $(KILN_CPPFLAGS) $(CINCLUDES) $(CINCLUDES-y) $(call kiln_v,$(5)_INCLUDES) \
	$(call kiln_v,$(5)_CINCLUDES) $($(6)_CPPFLAGS-y) -D__LIBNAME__=\"$(2)\" \
	$(KILN_CFLAGS) $(call kiln_werror,$(2)) $(COMPFLAGS) $(COMPFLAGS-y) $(CFLAGS) \
	$(CFLAGS-y) $($(6)_CFLAGS-y) $(call kiln_v,$(5)_COMPFLAGS) $(call kiln_v,$(5)_CFLAGS) $(call kiln_filevars,$(5),$(3)) -MMD -MP -c $(3) -o $(4)
kiln_cmd_as = $(CC) $(KILN_CPPFLAGS) $(ASINCLUDES) $(ASINCLUDES-y) $(call kiln_v,$(5)_INCLUDES) \
	$(call kiln_v,$(5)_ASINCLUDES) $($(6)_CPPFLAGS-y) -D__LIBNAME__=\"$(2)\" \
	$(KILN_ASFLAGS) $(ASFLAGS) $(ASFLAGS-y) $($(6)_ASFLAGS-y) \
	$(call kiln_v,$(5)_ASFLAGS) $(call kiln_filevars,$(5),$(3)) -MMD -MP -c $(3) -o $(4)
kiln_cmd_cxx = $(CXX) $(KILN_CPPFLAGS) $(CXXINCLUDES) $(CXXINCLUDES-y) $(call kiln_v,$(5)_INCLUDES) \
	$(call kiln_v,$(5)_CXXINCLUDES) $($(6)_CPPFLAGS-y) -D__LIBNAME__=\"$(2)\" \
	$(KILN_CXXFLAGS) $(call kiln_werror,$(2)) $(COMPFLAGS) $(COMPFLAGS-y) $(CXXFLAGS) \
	$(CXXFLAGS-y) $($(6)_CXXFLAGS-y) $(call kiln_v,$(5)_COMPFLAGS) $(call kiln_v,$(5)_CXXFLAGS) $(call kiln_filevars,$(5),$(3)) -MMD -MP -c $(3) -o $(4)

# A target whose recorded command ($@.cmd) differs from $(2) is made again.
.PHONY: FORCE
FORCE:
kiln_track = $(if $(filter-out $(strip $(file <$(1).cmd)),$(strip $(2)))$(filter-out \
	$(strip $(2)),$(strip $(file <$(1).cmd))),$(eval $(1): FORCE))
kiln_record = printf '%s\n' '$(subst ','\'',$(strip $(1)))' >$(2).cmd

kiln_fixdep := $(KILN_ROOT)/support/build/fixdep
kiln_say_lang = $(if $(filter c,$(1)),CC,$(if $(filter as,$(1)),AS,CXX))

# $(1): platform, $(2): library, $(3): source, $(4): object
define kiln_obj_rule
kiln_cmd_$(4) := $(call kiln_cmd_$(call kiln_lang,$(3)),$(1),$(2),$(3),$(4),$(call \
	kiln_upper,$(2)),$(call kiln_upper,$(1)))
$$(call kiln_track,$(4),$$(kiln_cmd_$(4)))
$(4): $(3) | $(kiln_fetch_stamps) $(UK_PREPARE) $(UK_PREPARE-y)
	$$(call kiln_say,$(call kiln_say_lang,$(call kiln_lang,$(3))),$$(patsubst $(B)/%,%,$$@))
	$(Q)mkdir -p $$(@D) && $$(kiln_cmd_$$@) && \
		$(kiln_fixdep) $$(@:.o=.d) $(B)/include/config && \
		$$(call kiln_record,$$(kiln_cmd_$$@),$$@)
-include $(4:.o=.d)
endef

# $(1): platform, $(2): library
define kiln_lib_rules
$(foreach s,$(call kiln_libsrcs,$(2)),$(if $(call kiln_lang,$(s)),,$(call \
	kiln_die,$(kiln_dir_$(2))/Makefile.uk: $(s): unknown source type (.c .S .s .cc .cpp .cxx))))
$(foreach s,$(call kiln_libsrcs,$(2)),$(eval $(call \
	kiln_obj_rule,$(1),$(2),$(s),$(call kiln_objof,$(s),$(1),$(2)))))

# One object per library; with an exportsyms.uk every symbol it does not
# list becomes local, so no other library can bind to it.
kiln_cmd_$(B)/$(1)/$(2).o := $(if $(filter y,$(CONFIG_OPTIMIZE_LTO)),$(CC) -r -nostdlib \
	-flinker-output=nolto-rel $(KILN_CFLAGS) $($(call kiln_upper,$(1))_CFLAGS-y) \
	$(call kiln_v,$(call kiln_upper,$(2))_CFLAGS),$(LD) -r) -o $(B)/$(1)/$(2).o.r \
	$(call kiln_libobjs,$(1),$(2))
$$(call kiln_track,$(B)/$(1)/$(2).o,$$(kiln_cmd_$(B)/$(1)/$(2).o))
$(B)/$(1)/$(2).o: $(call kiln_libobjs,$(1),$(2)) $(wildcard $(kiln_dir_$(2))/exportsyms.uk)
	$$(call kiln_say,LD,$$(patsubst $(B)/%,%,$$@))
	$(Q)mkdir -p $$(@D) && $$(kiln_cmd_$$@)
ifneq ($(wildcard $(kiln_dir_$(2))/exportsyms.uk),)
	$(Q)$(OBJCOPY) --keep-global-symbols=$(kiln_dir_$(2))/exportsyms.uk $$@.r $$@ && rm -f $$@.r
else
	$(Q)mv $$@.r $$@
endif
	$(Q)$$(call kiln_record,$$(kiln_cmd_$$@),$$@)
endef

# ------------------------------------------------------------- fetching --
# $(1): library. The stamp is made again when the fetch command changes
# (another version, other options) or a patch changes; the cache keeps
# the download, so that is an unpack, not a download.
define kiln_fetch_rules
kiln_cmd_$(B)/libs/$(1)/.fetched := $(KILN_ROOT)/support/scripts/fetch \
	$(if $(wildcard $(kiln_patchdir_$(1))),--patches $(kiln_patchdir_$(1))) \
	$(wordlist 3,$(words $(kiln_fetch_$(1))),$(kiln_fetch_$(1))) \
	$(wordlist 1,2,$(kiln_fetch_$(1))) $($(call kiln_upper,$(1))_ORIGIN)
$$(call kiln_track,$(B)/libs/$(1)/.fetched,$$(kiln_cmd_$(B)/libs/$(1)/.fetched))
$(B)/libs/$(1)/.fetched: $(wildcard $(kiln_patchdir_$(1))/*.patch)
	$$(call kiln_say,FETCH,$(1): $(wordlist 1,2,$(kiln_fetch_$(1))))
	$(Q)mkdir -p $$(@D) && $$(kiln_cmd_$$@) && touch $$@ && \
		$$(call kiln_record,$$(kiln_cmd_$$@),$$@)
endef

kiln_fetch_libs := $(foreach l,$(KILN_LIBS),$(if $(kiln_fetch_$(l)),$(l)))
kiln_fetch_stamps := $(foreach l,$(kiln_fetch_libs),$(B)/libs/$(l)/.fetched)
$(foreach l,$(kiln_fetch_libs),$(eval $(call kiln_fetch_rules,$(l))))
# Sources in an unpacked tree are there once the fetch is done.
$(foreach l,$(kiln_fetch_libs),$(eval $(filter $(B)/libs/$(l)/%,$(call \
	kiln_libsrcs,$(l))): $(B)/libs/$(l)/.fetched ;))

.PHONY: fetch
fetch: $(kiln_fetch_stamps)

$(foreach p,$(KILN_PLATS),$(foreach l,$(call kiln_plat_libs,$(p)),$(if \
	$(call kiln_libsrcs,$(l)),$(eval $(call kiln_lib_rules,$(p),$(l))))))
