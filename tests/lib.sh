# Helpers for the test cases in tests/cases/ (sourced by tests/run).
# Each test function runs in a subshell with the tree root as working
# directory; its output goes to its log file.

# pass NAME / fail NAME REASON / skip NAME REASON: record one result.
pass() { echo "PASS $1" >>"$KILN_TEST_OUT/results"; }
fail() {
	echo "FAIL $1 $2" >>"$KILN_TEST_OUT/results"
	echo "FAILED: $1: $2"
}
skip() { echo "SKIP $1 $2" >>"$KILN_TEST_OUT/results"; }

# check NAME CONDITION...: pass when the command succeeds, else fail.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "failed: $*"; fi
}

# A private build folder for the running test.
tbuild() { echo "$KILN_TEST_OUT/$KILN_TEST_NAME${1:+-$1}"; }

# kmake ARGS...: make in the tree, quietly unless it fails, -j2.
kmake() {
	echo "+ make $*"
	make -C "$KILN_ROOT" -j2 "$@"
}

# kconfig_set CONFIGFILE SYM=VALUE... (VALUE n: "is not set"), then the
# next make brings the rest of the configuration up to date.
kconfig_set() {
	local cfg=$1 kv sym val
	shift
	for kv in "$@"; do
		sym=${kv%%=*} val=${kv#*=}
		sed -i -e "/^CONFIG_$sym=/d" -e "/^# CONFIG_$sym is not set/d" "$cfg"
		if [ "$val" = n ]; then
			echo "# CONFIG_$sym is not set" >>"$cfg"
		else
			echo "CONFIG_$sym=$val" >>"$cfg"
		fi
	done
}

# build_app APP OUT [SYM=VALUE...]: configure APP in OUT from its
# defconfig plus the given symbols, then build it.
build_app() {
	local app=$1 out=$2
	shift 2
	kmake A="$app" O="$out" defconfig || return 1
	if [ $# -gt 0 ]; then
		kconfig_set "$out/$(basename "$app")/.config" "$@"
		kmake A="$app" O="$out" olddefconfig || return 1
	fi
	kmake A="$app" O="$out"
}

# build_once OUT APP [SYM=VALUE...]: build_app into OUT unless an earlier
# test already did (a stamp marks success), for images several tests
# boot. The build's output goes to OUT.build.log, shown when it fails.
build_once() {
	local out=$1 app=$2
	shift 2
	[ -f "$out.built" ] && return 0
	build_app "$app" "$out" "$@" >"$out.build.log" 2>&1 ||
		{ cat "$out.build.log"; return 1; }
	touch "$out.built"
}

# run_capture OUTFILE CMD...: run CMD (10 s limit), output to OUTFILE and
# the log; returns CMD's exit status.
run_capture() {
	local out=$1 rc
	shift
	echo "+ $*"
	timeout 10 "$@" >"$out" 2>&1
	rc=$?
	sed 's/^/  > /' "$out"
	echo "  (exit status $rc)"
	return $rc
}

# uktest_collect LOGFILE PREFIX: one result per "uktest: result" line.
# Returns non-zero when the image printed no summary line (it crashed or
# stopped early), which also counts as a failure.
uktest_collect() {
	local log=$1 prefix=$2 suite case status
	grep -o 'uktest: result suite=[^ ]* case=[^ ]* status=[a-z]*' "$log" |
		while read -r _ _ suite case status; do
			suite=${suite#suite=} case=${case#case=}
			status=${status#status=}
			if [ "$status" = pass ]; then
				pass "$prefix:$suite.$case"
			else
				fail "$prefix:$suite.$case" "$(grep -m1 "fail suite=$suite case=$case " "$log" | sed 's/.* at //')"
			fi
		done
	grep -q 'uktest: summary passed=' "$log"
}

# What helloworld prints when run with the arguments
#   a 'b c' '' "it's" '"q"' 'x\y'
# (spaces, an empty argument, both quote characters, a backslash).
helloworld_want() {
	cat <<'WANT'
Hello world!
argc=7
argv[0]=helloworld
argv[1]=a
argv[2]=b c
argv[3]=
argv[4]=it's
argv[5]="q"
argv[6]=x\y
WANT
}
