# The linuxu platform and the boot path: arguments, exit statuses, exit(),
# assertions, crashes, the timer, memory, and `make run`.

probe_out() { tbuild; }

# Build tests/apps/platprobe once per test that needs it.
build_probe() {
	local out
	out=$(probe_out)
	[ -x "$out/platprobe_linuxu-x86_64" ] && return 0
	kmake A=tests/apps/platprobe O="$out" >/dev/null
}

test_linuxu_helloworld_args() {
	local out img
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail linuxu_helloworld_args "build failed"; return; }
	img=$out/helloworld_linuxu-x86_64
	run_capture "$out/run.txt" "$img" a 'b c' '' "it's" '"q"' 'x\y'
	helloworld_want >"$out/want.txt"
	check linuxu_helloworld_args diff -u "$out/want.txt" "$out/run.txt"
	# Kernel arguments before "--" do not reach main().
	run_capture "$out/run2.txt" "$img" kernel.arg=1 -- app1
	check linuxu_kernel_args grep -qx 'argc=2' "$out/run2.txt"
	check linuxu_kernel_args.app grep -qx 'argv\[1\]=app1' "$out/run2.txt"
}

test_linuxu_make_run() {
	local out
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail linuxu_make_run "build failed"; return; }
	make -C "$KILN_ROOT" O="$out" run PLAT=linuxu ARGS="one 'two three'" >"$out/run.txt" 2>&1
	check linuxu_make_run.status test $? -eq 0
	cat "$out/run.txt"
	check linuxu_make_run.hello grep -qx 'Hello world!' "$out/run.txt"
	check linuxu_make_run.args grep -qx 'argv\[2\]=two three' "$out/run.txt"
}

# `make run PLAT=linuxu GDB=1` runs the process under gdb (commands from
# stdin here), and a backtrace goes on past main into the boot code.
test_linuxu_gdb() {
	local out
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail linuxu_gdb "build failed"; return; }
	printf 'break main\nrun\nbt\ncontinue\n' | timeout 60 make -C "$KILN_ROOT" \
		O="$out" run PLAT=linuxu GDB=1 ARGS="one two" >"$out/gdb.txt" 2>&1
	check linuxu_gdb.status test $? -eq 0
	cat "$out/gdb.txt"
	check linuxu_gdb.breakpoint grep -q 'Breakpoint 1, main (argc=.*3' "$out/gdb.txt"
	check linuxu_gdb.past_main grep -q '^#1 .* in uk_boot_entry ()' "$out/gdb.txt"
	check linuxu_gdb.entry grep -q ' in _start ()' "$out/gdb.txt"
	check linuxu_gdb.ran grep -qx 'argv\[2\]=two' "$out/gdb.txt"
	check linuxu_gdb.exited grep -q 'exited normally' "$out/gdb.txt"
	make -C "$KILN_ROOT" O="$out" run PLAT=linuxu GDB=x >"$out/bad.txt" 2>&1 </dev/null
	check linuxu_gdb.bad_value grep -q 'GDB=x: expected 1' "$out/bad.txt"
}

test_linuxu_exit_status() {
	local out img rc s
	build_probe || { fail linuxu_exit_status "build failed"; return; }
	out=$(probe_out) img=$(probe_out)/platprobe_linuxu-x86_64
	for s in 0 1 42; do
		"$img" return "$s"
		rc=$?
		check "linuxu_exit_status.return_$s" test "$rc" -eq "$s"
		"$img" exit "$s"
		rc=$?
		check "linuxu_exit_status.exit_$s" test "$rc" -eq "$s"
	done
	# `make run` fails when the guest fails, and says with what status.
	make -C "$KILN_ROOT" A=tests/apps/platprobe O="$out" run ARGS="return 42" >"$out/mr.txt" 2>&1
	rc=$?
	cat "$out/mr.txt"
	check linuxu_exit_status.make_run test "$rc" -ne 0
	check linuxu_exit_status.run_script sh -c "'$KILN_ROOT/support/scripts/run' --plat linuxu --image '$img' -- return 42; test \$? -eq 42"
}

test_linuxu_assert() {
	local out img rc
	build_probe || { fail linuxu_assert "build failed"; return; }
	out=$(probe_out) img=$out/platprobe_linuxu-x86_64
	run_capture "$out/assert.txt" "$img" assert
	rc=$?
	check linuxu_assert.status test "$rc" -eq 127
	check linuxu_assert.message grep -q 'Assertion failure: argc == 1 at .*tests/apps/platprobe/main.c:[0-9][0-9]* (main)' "$out/assert.txt"
	check linuxu_assert.backtrace grep -q '#0 0x' "$out/assert.txt"
}

test_linuxu_crash() {
	local out img rc
	build_probe || { fail linuxu_crash "build failed"; return; }
	out=$(probe_out) img=$out/platprobe_linuxu-x86_64
	run_capture "$out/segv.txt" "$img" segv 0
	rc=$?
	check linuxu_crash.status test "$rc" -eq 127
	check linuxu_crash.signal grep -q 'SIGSEGV' "$out/segv.txt"
	check linuxu_crash.registers grep -qi 'rip' "$out/segv.txt"
	check linuxu_crash.backtrace grep -q '#0 0x' "$out/segv.txt"
	# The backtrace resolves to main() with the symbolizer and the .dbg.
	"$KILN_ROOT/support/scripts/symbolize" "$img.dbg" <"$out/segv.txt" >"$out/segv-sym.txt"
	cat "$out/segv-sym.txt"
	check linuxu_crash.symbolized grep -q 'rip is in main at .*platprobe/main.c' "$out/segv-sym.txt"
	check linuxu_crash.symbolized_caller grep -q '#0 0x[0-9a-f]* uk_boot_entry at' "$out/segv-sym.txt"
}

test_linuxu_timer() {
	local out img ns
	build_probe || { fail linuxu_timer "build failed"; return; }
	out=$(probe_out) img=$out/platprobe_linuxu-x86_64
	run_capture "$out/sleep.txt" "$img" sleep 20
	check linuxu_timer.status test $? -eq 0
	ns=$(sed -n 's/^slept_ns=\([0-9]*\) .*/\1/p' "$out/sleep.txt")
	# At least the requested 20 ms (the contract), at most 2 s (it halted
	# until the timer rather than being stuck).
	check linuxu_timer.at_least test "${ns:-0}" -ge 20000000
	check linuxu_timer.at_most test "${ns:-0}" -lt 2000000000
}

test_linuxu_memory() {
	local out img rc
	build_probe || { fail linuxu_memory "build failed"; return; }
	out=$(probe_out) img=$out/platprobe_linuxu-x86_64
	run_capture "$out/default.txt" "$img" regions
	check linuxu_memory.default grep -q "type=1 .* len=$((16 << 20)) " "$out/default.txt"
	check linuxu_memory.kernel grep -q "type=2 " "$out/default.txt"
	run_capture "$out/m8.txt" "$img" -m 8M regions
	check linuxu_memory.m8 grep -q "type=1 .* len=$((8 << 20)) " "$out/m8.txt"
	run_capture "$out/m2.txt" "$img" -m 2 regions
	check linuxu_memory.plain_mib grep -q "type=1 .* len=$((2 << 20)) " "$out/m2.txt"
	for bad in abc 0 -5 99999999999G; do
		run_capture "$out/bad.txt" "$img" -m "$bad" regions
		rc=$?
		check "linuxu_memory.bad_$bad" test "$rc" -eq 2
		check "linuxu_memory.bad_${bad}_message" grep -q "invalid -m value" "$out/bad.txt"
	done
	run_capture "$out/missing.txt" "$img" -m
	check linuxu_memory.missing_value test $? -eq 2
}

# More arguments than the boot accepts: a message and status 2.
test_linuxu_too_many_args() {
	local out img rc
	build_probe || { fail linuxu_too_many_args "build failed"; return; }
	out=$(probe_out) img=$out/platprobe_linuxu-x86_64
	# shellcheck disable=SC2046
	run_capture "$out/many.txt" "$img" $(seq 1 100)
	rc=$?
	check linuxu_too_many_args.status test "$rc" -eq 2
	check linuxu_too_many_args.message grep -q 'more than 64 arguments' "$out/many.txt"
}

# Host-device options: -n and -d take the arguments before the
# application's; without an argument, or one too many, a message and
# status 2; given to an image with no driver for them, a warning each
# (helloworld has neither a network nor a block driver) and a normal run.
test_linuxu_hostdev_options() {
	local out img
	out=$(tbuild)
	kmake O="$out" >/dev/null || { fail linuxu_hostdev_options "build failed"; return; }
	img=$out/helloworld_linuxu-x86_64
	run_capture "$out/unused.txt" "$img" -n tap9 -m 8M -d /nonexistent.img app
	check linuxu_hostdev_options.unused_status test $? -eq 0
	check linuxu_hostdev_options.unused_args grep -qx 'argv\[1\]=app' "$out/unused.txt"
	check linuxu_hostdev_options.unused_net grep -qx 'linuxu: -n tap9: ignored: this image has no network driver' "$out/unused.txt"
	check linuxu_hostdev_options.unused_disk grep -qx 'linuxu: -d /nonexistent.img: ignored: this image has no block driver' "$out/unused.txt"
	run_capture "$out/missing.txt" "$img" -d
	check linuxu_hostdev_options.missing_status test $? -eq 2
	check linuxu_hostdev_options.missing_msg grep -qx 'linuxu: -d: missing argument' "$out/missing.txt"
	# shellcheck disable=SC2046
	run_capture "$out/many.txt" "$img" $(for i in 1 2 3 4 5 6 7 8 9; do echo "-n x$i"; done)
	check linuxu_hostdev_options.too_many_status test $? -eq 2
	check linuxu_hostdev_options.too_many_msg grep -q 'too many host devices (at most 8)' "$out/many.txt"
}
