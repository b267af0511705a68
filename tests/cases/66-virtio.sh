# PCI and virtio on kvm: enumeration and the virtio core against real
# QEMU devices (a test-only virtio-rng driver on every transport), the
# virtio_mmio.device= command-line tokens, and virtio-net answering
# pings in a network namespace (net_ping_test and net_badframes_test of
# 65-net.sh) on -M pc (MSI-X, INTx, legacy) and microvm.

# The uktest image with the PCI and virtio suites; prints its folder.
virtio_build() {
	local out=$KILN_TEST_OUT/virtio-uktest
	build_once "$out" apps/helloworld LIBUKTEST=y LIBUKTEST_AUTORUN=y \
		LIBUKBUSPCI=y LIBUKBUSPCI_TEST=y LIBUKVIRTIO=y \
		LIBUKVIRTIO_TEST=y LIBUKDEBUG_PRINTK_LEVEL=4 && echo "$out"
}

# virtio_boot NAME MACHINE EXTRA: boot the uktest image with the QEMU
# options EXTRA; output in $out/NAME.txt, uktest results as kvm-NAME.
virtio_boot() {
	local name=$1 machine=$2 extra=$3 rc
	KILN_QEMU_EXTRA=$extra run_capture "$out/$name.txt" \
		"$KILN_ROOT/support/scripts/run" --plat kvm --machine "$machine" \
		--image "$out/helloworld_kvm-x86_64" --accel tcg
	rc=$?
	uktest_collect "$out/$name.txt" "kvm-$name" ||
		fail "virtio_$name.summary" "no uktest summary line"
	check "virtio_$name.status" test "$rc" -eq 0
}

test_virtio_pci_enumeration() {
	local out
	out=$(virtio_build) || { fail virtio_pci_enumeration "build failed"; return; }
	# A device behind a PCI-PCI bridge, INTx only.
	virtio_boot bridge pc "-device pci-bridge,id=kb1,chassis_nr=1 -device virtio-rng-pci,bus=kb1,addr=3,vectors=0"
	check virtio_bridge.host_bridge grep -q 'pci: 00:00.0 8086:1237 class 060000' "$out/bridge.txt"
	check virtio_bridge.isa_bridge grep -q 'pci: 00:01.0 8086:7000 class 060100' "$out/bridge.txt"
	check virtio_bridge.bridge grep -q 'pci: 00:02.0 1b36:0001 class 060400' "$out/bridge.txt"
	check virtio_bridge.behind grep -q 'pci: 01:03.0 1af4:1005 ' "$out/bridge.txt"
	check virtio_bridge.rng grep -q 'virtio-rng test: 192 bytes over pci, [3-9] interrupts' "$out/bridge.txt"
	check virtio_bridge.suite grep -q 'result suite=ukbuspci case=host_bridge_at_0 status=pass' "$out/bridge.txt"
}

test_virtio_transports() {
	local out
	out=$(virtio_build) || { fail virtio_transports "build failed"; return; }
	virtio_boot msix pc "-device virtio-rng-pci"
	check virtio_msix.mode grep -q 'virtio-pci: 00:02.0 device 4, modern, MSI-X' "$out/msix.txt"
	check virtio_msix.rng grep -q 'virtio-rng test: 192 bytes over pci, [3-9] interrupts' "$out/msix.txt"
	virtio_boot intx pc "-device virtio-rng-pci,vectors=0"
	check virtio_intx.mode grep -q 'device 4, modern, INTx' "$out/intx.txt"
	check virtio_intx.rng grep -q 'virtio-rng test: 192 bytes over pci, [3-9] interrupts' "$out/intx.txt"
	virtio_boot legacy pc "-device virtio-rng-pci,disable-modern=on"
	check virtio_legacy.mode grep -q 'device 4, legacy, INTx' "$out/legacy.txt"
	check virtio_legacy.rng grep -q 'virtio-rng test: 192 bytes over pci (legacy), [3-9] interrupts' "$out/legacy.txt"
	virtio_boot mmio microvm "-device virtio-rng-device"
	check virtio_mmio.rng grep -q 'virtio-rng test: 192 bytes over mmio (legacy), [3-9] interrupts' "$out/mmio.txt"
	virtio_boot mmio2 microvm "-global virtio-mmio.force-legacy=false -device virtio-rng-device"
	check virtio_mmio2.rng grep -q 'virtio-rng test: 192 bytes over mmio, [3-9] interrupts' "$out/mmio2.txt"
	# No PCI on microvm: the PCI suite finds nothing and passes.
	check virtio_mmio.no_pci sh -c "! grep -q 'pci: 00:00.0' '$out/mmio.txt'"
}

# QEMU's virtio_mmio.device= tokens: taken off the end of the command
# line (the device is then found through them), a malformed one is
# reported and left to the application.
test_virtio_mmio_cmdline() {
	local out rc
	out=$(virtio_build) || { fail virtio_mmio_cmdline "build failed"; return; }
	KILN_QEMU_EXTRA="-device virtio-rng-device" run_capture "$out/tok.txt" \
		"$KILN_ROOT/support/scripts/run" --plat kvm --machine microvm \
		--image "$out/helloworld_kvm-x86_64" --accel tcg \
		--cmdline "-- a virtio_mmio.device=512@0xfeb00e00:23"
	rc=$?
	check virtio_mmio_cmdline.status test "$rc" -eq 0
	check virtio_mmio_cmdline.argc grep -qx 'argc=2' "$out/tok.txt"
	check virtio_mmio_cmdline.argv grep -qx 'argv\[1\]=a' "$out/tok.txt"
	check virtio_mmio_cmdline.device grep -q 'virtio-mmio: feb00e00 irq 23 device 4' "$out/tok.txt"
	check virtio_mmio_cmdline.rng grep -q 'virtio-rng test: 192 bytes over mmio' "$out/tok.txt"
	run_capture "$out/bad.txt" "$KILN_ROOT/support/scripts/run" --plat kvm \
		--image "$out/helloworld_kvm-x86_64" --accel tcg \
		--cmdline "-- a virtio_mmio.device=12@zz:1 virtio_mmio.device=4K@0x1000:3"
	check virtio_mmio_cmdline_bad.message grep -q 'kvm: malformed virtio_mmio.device= token left on the command line' "$out/bad.txt"
	check virtio_mmio_cmdline_bad.argc grep -qx 'argc=3' "$out/bad.txt"
	check virtio_mmio_cmdline_bad.argv grep -qx 'argv\[2\]=virtio_mmio.device=12@zz:1' "$out/bad.txt"
}

test_net_ping_kvm() {
	net_ping_test kvm
}

test_net_ping_kvm_intx() {
	KILN_NET_OPTS=,vectors=0 net_ping_test kvm intx
}

test_net_ping_kvm_legacy() {
	KILN_NET_OPTS=,disable-modern=on net_ping_test kvm legacy
}

test_net_ping_kvm_microvm() {
	KILN_MACHINE=microvm net_ping_test kvm microvm
}

test_net_badframes_kvm() {
	net_badframes_test kvm
}

# Polling mode on kvm: no interrupt events, every ping answered.
test_net_ping_poll_kvm() {
	net_ping_poll_test kvm
}

# A device MTU of 4000 (VIRTIO_NET_F_MTU) and 3000-byte pings: each
# frame spans two 2 KiB rx buffers, which mergeable rx buffers deliver
# as one chained netbuf (netecho counts chains as "ignored", unanswered).
test_net_mrg_chain_kvm() {
	local out ns=kt-vmrg-$$ tap=ktm$$ log rc
	out=$(net_build) || { fail net_mrg_chain_kvm "netecho build failed"; return; }
	log=$(tbuild).log
	net_ns_up "$ns" "$tap" 4000 || { fail net_mrg_chain_kvm.netns "cannot create the namespace"; net_ns_down "$ns"; return; }
	KILN_NET_OPTS=,host_mtu=4000 net_guest_start "$ns" "$tap" kvm \
		"$out/netecho_kvm-x86_64" "$log" "ip=$net_guest_ip" count=2 timeout=20 ||
		fail net_mrg_chain_kvm.ready "no ready line"
	ip netns exec "$ns" ping -c 3 -i 0.05 -W 1 -s 3000 "$net_guest_ip" >"$log.big" 2>&1
	ip netns exec "$ns" ping -c 2 -i 0.05 -W 2 "$net_guest_ip" >"$log.ping" 2>&1
	tail -n 2 "$log.ping"
	net_guest_wait "$log"
	rc=$?
	net_ns_down "$ns"
	check net_mrg_chain_kvm.status test "$rc" -eq 0
	check net_mrg_chain_kvm.chains test "$(net_counter "$log" ignored)" = 3
	check net_mrg_chain_kvm.rx_errors test "$(net_counter "$log" rx_errors)" = 0
	check net_mrg_chain_kvm.small_answered grep -q ' 0% packet loss' "$log.ping"
}
