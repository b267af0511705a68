# Included by an application's own Makefile: every goal is handed to the
# tree's Makefile with this application and a build folder beside it.
# The application's Makefile sets KILN_ROOT.

kiln_empty :=
kiln_space := $(kiln_empty) $(kiln_empty)
kiln_app_dir := $(abspath $(dir $(firstword $(MAKEFILE_LIST))))
kiln_app_fwd = $(MAKE) --no-print-directory -C $(KILN_ROOT) \
	A=$(kiln_app_dir) O=$(if $(O),$(abspath $(O)),$(kiln_app_dir)/build) \
	$(if $(L),L=$(subst $(kiln_space),:,$(abspath $(subst :, ,$(L)))))

.DEFAULT_GOAL := all
.PHONY: all
all:
	@$(kiln_app_fwd) all

$(firstword $(MAKEFILE_LIST)) $(KILN_ROOT)/support/build/app.mk: ;

%:
	@$(kiln_app_fwd) $@
