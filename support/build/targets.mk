# Targets that need no configuration: help, clean, distclean, deps, test,
# bench.

.PHONY: help clean distclean deps test bench

help:
	@cat $(KILN_ROOT)/support/build/help.txt

# Objects and images go; the configuration stays.
clean:
	$(call kiln_say,CLEAN,$(B))
	$(Q)rm -rf $(filter-out $(B)/.config $(B)/defconfig,$(wildcard $(B)/*)) \
		$(wildcard $(KILN_OUT)/$(KILN_APP)_*)

# Everything the build wrote for this application, configuration included;
# with the default build folder, the whole folder.
distclean:
	$(call kiln_say,CLEAN,$(if $(filter $(KILN_ROOT)/build,$(KILN_OUT)),$(KILN_OUT),$(B)))
	$(Q)rm -rf $(if $(filter $(KILN_ROOT)/build,$(KILN_OUT)),$(KILN_OUT),$(B) \
		$(wildcard $(KILN_OUT)/$(KILN_APP)_*))

deps:
	$(Q)$(KILN_ROOT)/support/scripts/deps all

test:
	$(Q)$(KILN_ROOT)/tests/run $(if $(T),--only '$(value T)')

# The evaluation suite (support/bench/bench): BENCH=boot|size|minmem|net|blk|fs9p
# (default all), N=boots per system, PEER=a peer image to measure too.
bench:
	$(Q)$(KILN_ROOT)/support/bench/bench $(BENCH) $(if $(N),--n $(N)) \
		$(if $(PEER),--peer '$(PEER)')
