# The micro-benchmark app builds and runs; no timing is checked (the
# figures belong in reports, support/bench/micro/run prints them).

test_bench_micro_builds() {
	local out img
	out=$(tbuild)
	kmake A=support/bench/micro/microbench O="$out" ||
		{ fail bench_micro_builds "build failed"; return; }
	img=$out/microbench_linuxu-x86_64
	check bench_micro_builds.backends sh -c "nm '$img.dbg' | grep -q __uk_allocbackend_region"
	run_capture "$out/run.txt" "$img" threads
	check bench_micro_builds.runs test $? -eq 0
	check bench_micro_builds.switch grep -q '^bench what=switch_yield impl=kiln size=0 ns=[0-9.]*$' "$out/run.txt"
	check bench_micro_builds.create grep -q '^bench what=create_join impl=kiln ' "$out/run.txt"
	run_capture "$out/bad.txt" "$img" nonsense
	check bench_micro_builds.usage test $? -eq 2
}
