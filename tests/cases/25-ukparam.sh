# Kernel parameters (lib/ukparam) through the boot: "help", unknown names,
# bad values, the KARGS/ARGS split of `make run` on linuxu and kvm (pc and
# microvm), arguments that must survive as they are, and the size grammar
# shared by C and shell. platprobe declares one parameter of each type
# (platprobe.flag/num/size/str/list) and prints them with "params".

ukparam_out() { echo "$KILN_TEST_OUT/ukparam-platprobe"; }
ukparam_build() { build_once "$(ukparam_out)" tests/apps/platprobe; }
ukparam_lx() { echo "$(ukparam_out)/platprobe_linuxu-x86_64"; }
ukparam_kvm() { echo "$(ukparam_out)/platprobe_kvm-x86_64"; }

# ukparam_kvm_run OUTFILE MACHINE ARGS...: boot the kvm probe under TCG.
ukparam_kvm_run() {
	local out=$1 m=$2
	shift 2
	run_capture "$out" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$(ukparam_kvm)" --accel tcg --machine "$m" -- "$@"
}

# help_checks NAME FILE: the listing names each parameter, type, default.
help_checks() {
	local n=$1 f=$2
	check "$n.header" grep -q '^Kernel parameters of this image' "$f"
	check "$n.bool" grep -q '^  platprobe.flag\[=bool\]  default false$' "$f"
	check "$n.int" grep -q '^  platprobe.num=<int -1000..1000>  default -1$' "$f"
	check "$n.size" grep -q '^  platprobe.size=<size 4K..4G>  default 1M$' "$f"
	check "$n.str" grep -q '^  platprobe.str=<string>  default none$' "$f"
	check "$n.list" grep -q '^  platprobe.list=<string> (repeatable, at most 4)  default none$' "$f"
	check "$n.desc" grep -q '^      test: a size from 4K to 4G$' "$f"
	check "$n.others" grep -q '^  ukdebug.loglevel=<int 1..5>  default 3$' "$f"
	check "$n.main_not_run" sh -c "! grep -q '^flag=' '$f'"
}

test_ukparam_help() {
	local out img
	ukparam_build || { fail ukparam_help "build failed"; return; }
	out=$(tbuild) img=$(ukparam_lx)
	mkdir -p "$out"
	run_capture "$out/help.txt" "$img" help -- params
	check ukparam_help.status test $? -eq 0
	help_checks ukparam_help "$out/help.txt"
	# Sorted by name.
	check ukparam_help.sorted sh -c "grep '^  [a-z]' '$out/help.txt' | sort -c"
	run_capture "$out/ukhelp.txt" "$img" platprobe.num=5 uk.help --
	check ukparam_help.uk_help_status test $? -eq 0
	help_checks ukparam_help.uk_help "$out/ukhelp.txt"
	# After "--", "help" is the application's.
	run_capture "$out/app.txt" "$img" -- help
	check ukparam_help.app_status test $? -eq 0
	check ukparam_help.app_arg grep -qx 'argv\[1\]=<help>' "$out/app.txt"
	# "help" wins even over a bad value.
	run_capture "$out/bad.txt" "$img" platprobe.num=x help --
	check ukparam_help.over_bad test $? -eq 0
	ukparam_kvm_run "$out/kvm.txt" pc help --
	check ukparam_help.kvm_status test $? -eq 0
	help_checks ukparam_help.kvm "$out/kvm.txt"
}

test_ukparam_unknown() {
	local out img
	ukparam_build || { fail ukparam_unknown "build failed"; return; }
	out=$(tbuild) img=$(ukparam_lx)
	mkdir -p "$out"
	run_capture "$out/u.txt" "$img" nosuch.param=1 platprobe.num=3 -- params
	check ukparam_unknown.status test $? -eq 0
	check ukparam_unknown.warning grep -qx "WARN: \[libukparam\] unknown kernel parameter 'nosuch.param' ignored (\"help\" lists them)" "$out/u.txt"
	check ukparam_unknown.one_line test "$(grep -c 'nosuch' "$out/u.txt")" -eq 1
	check ukparam_unknown.boots grep -qx 'flag=0 num=3 size=1048576 str=<(null)>' "$out/u.txt"
	# ukdebug.loglevel on the same line decides: 2 drops warnings.
	run_capture "$out/quiet.txt" "$img" ukdebug.loglevel=2 nosuch.param -- params
	check ukparam_unknown.loglevel_status test $? -eq 0
	check ukparam_unknown.loglevel_quiet sh -c "! grep -q 'WARN' '$out/quiet.txt'"
	check ukparam_unknown.loglevel_boots grep -q '^flag=0 ' "$out/quiet.txt"
	ukparam_kvm_run "$out/kvm.txt" microvm nosuch.param -- params
	check ukparam_unknown.kvm_status test $? -eq 0
	check ukparam_unknown.kvm_warning grep -q "unknown kernel parameter 'nosuch.param' ignored" "$out/kvm.txt"
	check ukparam_unknown.kvm_boots grep -q '^flag=0 num=-1 ' "$out/kvm.txt"
}

# ukboot.timestamps, a Kconfig default (off in platprobe) turned on at boot.
test_ukparam_timestamps() {
	local out img
	ukparam_build || { fail ukparam_timestamps "build failed"; return; }
	out=$(tbuild) img=$(ukparam_lx)
	mkdir -p "$out"
	run_capture "$out/off.txt" "$img" -- params
	check ukparam_timestamps.default_off sh -c "! grep -q '^kiln-boot:' '$out/off.txt'"
	run_capture "$out/on.txt" "$img" ukboot.timestamps -- params
	check ukparam_timestamps.status test $? -eq 0
	check ukparam_timestamps.entry grep -q '^kiln-boot: entry_ns=[0-9]* main_ns=[0-9]* boot_ns=[0-9]*$' "$out/on.txt"
	check ukparam_timestamps.exit grep -q '^kiln-boot: exit_ns=[0-9]* run_ns=[0-9]* status=0$' "$out/on.txt"
}

# A bad value: status 2, a message naming the parameter and the form,
# main() never runs.
test_ukparam_bad_value() {
	local out img rc i arg want
	ukparam_build || { fail ukparam_bad_value "build failed"; return; }
	out=$(tbuild) img=$(ukparam_lx)
	mkdir -p "$out"
	i=0
	while IFS='|' read -r arg want; do
		i=$((i + 1))
		run_capture "$out/b$i.txt" "$img" platprobe.flag "$arg" -- params
		rc=$?
		check "ukparam_bad_value.$i.status" test "$rc" -eq 2
		check "ukparam_bad_value.$i.message" grep -qF "bad kernel parameter $want" "$out/b$i.txt"
		check "ukparam_bad_value.$i.no_main" sh -c "! grep -q '^flag=' '$out/b$i.txt'"
	done <<'BAD'
platprobe.num=1001|platprobe.num=1001: out of range: expected an integer from -1000 to 1000
platprobe.num=ten|platprobe.num=ten: not an integer: expected an integer from -1000 to 1000
platprobe.num=|platprobe.num=: not an integer: expected an integer
platprobe.num|platprobe.num: no value: expected an integer
platprobe.size=4Q|platprobe.size=4Q: not a size: expected a size from 4K to 4G (bytes, or a number with a K, M or G suffix)
platprobe.size=1K|platprobe.size=1K: out of range: expected a size from 4K to 4G
platprobe.size=99999999999999999999|platprobe.size=99999999999999999999: out of range
platprobe.flag=maybe|platprobe.flag=maybe: not a valid value: expected a boolean: 1, 0, y, n, yes, no, true, false, on or off
platprobe.str|platprobe.str: no value: expected platprobe.str=<text>
ukdebug.loglevel=6|ukdebug.loglevel=6: out of range: expected an integer from 1 to 5
BAD
	# A list given once too often.
	run_capture "$out/list.txt" "$img" platprobe.list=1 platprobe.list=2 \
		platprobe.list=3 platprobe.list=4 platprobe.list=5 -- params
	check ukparam_bad_value.list_status test $? -eq 2
	check ukparam_bad_value.list_message grep -qF 'bad kernel parameter platprobe.list=5: given too many times: expected platprobe.list=<text>, given at most 4 times' "$out/list.txt"
	# Control bytes are not echoed raw.
	run_capture "$out/ctl.txt" "$img" "$(printf 'platprobe.num=\033[2J')" --
	check ukparam_bad_value.ctl_status test $? -eq 2
	check ukparam_bad_value.ctl_shown grep -qF 'platprobe.num=?[2J: not an integer' "$out/ctl.txt"
	for m in pc microvm; do
		ukparam_kvm_run "$out/kvm-$m.txt" "$m" platprobe.size=12X -- params
		check "ukparam_bad_value.kvm_$m.status" test $? -eq 2
		check "ukparam_bad_value.kvm_$m.message" grep -qF 'bad kernel parameter platprobe.size=12X: not a size' "$out/kvm-$m.txt"
	done
}

# What platprobe prints for the KARGS and ARGS below: spaces, quotes of
# both kinds, an empty value and a "--" of the application's own.
kargs_want() {
	cat <<'WANT'
flag=1 num=-16 size=2147483648 str=<a b "c" 'd'>
list[0]=<x>
list[1]=<y z>
list[2]=<>
argv[0]=<platprobe>
argv[1]=<params>
argv[2]=<p q>
argv[3]=<>
argv[4]=<-->
argv[5]=<it's>
WANT
}
kargs_k="platprobe.flag platprobe.num=-0x10 platprobe.size=2G 'platprobe.str=a b \"c\" '\\''d'\\' platprobe.list=x 'platprobe.list=y z' platprobe.list="
kargs_a="params 'p q' '' -- \"it's\""

# kargs_run NAME OUT [make variables]: make run with KARGS and ARGS, then
# compare what the guest printed.
kargs_run() {
	local name=$1 out=$2 rc
	shift 2
	mkdir -p "$out"
	kargs_want >"$out/want.txt"
	echo "+ make run $* KARGS=$kargs_k ARGS=$kargs_a"
	timeout 60 make -C "$KILN_ROOT" A=tests/apps/platprobe \
		O="$(ukparam_out)" run "$@" KARGS="$kargs_k" ARGS="$kargs_a" \
		>"$out/run.txt" 2>&1
	rc=$?
	cat "$out/run.txt"
	check "$name.status" test "$rc" -eq 0
	grep -e '^flag=' -e '^list\[' -e '^argv\[' "$out/run.txt" >"$out/got.txt"
	check "$name.output" diff -u "$out/want.txt" "$out/got.txt"
}

test_ukparam_kargs_linuxu() {
	ukparam_build || { fail ukparam_kargs_linuxu "build failed"; return; }
	kargs_run ukparam_kargs_linuxu "$(tbuild)" PLAT=linuxu
}

test_ukparam_kargs_kvm() {
	local m
	ukparam_build || { fail ukparam_kargs_kvm "build failed"; return; }
	for m in pc microvm; do
		kargs_run "ukparam_kargs_kvm.$m" "$(tbuild "$m")" PLAT=kvm \
			ACCEL=tcg MACHINE="$m"
	done
}

# linuxu hands its argv to the boot as it is (no joining and re-splitting):
# bytes a shell splitter would treat specially come through unchanged, in
# kernel parameters and application arguments alike.
test_ukparam_linuxu_argv() {
	local out img long nl odd
	ukparam_build || { fail ukparam_linuxu_argv "build failed"; return; }
	out=$(tbuild) img=$(ukparam_lx)
	mkdir -p "$out"
	nl='a
b'
	odd="$nl	\\\"'"' $(x) `y` *'
	long=$(head -c 3000 /dev/zero | tr '\0' "'")
	run_capture "$out/run.txt" "$img" -m 8M "platprobe.str=$odd" \
		"platprobe.list=$long" -- params "$nl" '\' "'" '"' '' "$odd"
	check ukparam_linuxu_argv.status test $? -eq 0
	{
		printf 'flag=0 num=-1 size=1048576 str=<%s>\n' "$odd"
		printf 'list[0]=<%s>\n' "$long"
		printf 'argv[0]=<platprobe>\nargv[1]=<params>\n'
		printf 'argv[2]=<%s>\n' "$nl"
		printf 'argv[3]=<%s>\n' '\'
		printf 'argv[4]=<%s>\n' "'"
		printf 'argv[5]=<%s>\n' '"'
		printf 'argv[6]=<>\n'
		printf 'argv[7]=<%s>\n' "$odd"
	} >"$out/want.txt"
	check ukparam_linuxu_argv.exact diff -u "$out/want.txt" "$out/run.txt"
}

# Is decimal $1 beyond 2^63 - 1?
beyond_i64() {
	case $1 in *[!0-9]* | '') return 1 ;; esac
	[ ${#1} -gt 19 ] || { [ ${#1} -eq 19 ] && [ "$1" \> 9223372036854775807 ]; }
}

# The size grammar: uk_param_parse_size() (built for the host from
# lib/ukparam/size.c) and the shell's kiln_size (support/scripts/size.sh)
# give the same answer for every input, both units. The shell stops at
# 2^63 - 1 bytes (signed arithmetic): above that only C accepts.
test_ukparam_size_grammar() {
	local out v s c sh bad=0
	out=$(tbuild)
	mkdir -p "$out"
	cat >"$out/size.c" <<'C'
#include <stdio.h>
#include <uk/param.h>
int main(int argc, char **argv)
{
	unsigned int shift = (unsigned int)(argv[1][0] - '0') * 10;
	uint64_t v;
	int i;

	for (i = 2; i < argc; i++) {
		if (uk_param_parse_size(argv[i], NULL, shift, &v) < 0)
			printf("bad\n");
		else
			printf("%llu\n", (unsigned long long)v);
	}
	return 0;
}
C
	gcc -std=gnu11 -Wall -Werror -I include -I lib/ukparam/include \
		"$out/size.c" lib/ukparam/size.c -o "$out/size" ||
		{ fail ukparam_size_grammar "host build failed"; return; }
	# shellcheck source=support/scripts/size.sh
	. "$KILN_ROOT/support/scripts/size.sh"
	set -- 0 1 64 64M 64m 512k 512K 1G 1g 0x10 0X10 0x10M 0xfFk 007 \
		00000000000000000000000001 8796093022207M 8796093022208M \
		999999999999999999 9223372036854775807 18446744073709551615 \
		18446744073709551616 '' K M 0x 0xg 1KK 1B 1KB 64T -1 +1 ' 1' \
		'1 ' 1.5G 1e3 0b1 x10 0x7fffffffffffffff 0x8000000000000000 \
		0xffffffffffffffff
	for s in 0 2; do
		i=0
		for c in $("$out/size" "$s" "$@"); do
			i=$((i + 1))
			eval "v=\${$i}"
			sh=$(kiln_size "$v" $((s * 10))) || sh=bad
			if [ "$sh" != "$c" ]; then
				# Only sizes of 2^63 and more may differ.
				[ "$sh" = bad ] && beyond_i64 "$c" && continue
				echo "size '$v' unit $s: C $c, shell $sh"
				bad=1
			fi
		done
		check "ukparam_size_grammar.unit$s.count" test "$i" -eq $#
	done
	check ukparam_size_grammar.agree test "$bad" -eq 0
	# The run script refuses a MEM outside the grammar before QEMU.
	ukparam_build || { fail ukparam_size_grammar.run_mem "build failed"; return; }
	run_capture "$out/mem.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$(ukparam_kvm)" --mem 1.5G
	check ukparam_size_grammar.run_mem_status test $? -eq 2
	check ukparam_size_grammar.run_mem_message grep -q 'MEM=1.5G: expected a size like 64M' "$out/mem.txt"
}

# `make help` documents what this file tests.
test_ukparam_make_help() {
	local out
	out=$(tbuild)
	mkdir -p "$out"
	make -C "$KILN_ROOT" help >"$out/help.txt" 2>&1
	check ukparam_make_help.kargs grep -q '^  KARGS=' "$out/help.txt"
	check ukparam_make_help.fuzz grep -q '^  fuzz ' "$out/help.txt"
	check ukparam_make_help.seconds grep -q 'SECONDS=n' "$out/help.txt"
}
