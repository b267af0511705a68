# Kiln: build, configure, run and test unikernel images. `make help` lists
# the targets and variables; support/build/ holds the rules themselves.

KILN_ROOT := $(patsubst %/,%,$(dir $(realpath $(firstword $(MAKEFILE_LIST)))))

include $(KILN_ROOT)/support/build/kiln.mk
