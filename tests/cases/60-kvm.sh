# The kvm platform under QEMU (TCG): boot on -M pc (multiboot, qboot) and
# -M microvm, the PVH entry, arguments, exit statuses, crash screens,
# the timer, bad command lines, memory limits, the image layout and
# `make run`. Every QEMU run goes through support/scripts/run under
# run_capture's 10 s limit.

# One build of each application serves every test here.
kvm_out() { echo "$KILN_TEST_OUT/kvm-$1"; }

kvm_build() { build_once "$(kvm_out "$(basename "$1")")" "$1"; }

kvm_hello() { echo "$(kvm_out helloworld)/helloworld_kvm-x86_64"; }
kvm_probe() { echo "$(kvm_out platprobe)/platprobe_kvm-x86_64"; }

# kvm_run OUTFILE MACHINE IMAGE [run options] [-- ARGS]
kvm_run() {
	local out=$1 machine=$2 img=$3
	shift 3
	run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$img" --accel tcg --machine "$machine" "$@"
}

test_kvm_helloworld_args() {
	local out img m
	kvm_build apps/helloworld || { fail kvm_helloworld_args "build failed"; return; }
	out=$(tbuild) img=$(kvm_hello)
	mkdir -p "$out"
	helloworld_want >"$out/want.txt"
	for m in pc microvm; do
		kvm_run "$out/$m.txt" "$m" "$img" -- a 'b c' '' "it's" '"q"' 'x\y'
		check "kvm_helloworld_args.$m.status" test $? -eq 0
		check "kvm_helloworld_args.$m" diff -u "$out/want.txt" "$out/$m.txt"
		# Kernel arguments before "--" do not reach main().
		kvm_run "$out/$m-k.txt" "$m" "$img" -- kernel.arg=1 -- app1
		check "kvm_kernel_args.$m" grep -qx 'argc=2' "$out/$m-k.txt"
		check "kvm_kernel_args.$m.app" grep -qx 'argv\[1\]=app1' "$out/$m-k.txt"
	done
}

# QEMU prefers the multiboot header when there is one; a copy with its
# magic number cleared makes QEMU take the PVH note instead.
test_kvm_pvh() {
	local out img pvh off m
	kvm_build apps/helloworld || { fail kvm_pvh "build failed"; return; }
	out=$(tbuild) img=$(kvm_hello)
	mkdir -p "$out"
	check kvm_pvh.note sh -c "readelf -nW '$img' | grep -q 'Xen.*0x00000012'"
	off=$(LC_ALL=C grep -obUaP '\x02\xb0\xad\x1b' "$img" | head -n 1 | cut -d: -f1)
	[ -n "$off" ] || { fail kvm_pvh.multiboot "no multiboot header in $img"; return; }
	check kvm_pvh.multiboot_in_8k test "$off" -lt 8192
	pvh=$out/pvh-only
	cp "$img" "$pvh"
	printf '\0\0\0\0' | dd of="$pvh" bs=1 seek="$off" conv=notrunc 2>/dev/null
	helloworld_want >"$out/want.txt"
	for m in pc microvm; do
		kvm_run "$out/$m.txt" "$m" "$pvh" -- a 'b c' '' "it's" '"q"' 'x\y'
		check "kvm_pvh.$m.status" test $? -eq 0
		check "kvm_pvh.$m" diff -u "$out/want.txt" "$out/$m.txt"
	done
}

test_kvm_exit_status() {
	local out img s rc m
	kvm_build tests/apps/platprobe || { fail kvm_exit_status "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	for s in 0 1 42; do
		kvm_run "$out/r.txt" pc "$img" -- return "$s"
		rc=$?
		check "kvm_exit_status.return_$s" test "$rc" -eq "$s"
		kvm_run "$out/e.txt" pc "$img" -- exit "$s"
		rc=$?
		check "kvm_exit_status.exit_$s" test "$rc" -eq "$s"
		kvm_run "$out/m.txt" microvm "$img" -- return "$s"
		rc=$?
		check "kvm_exit_status.microvm_$s" test "$rc" -eq "$s"
	done
	# 7 bits survive QEMU's isa-debug-exit.
	kvm_run "$out/w.txt" pc "$img" -- return 300
	check kvm_exit_status.seven_bits test $? -eq $((300 & 127))
	# A guest that dies without a word (a triple fault resets the CPU)
	# must not look like status 0.
	for m in pc microvm; do
		kvm_run "$out/t.txt" "$m" "$img" -- triplefault
		check "kvm_exit_status.triple_fault_$m" test $? -eq 125
		check "kvm_exit_status.triple_fault_$m.message" grep -q 'kiln: the guest stopped without an exit status' "$out/t.txt"
	done
	# QEMU's own error is not status 0 either, though both exit with 1.
	KILN_QEMU_EXTRA="-device no-such-device" kvm_run "$out/q.txt" pc "$img" -- return 0
	check kvm_exit_status.qemu_error test $? -eq 255
	check kvm_exit_status.qemu_error.message grep -q "kiln: qemu-system-x86_64 failed" "$out/q.txt"
	# QEMU's loader errors read "qemu: ...": not status 0 either.
	printf 'abc' >"$out/corrupt.img"
	kvm_run "$out/c.txt" pc "$out/corrupt.img"
	check kvm_exit_status.corrupt_image test $? -eq 255
	check kvm_exit_status.corrupt_image.message grep -q "corrupt.img is not an ELF file" "$out/c.txt"
	# A signal to run (here timeout's TERM) stops QEMU too: no orphan.
	timeout 2 "$KILN_ROOT/support/scripts/run" --plat kvm --image "$img" \
		--accel tcg -- sleep 100000 >"$out/s.txt" 2>&1 </dev/null
	check kvm_exit_status.signal_timeout test $? -eq 124
	sleep 0.5
	check kvm_exit_status.signal_no_orphan sh -c "! pgrep -f '[q]emu-system.*$img' >/dev/null"
}

test_kvm_assert() {
	local out img rc
	kvm_build tests/apps/platprobe || { fail kvm_assert "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	kvm_run "$out/assert.txt" pc "$img" -- assert
	rc=$?
	check kvm_assert.status test "$rc" -eq 127
	check kvm_assert.message grep -q 'Assertion failure: argc == 1 at .*tests/apps/platprobe/main.c:[0-9][0-9]* (main)' "$out/assert.txt"
	check kvm_assert.backtrace grep -q '#0 0x' "$out/assert.txt"
}

# kvm_crash NAME MODE ARG WHAT: the probe faults in probe_MODE (or main
# for segv); the crash screen names WHAT, shows the registers and a
# backtrace, and the symbolized report names the faulting function.
kvm_crash() {
	local name=$1 mode=$2 arg=$3 what=$4 fn=$5 out img rc
	out=$(tbuild)/$mode img=$(kvm_probe)
	mkdir -p "$(dirname "$out")"
	kvm_run "$out.txt" pc "$img" -- "$mode" $arg
	rc=$?
	check "$name.status" test "$rc" -eq 127
	check "$name.what" grep -q "^crash: $what (vector [0-9]*), error code 0x" "$out.txt"
	check "$name.registers" grep -q '^ rip 0x[0-9a-f]*  rsp 0x[0-9a-f]*  rbp 0x' "$out.txt"
	check "$name.control_registers" grep -q '^ cr0 0x.*cr3 0x.*cr4 0x' "$out.txt"
	check "$name.backtrace" grep -q '#0 0x' "$out.txt"
	"$KILN_ROOT/support/scripts/symbolize" "$img.dbg" <"$out.txt" >"$out-sym.txt"
	cat "$out-sym.txt"
	check "$name.names_function" grep -q "rip is in $fn at .*platprobe/main.c" "$out-sym.txt"
	check "$name.backtrace_named" grep -q '#[0-9]* 0x[0-9a-f]* [A-Za-z0-9_.]* at ' "$out-sym.txt"
}

test_kvm_crash_pagefault() {
	kvm_build tests/apps/platprobe || { fail kvm_crash_pagefault "build failed"; return; }
	kvm_crash kvm_crash_pagefault segv 0 'page fault' main
	check kvm_crash_pagefault.cr2 grep -q '^cr2 0x0000000000000000: write, page not mapped' "$(tbuild)/segv.txt"
	check kvm_crash_pagefault.null grep -q 'NULL pointer' "$(tbuild)/segv.txt"
}

test_kvm_crash_ud() {
	kvm_build tests/apps/platprobe || { fail kvm_crash_ud "build failed"; return; }
	kvm_crash kvm_crash_ud ud '' 'invalid opcode' probe_ud
}

test_kvm_crash_div() {
	kvm_build tests/apps/platprobe || { fail kvm_crash_div "build failed"; return; }
	kvm_crash kvm_crash_div div '' 'divide error' probe_div
}

test_kvm_crash_stack_overflow() {
	kvm_build tests/apps/platprobe || { fail kvm_crash_stack_overflow "build failed"; return; }
	kvm_crash kvm_crash_stack_overflow overflow '' 'page fault' probe_overflow
	check kvm_crash_stack_overflow.guard grep -q 'stack overflow: the fault is in the guard page under the boot stack' "$(tbuild)/overflow.txt"
}

test_kvm_crash_write_text() {
	kvm_build tests/apps/platprobe || { fail kvm_crash_write_text "build failed"; return; }
	kvm_crash kvm_crash_write_text writetext '' 'page fault' probe_writetext
	check kvm_crash_write_text.protection grep -q '^cr2 0x[0-9a-f]*: write, protection violation' "$(tbuild)/writetext.txt"
	check kvm_crash_write_text.text grep -q 'write to the read-only kernel text' "$(tbuild)/writetext.txt"
}

# The one-shot timer each CPU gets: the local APIC's in TSC-deadline mode
# (-cpu max), in count-down mode (no TSC-deadline), and the PIT through
# the PICs when the CPU has no local APIC; there a 200 ms sleep takes
# several 16-bit rounds of the PIT.
test_kvm_timer() {
	local out img ns m variant cpu ms name want
	kvm_build tests/apps/platprobe || { fail kvm_timer "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	for m in pc microvm; do
		while read -r variant cpu ms; do
			name=kvm_timer.$m.$variant
			KILN_QEMU_EXTRA="-cpu $cpu" kvm_run "$out/$m-$variant.txt" \
				"$m" "$img" -- sleep "$ms" </dev/null
			check "$name.status" test $? -eq 0
			ns=$(sed -n 's/^slept_ns=\([0-9]*\) .*/\1/p' "$out/$m-$variant.txt")
			# Measured with the guest's TSC clock: never early, and
			# late by less than 20 ms even on a busy host under TCG.
			want=$((ms * 1000000))
			check "$name.at_least" test "${ns:-0}" -ge "$want"
			check "$name.at_most" test "${ns:-0}" -lt $((want + 20000000))
		done <<-EOF
			tsc_deadline max 10
			lapic_oneshot max,-tsc-deadline 10
			pit max,-apic 10
			pit_long max,-apic 200
		EOF
	done
}

test_kvm_bad_cmdline() {
	local out img rc long
	kvm_build tests/apps/platprobe || { fail kvm_bad_cmdline "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	kvm_run "$out/quote.txt" pc "$img" --cmdline "args 'unterminated"
	rc=$?
	check kvm_bad_cmdline.quote_status test "$rc" -eq 2
	check kvm_bad_cmdline.quote_message grep -q 'malformed command line: unterminated quote' "$out/quote.txt"
	kvm_run "$out/bs.txt" microvm "$img" --cmdline 'args trailing\'
	check kvm_bad_cmdline.backslash_status test $? -eq 2
	long=$(head -c 5000 /dev/zero | tr '\0' x)
	kvm_run "$out/long.txt" pc "$img" -- args "$long"
	rc=$?
	check kvm_bad_cmdline.long_status test "$rc" -eq 2
	check kvm_bad_cmdline.long_message grep -q 'command line refused: longer than 4095 bytes' "$out/long.txt"
	# shellcheck disable=SC2046
	kvm_run "$out/many.txt" pc "$img" -- $(seq 1 100)
	check kvm_bad_cmdline.many_status test $? -eq 2
	check kvm_bad_cmdline.many_message grep -q 'more than 64 arguments' "$out/many.txt"
	check kvm_bad_cmdline.no_crash sh -c "! grep -q '^crash:' '$out'/*.txt"
}

test_kvm_memory_regions() {
	local out img
	kvm_build tests/apps/platprobe || { fail kvm_memory_regions "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	kvm_run "$out/r.txt" pc "$img" --mem 64M -- regions
	check kvm_memory_regions.status test $? -eq 0
	check kvm_memory_regions.image grep -q 'type=2 start=0x10000 .* name=image' "$out/r.txt"
	check kvm_memory_regions.page0 grep -q 'type=4 start=0x0 len=4096 ' "$out/r.txt"
	check kvm_memory_regions.hole grep -q 'type=4 start=0xa0000 len=393216 ' "$out/r.txt"
	# Conventional memory under the image is free too.
	check kvm_memory_regions.low_free grep -q 'type=1 start=0x[1-9a-f]000 .* name=ram' "$out/r.txt"
	check kvm_memory_regions.free grep -q 'type=1 .* len=6[0-9]\{7\} name=ram' "$out/r.txt"
	check kvm_memory_regions.pagetables grep -q 'type=2 .* name=page tables' "$out/r.txt"
}

# kvm_boots IMG KIB MACHINE: helloworld boots with KIB KiB of RAM.
kvm_boots() {
	"$KILN_ROOT/support/scripts/run" --plat kvm --image "$1" --accel tcg \
		--machine "$3" --mem "$2K" >"$KVM_MEM_OUT/$3-$2.txt" 2>&1 </dev/null &&
		grep -qx 'Hello world!' "$KVM_MEM_OUT/$3-$2.txt"
}

# The smallest memory helloworld boots with, by bisection in 4 KiB steps;
# one step below it the guest must fail with a message, not hang (the
# guest's, or run's when qboot or the image itself could not start).
test_kvm_memory_minimum() {
	local img lo hi mid m rc
	kvm_build apps/helloworld || { fail kvm_memory_minimum "build failed"; return; }
	img=$(kvm_hello)
	KVM_MEM_OUT=$(tbuild)
	mkdir -p "$KVM_MEM_OUT"
	for m in pc microvm; do
		lo=64 hi=4096
		if ! kvm_boots "$img" "$hi" "$m"; then
			fail "kvm_memory_minimum.$m" "does not boot with $hi KiB"
			continue
		fi
		while [ $((hi - lo)) -gt 4 ]; do
			mid=$(((lo + hi) / 2 / 4 * 4))
			if kvm_boots "$img" "$mid" "$m"; then hi=$mid; else lo=$mid; fi
		done
		echo "minimum memory on $m: $hi KiB"
		echo "$m $hi" >>"$KILN_TEST_OUT/kvm-minmem.txt"
		pass "kvm_memory_minimum.$m"
		# At most 1 MiB: the image loads at 64 KiB (on -M pc qboot
		# itself needs 972 KiB).
		check "kvm_memory_minimum.$m.small" test "$hi" -le 1024
		kvm_run "$KVM_MEM_OUT/below-$m.txt" "$m" "$img" --mem "$((hi - 4))K"
		rc=$?
		check "kvm_memory_minimum.$m.below_fails" test "$rc" -ne 0 -a "$rc" -ne 124
		check "kvm_memory_minimum.$m.below_message" grep -q 'not enough memory\|is too small' "$KVM_MEM_OUT/below-$m.txt"
		kvm_run "$KVM_MEM_OUT/1m-$m.txt" "$m" "$img" --mem 1M
		check "kvm_memory_minimum.$m.1m" test $? -eq 0
	done
	kvm_run "$KVM_MEM_OUT/128k.txt" microvm "$img" --mem 128K
	check kvm_memory_minimum.128k_status test $? -eq 2
	check kvm_memory_minimum.128k_message grep -q 'MEM=128K is too small: the image alone ends' "$KVM_MEM_OUT/128k.txt"
}

test_kvm_image() {
	local img segs
	kvm_build apps/helloworld || { fail kvm_image "build failed"; return; }
	img=$(kvm_hello)
	ls -l "$img"
	check kvm_image.size_under_100k test "$(stat -c %s "$img")" -lt 102400
	check kvm_image.stripped sh -c "! readelf -S '$img' | grep -q symtab"
	# Multiboot copies the file as one block: the loadable segments must
	# sit in the file exactly as in memory.
	segs=$(readelf -lW "$img" | awk '$1 == "LOAD" { print $2, $3 }')
	echo "$segs"
	check kvm_image.contiguous sh -c "echo '$segs' | while read o v; do echo \$((v - o)); done | sort -u | wc -l | grep -qx 1"
	# Text is not writable, data is not executable.
	check kvm_image.wx sh -c "! readelf -lW '$img' | awk '\$1 == \"LOAD\"' | grep -q 'RWE'"
}

test_kvm_make_run() {
	local out rc
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail kvm_make_run "build failed"; return; }
	# kvm is the default platform of make run; TCG here, and it says so.
	make -C "$KILN_ROOT" O="$out" run ARGS="one 'two three'" >"$out/run.txt" 2>&1
	check kvm_make_run.status test $? -eq 0
	cat "$out/run.txt"
	check kvm_make_run.hello grep -qx 'Hello world!' "$out/run.txt"
	check kvm_make_run.args grep -qx 'argv\[2\]=two three' "$out/run.txt"
	if grep -qw -E 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
		pass kvm_make_run.tcg_message
	else
		check kvm_make_run.tcg_message grep -q 'kiln: using TCG (no usable KVM)' "$out/run.txt"
	fi
	make -C "$KILN_ROOT" O="$out" run MACHINE=microvm ACCEL=tcg MEM=16M ARGS="x" >"$out/mv.txt" 2>&1
	check kvm_make_run.microvm test $? -eq 0
	check kvm_make_run.microvm_args grep -qx 'argv\[1\]=x' "$out/mv.txt"
	check kvm_make_run.explicit_tcg_quiet sh -c "! grep -q 'using TCG' '$out/mv.txt'"
	make -C "$KILN_ROOT" O="$out" run MACHINE=nosuch >"$out/bad.txt" 2>&1
	rc=$?
	check kvm_make_run.bad_machine test "$rc" -ne 0
	check kvm_make_run.bad_machine_message grep -q 'MACHINE=nosuch: expected pc or microvm' "$out/bad.txt"
}

# With timestamps on, the guest reports its boot time from the TSC.
test_kvm_timestamps() {
	local out
	out=$(tbuild)
	build_app apps/helloworld "$out" LIBUKBOOT_TIMESTAMPS=y >/dev/null ||
		{ fail kvm_timestamps "build failed"; return; }
	kvm_run "$out/run.txt" pc "$out/helloworld_kvm-x86_64"
	check kvm_timestamps.status test $? -eq 0
	check kvm_timestamps.boot grep -q '^kiln-boot: entry_ns=[1-9][0-9]* main_ns=[0-9]* boot_ns=[0-9]*$' "$out/run.txt"
	check kvm_timestamps.exit grep -q '^kiln-boot: exit_ns=[0-9]* run_ns=[0-9]* status=0$' "$out/run.txt"
}

# Console input: bytes on QEMU's stdin reach uk_plat_console_in(), the
# ones sent before the UART was set up included.
test_kvm_console_input() {
	local out img m
	kvm_build tests/apps/platprobe || { fail kvm_console_input "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	for m in pc microvm; do
		printf 'hello' | timeout 10 "$KILN_ROOT/support/scripts/run" --plat kvm \
			--image "$img" --accel tcg --machine "$m" -- read 5 >"$out/$m.txt" 2>&1
		check "kvm_console_input.$m.status" test $? -eq 0
		cat "$out/$m.txt"
		check "kvm_console_input.$m" grep -qx 'read=<hello>' "$out/$m.txt"
	done
}

# GDB=port: QEMU waits for gdb on that port (a per-run one, so that two
# test runs do not collide), and the printed command finds main().
test_kvm_gdb() {
	local out img pid port=$((20000 + $$ % 20000))
	kvm_build tests/apps/platprobe || { fail kvm_gdb "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	timeout 30 "$KILN_ROOT/support/scripts/run" --plat kvm --image "$img" \
		--accel tcg --gdb "$port" -- return 3 >"$out/run.txt" 2>&1 &
	pid=$!
	sleep 1
	timeout 20 gdb -q -batch -nx -ex "file $img.dbg" \
		-ex "target remote 127.0.0.1:$port" \
		-ex 'hbreak main' -ex continue -ex 'bt 1' -ex continue \
		>"$out/gdb.txt" 2>&1 </dev/null
	wait "$pid"
	check kvm_gdb.status test $? -eq 3
	cat "$out/run.txt" "$out/gdb.txt"
	check kvm_gdb.message grep -q "gdb -ex 'file .*platprobe_kvm-x86_64.dbg' -ex 'set backtrace past-main on' -ex 'target remote 127.0.0.1:$port'" "$out/run.txt"
	check kvm_gdb.breakpoint grep -q 'main (argc=3' "$out/gdb.txt"
	# The backtrace goes on past main into the boot code that called it.
	timeout 30 "$KILN_ROOT/support/scripts/run" --plat kvm --image "$img" \
		--accel tcg --gdb "$port" -- return 3 >"$out/run2.txt" 2>&1 &
	pid=$!
	sleep 1
	timeout 20 gdb -q -batch -nx -ex "file $img.dbg" \
		-ex 'set backtrace past-main on' \
		-ex "target remote 127.0.0.1:$port" \
		-ex 'hbreak main' -ex continue -ex 'bt' -ex kill \
		>"$out/gdb2.txt" 2>&1 </dev/null
	wait "$pid"
	check kvm_gdb.killed_status test $? -eq 125
	cat "$out/run2.txt" "$out/gdb2.txt"
	check kvm_gdb.past_main grep -q '^#1 .* in uk_boot_entry ()' "$out/gdb2.txt"
	check kvm_gdb.entry_frame grep -q '^#2 .* in _x86_entry64 (' "$out/gdb2.txt"
	check kvm_gdb.killed_said grep -q 'gdb killed the guest' "$out/run2.txt"
	check kvm_gdb.no_triple_fault sh -c "! grep -q 'triple fault' '$out/run2.txt'"
	check kvm_gdb.hint_past_main grep -q "set backtrace past-main on" "$out/run.txt"
	"$KILN_ROOT/support/scripts/run" --plat kvm --image "$img" \
		--gdb 99999 >"$out/bad.txt" 2>&1
	check kvm_gdb.bad_port test $? -eq 2
	check kvm_gdb.bad_port_msg grep -q 'GDB=99999: expected' "$out/bad.txt"
}

# An image whose path has blanks: multiboot puts the path in front of the
# command line, and none of it may reach the arguments.
test_kvm_image_path_blanks() {
	local out
	kvm_build tests/apps/platprobe || { fail kvm_image_path_blanks "build failed"; return; }
	out="$(tbuild)/dir with blanks"
	mkdir -p "$out"
	cp "$(kvm_probe)" "$out/my image"
	kvm_run "$out/run.txt" pc "$out/my image" -- args 'a b' c
	check kvm_image_path_blanks.status test $? -eq 0
	check kvm_image_path_blanks.args sh -c "grep '^argv' '$out/run.txt' | tr '\n' ' ' | grep -qx 'argv\[0\]=<platprobe> argv\[1\]=<args> argv\[2\]=<a b> argv\[3\]=<c> '"
}

# The VGA text console builds and leaves the serial console as it was.
test_kvm_vga() {
	local out
	out=$(tbuild)
	build_app apps/helloworld "$out" KVM_CONSOLE_VGA=y PLAT_LINUXU=n >/dev/null ||
		{ fail kvm_vga "build failed"; return; }
	check kvm_vga.linked sh -c "nm '$out/helloworld_kvm-x86_64.dbg' | grep -q _kvm_vga_out"
	kvm_run "$out/run.txt" pc "$out/helloworld_kvm-x86_64" -- vga
	check kvm_vga.status test $? -eq 0
	check kvm_vga.serial grep -qx 'argv\[1\]=vga' "$out/run.txt"
}

# The initrd reaches the bootinfo through both protocols: a multiboot
# module (-M pc, -M microvm) and a PVH module (the PVH-only copy).
test_kvm_initrd() {
	local out img pvh off m
	kvm_build tests/apps/platprobe || { fail kvm_initrd "build failed"; return; }
	out=$(tbuild) img=$(kvm_probe)
	mkdir -p "$out"
	head -c 12345 /dev/urandom >"$out/initrd"
	off=$(LC_ALL=C grep -obUaP '\x02\xb0\xad\x1b' "$img" | head -n 1 | cut -d: -f1)
	pvh=$out/pvh-only
	cp "$img" "$pvh"
	printf '\0\0\0\0' | dd of="$pvh" bs=1 seek="${off:?}" conv=notrunc 2>/dev/null
	for m in pc microvm; do
		kvm_run "$out/mb-$m.txt" "$m" "$img" --initrd "$out/initrd" -- regions
		check "kvm_initrd.multiboot_$m" grep -q 'type=3 start=0x[0-9a-f]* len=12345 name=initrd' "$out/mb-$m.txt"
		kvm_run "$out/pvh-$m.txt" "$m" "$pvh" --initrd "$out/initrd" -- regions
		check "kvm_initrd.pvh_$m" grep -q 'type=3 start=0x[0-9a-f]* len=12345 name=initrd' "$out/pvh-$m.txt"
	done
	# Too large for multiboot's room under 640 KiB: run boots it
	# through PVH, which puts it at the top of RAM.
	head -c 600000 /dev/urandom >"$out/big"
	kvm_run "$out/big.txt" pc "$img" --initrd "$out/big" -- regions
	check kvm_initrd.big grep -q 'type=3 start=0x[0-9a-f]* len=600000 name=initrd' "$out/big.txt"
	kvm_run "$out/missing.txt" pc "$img" --initrd /nonexistent -- regions
	check kvm_initrd.missing_file test $? -eq 2
}
