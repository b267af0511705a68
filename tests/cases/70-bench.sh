# The evaluation suite runs end to end with N=2 on helloworld: each bench
# writes its CSV with the documented columns and its PNG. The numbers are
# not asserted (timings here are TCG on a shared machine).

csv_header_is() { test "$(head -n 1 "$1")" = "$2"; }
# A PNG file starts with \x89 "PNG".
is_png() { test "$(head -c 4 "$1" | tail -c 3)" = PNG; }

test_bench_suite() {
	local out
	out=$(tbuild)
	"$KILN_ROOT/support/bench/bench" size boot minmem --n 2 \
		--systems 'linuxu|kiln-helloworld-pc$|linux-pc|floor-pc' --out "$out" ||
		{ fail bench_suite "support/bench/bench failed"; return; }
	check bench_boot.csv csv_header_is "$out/boot.csv" \
		"system,kind,machine,run,ok,total_ms,vmm_ms,guest_ms,load1,reason"
	check bench_boot.rows test "$(grep -c ',1,[0-9.]*,' "$out/boot.csv")" -ge 4
	check bench_boot.png is_png "$out/boot.png"
	check bench_size.csv csv_header_is "$out/size.csv" \
		"app,plat,config,library,text,rodata,data,bss,total"
	check bench_size.libs grep -q '^helloworld,linuxu,default,libnolibc,' "$out/size.csv"
	check bench_size.png is_png "$out/size.png"
	check bench_minmem.csv csv_header_is "$out/minmem.csv" "system,unit,probe,ok,reason"
	check bench_minmem.found grep -q '^| linux-pc | [0-9]* MiB' "$out/summary.md"
	check bench_minmem.png is_png "$out/minmem.png"
	check bench_summary grep -q '^## Boot time' "$out/summary.md"
	# Kiln and Linux side by side on -M pc, with their ratio.
	check bench_versus grep -q '^| pc | kiln-helloworld-pc | linux-pc | [0-9.]* | [0-9.]* | [0-9.]* |$' "$out/summary.md"
	# The floor (a kernel that only prints) booted the same way: its
	# time, Kiln's share above it, and its minimum memory.
	check bench_floor.rows test "$(grep -c '^floor-pc,floor,pc,[0-9]*,1,' "$out/boot.csv")" -eq 2
	check bench_floor.share grep -q '^| pc | kiln-helloworld-pc | [0-9.]* | [0-9.]* | -\?[0-9.]* |$' "$out/summary.md"
	check bench_floor.minmem grep -q '^| floor-pc | [0-9]* KiB' "$out/summary.md"
}

# Bad input to the suite: a clear message and a non-zero exit.
test_bench_bad_input() {
	local out
	out=$(tbuild)
	"$KILN_ROOT/support/bench/bench" boot --n 0 --out "$out" >"$out.txt" 2>&1
	check bench_bad_n.status test $? -ne 0
	check bench_bad_n.message grep -q 'kiln: bench: --n must be at least 1' "$out.txt"
	"$KILN_ROOT/support/bench/bench" boot --peer /nonexistent --systems peer --out "$out" >"$out.txt" 2>&1
	check bench_bad_peer.message grep -q 'PEER=/nonexistent: no such file' "$out.txt"
}

# The raw netdev bench, small: CSV rows for linuxu (tap) and kvm -M pc
# (virtio-net) in both rx modes, every frame counted, the plot and the
# summary line.
test_bench_net() {
	local out
	out=$(tbuild)
	"$KILN_ROOT/support/bench/bench" net --n 2 --net-frames 3000 --out "$out" ||
		{ fail bench_net "support/bench/bench net failed"; return; }
	check bench_net.csv csv_header_is "$out/net.csv" \
		"plat,mode,run,ok,frames_sent,frames_received,guest_span_ms,guest_pps,host_pps,load1,reason"
	check bench_net.linuxu_intr test "$(grep -c '^linuxu,intr,[12],1,3000,3000,' "$out/net.csv")" -eq 2
	check bench_net.linuxu_poll test "$(grep -c '^linuxu,poll,[12],1,3000,3000,' "$out/net.csv")" -eq 2
	check bench_net.kvm_intr test "$(grep -c '^kvm-pc,intr,[12],1,3000,3000,' "$out/net.csv")" -eq 2
	check bench_net.kvm_poll test "$(grep -c '^kvm-pc,poll,[12],1,3000,3000,' "$out/net.csv")" -eq 2
	check bench_net.png is_png "$out/net.png"
	check bench_net.summary grep -q '^net rx rate (interrupt mode, median): linuxu [0-9]* pps' "$out/summary.md"
	check bench_net.no_netns_left sh -c "! ip netns list | grep -q '^kb-net-'"
}

# The block device bench, N=2 and a short read: its CSV, plot and summary
# (MB/s figures are not asserted, only that each run measured something).
test_bench_blk() {
	local out
	out=$(tbuild)
	"$KILN_ROOT/support/bench/bench" blk --n 2 --blk-mib 16 --out "$out" ||
		{ fail bench_blk "support/bench/bench blk failed"; return; }
	check bench_blk.csv csv_header_is "$out/blk.csv" \
		"system,plat,machine,run,ok,bytes,ns,mbps,load1,reason"
	check bench_blk.linuxu_rows test "$(grep -c '^kiln-linuxu-fileblk,linuxu,,[12],1,16777216,[0-9]*,[0-9.]*,' "$out/blk.csv")" -eq 2
	check bench_blk.kvm_rows test "$(grep -c '^kiln-kvm-pc-virtio-blk,kvm,pc,[12],1,16777216,[0-9]*,[0-9.]*,' "$out/blk.csv")" -eq 2
	check bench_blk.png is_png "$out/blk.png"
	check bench_blk.summary grep -q '^| kiln-linuxu-fileblk | 2/2 | [0-9.]* |' "$out/summary.md"
	check bench_blk.disk_removed test ! -e "$out/blk-disk.img"
}
