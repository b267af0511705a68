# The libFuzzer targets of tests/fuzz (see its README.md): each one runs
# a few seconds from its committed seed corpus, on the host. A crash,
# a sanitizer report or a failed check of the harness fails it.

fuzz_seconds=5

test_fuzz() {
	local t out
	out=$(tbuild)
	for t in $("$KILN_ROOT/tests/fuzz/run" --list); do
		check "fuzz.$t" env KILN_FUZZ_OUT="$out" \
			"$KILN_ROOT/tests/fuzz/run" --seconds "$fuzz_seconds" "$t"
	done
}
