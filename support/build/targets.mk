# Targets that need no configuration: help, clean, distclean, deps, test,
# bench, fuzz.

.PHONY: help clean distclean deps test bench fuzz

help:
	@cat $(KILN_ROOT)/support/build/help.txt

# Objects and images go; the configuration stays.
clean:
	$(call kiln_say,CLEAN,$(B))
	$(Q)rm -rf $(filter-out $(B)/.config $(B)/defconfig,$(wildcard $(B)/*)) \
		$(wildcard $(KILN_OUT)/$(KILN_APP)_*)

# Everything the build wrote for this application, its configuration
# included; ALL=1: the whole build folder (every application's). Each
# path removed is named.
kiln_distclean_paths = $(if $(filter 1 y yes,$(ALL)),$(wildcard $(KILN_OUT)),$(wildcard \
	$(B) $(KILN_OUT)/$(KILN_APP)_*))
distclean:
	@$(if $(kiln_distclean_paths),$(foreach p,$(kiln_distclean_paths),echo 'kiln: removing $(p)';) \
		rm -rf $(kiln_distclean_paths),echo 'kiln: nothing to remove for $(if \
		$(filter 1 y yes,$(ALL)),$(KILN_OUT),$(KILN_APP) in $(KILN_OUT))')
	@$(if $(filter 1 y yes,$(ALL)),,$(if $(filter-out $(B)/.config,$(wildcard \
		$(KILN_OUT)/*/.config)),echo 'kiln: kept the other applications in \
		$(KILN_OUT) (make distclean ALL=1 removes them too)'))

deps:
	$(Q)$(KILN_ROOT)/support/scripts/deps all

test:
	$(Q)$(KILN_ROOT)/tests/run $(if $(T),--only '$(value T)')

# The evaluation suite (support/bench/bench): BENCH=boot|size|minmem|net|blk
# (default all), N=boots per system, PEER=a peer image to measure too.
bench:
	$(Q)$(KILN_ROOT)/support/bench/bench $(BENCH) $(if $(N),--n $(N)) \
		$(if $(PEER),--peer '$(PEER)')

# libFuzzer targets on the host (tests/fuzz/run, tests/fuzz/README.md):
# T=name (default every target), SECONDS=n each (default 10).
fuzz:
	$(Q)$(KILN_ROOT)/tests/fuzz/run $(if $(SECONDS),--seconds '$(SECONDS)') \
		$(T)
