# Networking: uknetdev's unit tests, and tests/apps/netecho on a tap
# device inside a network namespace that each test creates and deletes
# (ping, malformed frames, bad devices and arguments).
#
# net_ping_test PLAT and net_badframes_test PLAT work for any platform
# that support/scripts/run can give a tap to (linuxu: the tap driver, kvm:
# virtio-net): adding a platform is one more call.

# The guest and host addresses inside every test namespace.
net_guest_ip=172.30.0.2
net_host_ip=172.30.0.1

# Build netecho once for all the tests of this file; prints the folder.
net_build() {
	build_once "$KILN_TEST_OUT/netecho" tests/apps/netecho &&
		echo "$KILN_TEST_OUT/netecho"
}

# net_ns_up NS TAP [MTU]: a namespace NS holding tap TAP with the host
# address, up, IPv6 off (no router solicitations in the guest's counters).
# Sets a trap so that NS goes away however the test ends.
net_ns_up() {
	local ns=$1 tap=$2 mtu=${3:-1500}
	trap "net_ns_down $ns" EXIT INT TERM
	ip netns add "$ns" &&
		ip -n "$ns" link set lo up &&
		ip -n "$ns" tuntap add dev "$tap" mode tap &&
		ip netns exec "$ns" sysctl -qw "net.ipv6.conf.$tap.disable_ipv6=1" &&
		ip -n "$ns" link set "$tap" mtu "$mtu" &&
		ip -n "$ns" addr add "$net_host_ip/24" dev "$tap" &&
		ip -n "$ns" link set "$tap" up
}

# net_ns_down NS: stop what still runs in NS, delete it (and its tap).
net_ns_down() {
	local ns=$1 pids
	trap - EXIT INT TERM
	pids=$(ip netns pids "$ns" 2>/dev/null)
	[ -n "$pids" ] && kill $pids 2>/dev/null
	sleep 0.2
	pids=$(ip netns pids "$ns" 2>/dev/null)
	[ -n "$pids" ] && kill -9 $pids 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	return 0
}

# net_guest_start NS TAP PLAT IMG LOG ARGS...: boot the guest in NS in
# the background (60 s limit); sets net_guest_pid. Waits for its ready
# line (returns 1 if it does not come within 30 s).
net_guest_start() {
	local ns=$1 tap=$2 plat=$3 img=$4 log=$5 i
	shift 5
	echo "+ ip netns exec $ns support/scripts/run --plat $plat --image $img --net $tap -- $*"
	timeout 60 ip netns exec "$ns" "$KILN_ROOT/support/scripts/run" \
		--plat "$plat" --image "$img" --net "$tap" -- "$@" >"$log" 2>&1 &
	net_guest_pid=$!
	for i in $(seq 1 300); do
		grep -q '^netecho: ready' "$log" && return 0
		kill -0 "$net_guest_pid" 2>/dev/null || break
		sleep 0.1
	done
	cat "$log"
	return 1
}

# net_guest_wait LOG: wait for the guest, show its output, return its
# exit status.
net_guest_wait() {
	local rc
	wait "$net_guest_pid"
	rc=$?
	sed 's/^/  > /' "$1"
	echo "  (guest exit status $rc)"
	return $rc
}

# net_counter LOG NAME: the value of NAME=N on netecho's counter lines.
net_counter() {
	grep '^netecho: ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -n 1
}

# net_ping_test PLAT [VARIANT]: boot netecho on PLAT in a fresh namespace,
# ping it 100 times, check 0% loss, its exit status 0 and its counters.
# VARIANT names a device setup chosen by the caller's environment
# (results net_ping_PLAT_VARIANT.*).
net_ping_test() {
	local plat=$1 t=net_ping_$1${2:+_$2} out ns tap img log rc loss rtt
	out=$(net_build) || { fail "$t" "netecho build failed"; return; }
	ns=kt-ping-$plat-$$ tap=ktp$$
	img=$out/netecho_$plat-x86_64 log=$(tbuild "$plat").log
	net_ns_up "$ns" "$tap" || { fail "$t.netns" "cannot create the namespace"; net_ns_down "$ns"; return; }
	if ! net_guest_start "$ns" "$tap" "$plat" "$img" "$log" \
		"ip=$net_guest_ip" count=100 timeout=50; then
		fail "$t.ready" "the guest did not print its ready line"
		net_ns_down "$ns"
		return
	fi
	pass "$t.ready"
	ip netns exec "$ns" ping -c 100 -i 0.02 -W 2 "$net_guest_ip" >"$log.ping" 2>&1
	tail -n 3 "$log.ping"
	net_guest_wait "$log"
	rc=$?
	net_ns_down "$ns"
	loss=$(sed -n 's/.* \([0-9.]*\)% packet loss.*/\1/p' "$log.ping")
	rtt=$(sed -n 's/^rtt min\/avg\/max\/mdev = //p' "$log.ping")
	echo "ping $plat: loss ${loss:-?}%, rtt min/avg/max/mdev $rtt"
	check "$t.no_loss" test "${loss:-x}" = 0
	check "$t.status" test "$rc" -eq 0
	check "$t.icmp" test "$(net_counter "$log" icmp)" = 100
	check "$t.arp" test "$(net_counter "$log" arp)" -ge 1
	check "$t.malformed" test "$(net_counter "$log" malformed)" = 0
	check "$t.tx" test "$(net_counter "$log" tx_packets)" = "$(net_counter "$log" frames_out)"
	check "$t.rx" test "$(net_counter "$log" rx_packets)" = "$(net_counter "$log" frames_in)"
}

# net_badframes_test PLAT: malformed frames from the host side are
# dropped and counted, and the guest still answers pings afterwards.
net_badframes_test() {
	local plat=$1 t=net_badframes_$1 out ns tap img log rc mac want_m want_e
	out=$(net_build) || { fail "$t" "netecho build failed"; return; }
	ns=kt-bad-$plat-$$ tap=ktb$$
	img=$out/netecho_$plat-x86_64 log=$(tbuild "$plat").log
	# A large host MTU, so that the host can send oversized frames.
	net_ns_up "$ns" "$tap" 9000 || { fail "$t.netns" "cannot create the namespace"; net_ns_down "$ns"; return; }
	if ! net_guest_start "$ns" "$tap" "$plat" "$img" "$log" \
		"ip=$net_guest_ip" count=5 timeout=50; then
		fail "$t.ready" "the guest did not print its ready line"
		net_ns_down "$ns"
		return
	fi
	mac=$(sed -n 's/^netecho: ready .* mac=\([0-9a-f:]*\) .*/\1/p' "$log")
	ip netns exec "$ns" python3 "$KILN_ROOT/tests/net/badframes.py" "$tap" "$mac" \
		"$net_guest_ip" >"$log.frames" 2>&1
	cat "$log.frames"
	want_m=$(sed -n 's/^expect malformed=\([0-9]*\) .*/\1/p' "$log.frames")
	want_e=$(sed -n 's/^expect .* rx_errors=\([0-9]*\)$/\1/p' "$log.frames")
	sleep 0.5
	ip netns exec "$ns" ping -c 5 -i 0.05 -W 2 "$net_guest_ip" >"$log.ping" 2>&1
	tail -n 2 "$log.ping"
	net_guest_wait "$log"
	rc=$?
	net_ns_down "$ns"
	check "$t.sent" test "${want_m:-0}" -ge 14
	check "$t.malformed" test "$(net_counter "$log" malformed)" = "${want_m:-x}"
	# The tap driver sees the oversized frame and counts it; QEMU's
	# virtio-net drops a frame larger than the guest's buffers itself,
	# unseen by the guest.
	if [ "$plat" = linuxu ]; then
		check "$t.rx_errors" test "$(net_counter "$log" rx_errors)" = "${want_e:-x}"
	else
		check "$t.rx_errors" test "$(net_counter "$log" rx_errors)" -le "${want_e:-0}"
	fi
	check "$t.still_answers" grep -q ' 0% packet loss' "$log.ping"
	check "$t.status" test "$rc" -eq 0
	check "$t.icmp" test "$(net_counter "$log" icmp)" = 5
}

test_net_uktest() {
	local out rc
	out=$(tbuild)
	build_app apps/helloworld "$out" LIBUKTEST=y LIBUKTEST_ALL=y \
		LIBUKTEST_AUTORUN=y LIBUKNETDEV=y LIBUKALLOC_DEBUG=y ||
		{ fail net_uktest "build failed"; return; }
	run_capture "$out/run.txt" "$out/helloworld_linuxu-x86_64"
	rc=$?
	uktest_collect "$out/run.txt" linuxu || fail net_uktest.summary "no uktest summary line"
	check net_uktest.status test "$rc" -eq 0
	check net_uktest.suite_uknetdev grep -q 'result suite=uknetdev ' "$out/run.txt"
	check net_uktest.suite_uknetbuf grep -q 'result suite=uknetbuf ' "$out/run.txt"
	run_capture "$out/run-kvm.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$out/helloworld_kvm-x86_64" --accel tcg
	rc=$?
	uktest_collect "$out/run-kvm.txt" kvm || fail net_uktest_kvm.summary "no uktest summary line"
	check net_uktest_kvm.status test "$rc" -eq 0
	check net_uktest_kvm.suite_uknetdev grep -q 'result suite=uknetdev ' "$out/run-kvm.txt"
}

test_net_ping_linuxu() {
	net_ping_test linuxu
}

test_net_badframes_linuxu() {
	net_badframes_test linuxu
}

# net_ping_poll_test PLAT: netecho in polling mode answers too, with no
# interrupt events.
net_ping_poll_test() {
	local plat=$1 name=net_ping_poll_$1 out ns=kt-poll-$1-$$ tap=ktq$$ log rc
	out=$(net_build) || { fail "$name" "netecho build failed"; return; }
	log=$(tbuild).log
	net_ns_up "$ns" "$tap" || { fail "$name.netns" "cannot create the namespace"; net_ns_down "$ns"; return; }
	net_guest_start "$ns" "$tap" "$plat" "$out/netecho_$plat-x86_64" "$log" \
		"ip=$net_guest_ip" count=20 mode=poll timeout=30 ||
		fail "$name.ready" "no ready line"
	ip netns exec "$ns" ping -c 20 -i 0.02 -W 2 "$net_guest_ip" >"$log.ping" 2>&1
	tail -n 2 "$log.ping"
	net_guest_wait "$log"
	rc=$?
	net_ns_down "$ns"
	check "$name.no_loss" grep -q ' 0% packet loss' "$log.ping"
	check "$name.status" test "$rc" -eq 0
	check "$name.mode" grep -q '^netecho: ready .* mode=poll' "$log"
	check "$name.no_irq" test "$(net_counter "$log" irq_events)" = 0
}

test_net_ping_poll_linuxu() {
	net_ping_poll_test linuxu
}

# A -n interface that does not exist, or is not a tap: a clear line
# naming it and the reason, exit status 2, no crash screen.
test_net_tap_bad_interface() {
	local out img rc
	out=$(net_build) || { fail net_tap_bad_interface "netecho build failed"; return; }
	img=$out/netecho_linuxu-x86_64
	run_capture "$out/missing.txt" "$img" -n ktnone$$ "ip=$net_guest_ip"
	rc=$?
	check net_tap_missing.status test "$rc" -eq 2
	check net_tap_missing.message grep -q "tap: -n ktnone$$: looking up the interface: no such network interface (errno 19)" "$out/missing.txt"
	check net_tap_missing.no_crash sh -c "! grep -qi 'backtrace\|registers' '$out/missing.txt'"
	run_capture "$out/lo.txt" "$img" -n lo "ip=$net_guest_ip"
	rc=$?
	check net_tap_not_tap.status test "$rc" -eq 2
	check net_tap_not_tap.message grep -q "tap: -n lo: attaching (TUNSETIFF): not a tap interface (errno 22)" "$out/lo.txt"
	run_capture "$out/long.txt" "$img" -n averyveryverylongname "ip=$net_guest_ip"
	check net_tap_long_name.status test $? -eq 2
	check net_tap_long_name.message grep -q "interface name too long" "$out/long.txt"
	# No device at all: netecho says so.
	run_capture "$out/none.txt" "$img" "ip=$net_guest_ip"
	check net_no_device.status test $? -eq 2
	check net_no_device.message grep -q "netecho: no network device" "$out/none.txt"
}

# Malformed netecho arguments: a clear error and exit status 2.
test_net_netecho_bad_args() {
	local out img a i=0
	out=$(net_build) || { fail net_netecho_bad_args "netecho build failed"; return; }
	img=$out/netecho_linuxu-x86_64
	for a in "" ip=1.2.3 ip=1.2.3.4.5 ip=256.1.1.1 ip=01.2.3.4 ip=a.b.c.d \
		ip=0.0.0.0 ip=224.0.0.1 count=x mode=fast sink=0 bogus=1 nokey \
		timeout=-1; do
		i=$((i + 1))
		if [ -n "$a" ]; then
			run_capture "$out/bad$i.txt" "$img" "ip=$net_guest_ip" "$a"
		else
			run_capture "$out/bad$i.txt" "$img"
		fi
		check "net_netecho_bad_args.$i.status" test $? -eq 2
		check "net_netecho_bad_args.$i.message" grep -q "^netecho: \(bad argument\|missing ip\)" "$out/bad$i.txt"
	done
	# ip= given twice is accepted (last wins), like any KEY=VALUE list.
	run_capture "$out/ok.txt" "$img" ip=10.0.0.1 ip=10.0.0.2
	check net_netecho_args.valid_reaches_device_check grep -q "no network device" "$out/ok.txt"
}
