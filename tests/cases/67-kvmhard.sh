# Hardening of the kvm platform (issue 17): one test per failure a boot
# matrix of QEMU configurations found (tests/matrix runs the matrix
# itself). The images are the shared builds of 60-kvm.sh, 65-blk.sh and
# 65-net.sh.

# kh_pvh IMAGE OUT: a copy of IMAGE at OUT with its multiboot magic
# cleared, which QEMU then boots through the PVH note.
kh_pvh() {
	local off
	off=$(LC_ALL=C grep -obUaP '\x02\xb0\xad\x1b' "$1" | head -n 1 | cut -d: -f1)
	[ -n "$off" ] || return 1
	cp "$1" "$2" &&
		printf '\0\0\0\0' | dd of="$2" bs=1 seek="$off" conv=notrunc 2>/dev/null
}

# Item 1: DISK= is disk 0 however many disks the command line adds after
# it, on -M pc and on microvm (whose slots QEMU fills from the top down),
# booted through multiboot (slots probed) and PVH (QEMU's tokens); the
# other disk is not touched.
test_kvmhard_device_order() {
	local out m img name bus
	blk_build || { fail kvmhard_device_order "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	kh_pvh "$(blk_out)/blkcheck_kvm-x86_64" "$out/blkcheck-pvh" ||
		{ fail kvmhard_device_order "no multiboot header"; return; }
	for m in pc:blkcheck_kvm-x86_64 microvm:blkcheck_kvm-x86_64 \
		microvm_pvh:blkcheck-pvh; do
		name=kvmhard_device_order.${m%%:*} img=$(blk_out)/${m#*:}
		[ "${m#*:}" = blkcheck-pvh ] && img=$out/blkcheck-pvh
		m=${m%%:*} bus=pci
		case $m in microvm*) bus=device ;; esac
		rm -f "$out/d0.img" "$out/d1.img"
		truncate -s 8M "$out/d0.img"
		head -c 16M /dev/zero | tr '\0' '\132' >"$out/d1.img"
		KILN_QEMU_EXTRA="-drive file=$out/d1.img,if=none,id=d1,format=raw -device virtio-blk-$bus,drive=d1" \
			blk_run "$out/$m.txt" kvm "${m%_pvh}" "$out/d0.img" check count=64
		check "$name.status" test $? -eq 0
		check "$name.disk0" grep -q '^blkcheck: disk 0 (virtio-blk): 16384 sectors' "$out/$m.txt"
		check "$name.other_untouched" sh -c "test \"\$(tr -d '\132' <'$out/d1.img' | wc -c)\" -eq 0"
	done
	rm -f "$out/d0.img" "$out/d1.img"
}

# Item 5: a disk of a size that is not whole sectors is refused before
# the boot (QEMU would round it up and grow the file), status 2, as on
# linuxu; the file keeps its size.
test_kvmhard_disk_size() {
	local out m
	blk_build || { fail kvmhard_disk_size "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	truncate -s 1000 "$out/odd.img"
	for m in pc microvm; do
		blk_run "$out/$m.txt" kvm "$m" "$out/odd.img" check
		check "kvmhard_disk_size.$m.status" test $? -eq 2
		check "kvmhard_disk_size.$m.message" grep -q "odd.img: size 1000 is not a multiple of 512 bytes" "$out/$m.txt"
		check "kvmhard_disk_size.$m.unchanged" test "$(stat -c %s "$out/odd.img")" -eq 1000
	done
	# A whole number of sectors that is not a whole KiB boots.
	truncate -s 8704 "$out/even.img"
	blk_run "$out/even.txt" kvm pc "$out/even.img" check
	check kvmhard_disk_size.odd_sectors test $? -eq 0
	check kvmhard_disk_size.odd_sectors_geometry grep -q '^blkcheck: disk 0 (virtio-blk): 17 sectors' "$out/even.txt"
}

# Item 8: files that are not kvm images (random bytes, zeros, a link
# map, an ELF file without multiboot header or PVH note) are refused at
# once with status 255, never booted as an old Linux kernel.
test_kvmhard_bad_image() {
	local out f t0 rc
	kvm_build apps/helloworld || { fail kvmhard_bad_image "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	head -c 65536 /dev/urandom >"$out/random"
	head -c 65536 /dev/zero >"$out/zeros"
	cp "$(kvm_hello).map" "$out/map"
	cp /bin/true "$out/elf"
	for f in random zeros map elf; do
		t0=$(date +%s)
		kvm_run "$out/$f.txt" pc "$out/$f"
		rc=$?
		check "kvmhard_bad_image.$f.status" test "$rc" -eq 255
		check "kvmhard_bad_image.$f.at_once" test $(($(date +%s) - t0)) -le 2
		check "kvmhard_bad_image.$f.message" grep -q "not a Kiln kvm image" "$out/$f.txt"
	done
}

# The uktest image of 30-uktest.sh, shared by the tests here.
kh_uktest() {
	local out=$KILN_TEST_OUT/kvmhard-uktest
	# shellcheck disable=SC2086
	build_once "$out" apps/helloworld LIBUKTEST=y LIBUKTEST_ALL=y \
		LIBUKTEST_AUTORUN=y $uktest_core_libs &&
		echo "$out/helloworld_kvm-x86_64"
}

# Item 9: under memory pressure the uktest cases fail cleanly (a thread
# that cannot be created is an error, not a NULL to join later): every
# case reports, the image ends with status 1, never a crash; with the
# memory the README states (16 MiB), all pass.
test_kvmhard_uktest_memory() {
	local out img m rc
	img=$(kh_uktest) || { fail kvmhard_uktest_memory "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	for m in 2M 3M 4M; do
		kvm_run "$out/$m.txt" pc "$img" --mem "$m"
		rc=$?
		check "kvmhard_uktest_memory.$m.status" test "$rc" -eq 1
		check "kvmhard_uktest_memory.$m.summary" grep -q '^uktest: summary passed=' "$out/$m.txt"
		check "kvmhard_uktest_memory.$m.no_crash" sh -c "! grep -q '^crash:' '$out/$m.txt'"
		check "kvmhard_uktest_memory.$m.coop_cases" test "$(grep -c 'result suite=ukschedcoop ' "$out/$m.txt")" -eq 4
	done
	check kvmhard_uktest_memory.4M.coop_pass sh -c "! grep -q 'suite=ukschedcoop .*status=fail' '$out/4M.txt'"
	kvm_run "$out/16M.txt" pc "$img" --mem 16M
	check kvmhard_uktest_memory.16M.status test $? -eq 0
}

# Item 2: a virtio device without an interrupt line (microvm on a CPU
# without a local APIC: its lines are IOAPIC pins 16-23) says so; its
# users poll: blkcheck passes polling, netecho answers 100 pings.
test_kvmhard_no_irq_polls() {
	local out
	blk_build || { fail kvmhard_no_irq_polls "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	truncate -s 8M "$out/disk.img"
	KILN_QEMU_EXTRA="-cpu max,-apic" blk_run "$out/blk.txt" kvm microvm "$out/disk.img" check
	check kvmhard_no_irq_polls.blk_status test $? -eq 0
	check kvmhard_no_irq_polls.blk_no_line grep -q 'no interrupt line 23: poll only' "$out/blk.txt"
	check kvmhard_no_irq_polls.blk_polling grep -qx 'blkcheck: interrupt: none, polling only' "$out/blk.txt"
	check kvmhard_no_irq_polls.blk_host_verify "$(blk_pattern_py)" check "$out/disk.img" --seed 1
	rm -f "$out/disk.img"
	KILN_MACHINE=microvm KILN_QEMU_EXTRA="-cpu max,-apic" net_ping_test kvm microvm_noapic
	check kvmhard_no_irq_polls.net_polling grep -qx 'netecho: the device has no rx interrupt: polling' "$(tbuild kvm).log"
}

# Item 3: 20 virtio-rng functions (no driver in blkcheck) before a disk
# at slot 0x17: they take no interrupt handler and keep their INTx off,
# so the disk still gets its interrupt (PIC lines without a local APIC,
# IOAPIC with one) and no line storms.
test_kvmhard_many_functions() {
	local out x i cpu name
	blk_build || { fail kvmhard_many_functions "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	for cpu in max,-apic max; do
		name=kvmhard_many_functions.${cpu#max,}
		rm -f "$out/disk.img"
		truncate -s 8M "$out/disk.img"
		x="-cpu $cpu -drive file=$out/disk.img,if=none,id=d1,format=raw -device virtio-blk-pci,drive=d1,addr=0x17"
		for i in $(seq 1 20); do x="$x -device virtio-rng-pci"; done
		KILN_QEMU_EXTRA=$x run_capture "$out/$cpu.txt" "$KILN_ROOT/support/scripts/run" \
			--plat kvm --image "$(blk_out)/blkcheck_kvm-x86_64" --accel tcg -- check
		check "$name.status" test $? -eq 0
		check "$name.no_poll_only" sh -c "! grep -q 'poll only' '$out/$cpu.txt'"
		check "$name.interrupt" grep -qx 'blkcheck: interrupt: read completion signalled by the queue callback' "$out/$cpu.txt"
		check "$name.host_verify" "$(blk_pattern_py)" check "$out/disk.img" --seed 1
	done
	rm -f "$out/disk.img"
}

# Item 4: every PCI function is enumerated, however many: 31 functions
# behind a bridge come before the disk (35 in all with the chipset's and
# the bridge), which blkcheck still finds. A driver's own device limit
# (uknetdev's 8) is named with its option.
test_kvmhard_pci_functions() {
	local out x i
	blk_build || { fail kvmhard_pci_functions "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	truncate -s 8M "$out/disk.img"
	x="-device pci-bridge,id=b1,chassis_nr=1,addr=2"
	for i in $(seq 1 31); do x="$x -device virtio-rng-pci,bus=b1,addr=$(printf 0x%x "$i")"; done
	x="$x -drive file=$out/disk.img,if=none,id=d1,format=raw -device virtio-blk-pci,drive=d1,addr=5"
	KILN_QEMU_EXTRA=$x run_capture "$out/blk.txt" "$KILN_ROOT/support/scripts/run" \
		--plat kvm --image "$(blk_out)/blkcheck_kvm-x86_64" --accel tcg -- check
	check kvmhard_pci_functions.status test $? -eq 0
	check kvmhard_pci_functions.disk_found grep -q '^blkcheck: disk 0 (virtio-blk): 16384 sectors' "$out/blk.txt"
	check kvmhard_pci_functions.none_ignored sh -c "! grep -q 'ignored' '$out/blk.txt'"
	rm -f "$out/disk.img"
	# Nine NICs without a backend (no traffic): the ninth is refused
	# with the limit and its option named; netecho runs on the first.
	net_build >/dev/null || { fail kvmhard_pci_functions.net "build failed"; return; }
	x=
	for i in $(seq 1 9); do x="$x -device virtio-net-pci,romfile="; done
	KILN_QEMU_EXTRA=$x run_capture "$out/net.txt" "$KILN_ROOT/support/scripts/run" \
		--plat kvm --image "$KILN_TEST_OUT/netecho/netecho_kvm-x86_64" --accel tcg \
		-- ip=10.0.0.2 timeout=1
	check kvmhard_pci_functions.net_limit grep -q 'netdev: virtio-net device not added: the limit of 8 devices is reached (CONFIG_LIBUKNETDEV_MAX_DEVICES)' "$out/net.txt"
	check kvmhard_pci_functions.net_runs grep -q '^netecho: ready dev=0 ' "$out/net.txt"
}

# kh_kvmplat NAME MACHINE EXTRA: boot the uktest image with the QEMU
# options EXTRA; every case passes, the platform's own (interrupts of a
# device line, the timer) among them.
kh_kvmplat() {
	local name=$1 machine=$2 extra=$3 img out rc
	img=$(kh_uktest) || { fail "$name" "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	KILN_QEMU_EXTRA=$extra kvm_run "$out/$name.txt" "$machine" "$img" --mem 32M
	rc=$?
	check "$name.status" test "$rc" -eq 0
	check "$name.summary" grep -q '^uktest: summary passed=[0-9]* failed=0' "$out/$name.txt"
	check "$name.device_irq" grep -q 'suite=kvmplat case=device_irq status=pass' "$out/$name.txt"
	check "$name.timer" grep -q 'suite=kvmplat case=timer_oneshot_and_disarm status=pass' "$out/$name.txt"
}

# Item 11: -M isapc has a local APIC but no IOAPIC: the IOAPIC is probed,
# device lines go to the PICs (through LINT0), the timer stays the local
# APIC's.
test_kvmhard_isapc() {
	kh_kvmplat kvmhard_isapc pc "-M isapc"
	kvm_build apps/helloworld || { fail kvmhard_isapc.hello "build failed"; return; }
	KILN_QEMU_EXTRA="-M isapc" kvm_run "$(tbuild)/hello.txt" pc "$(kvm_hello)"
	check kvmhard_isapc.helloworld test $? -eq 0
}

# Item 6: CPUID without a local APIC, yet QEMU creates one for -smp 2
# and more (software-disabled, LINT0 masked: the PICs' interrupts never
# came through); the interrupt path follows what answers, on pc and
# microvm. With a single CPU there is none: the PICs and the PIT.
test_kvmhard_hidden_apic() {
	kh_kvmplat kvmhard_hidden_apic.smp2 pc "-cpu max,-apic -smp 2"
	kh_kvmplat kvmhard_hidden_apic.smp4 pc "-cpu max,-apic -smp 4"
	kh_kvmplat kvmhard_hidden_apic.microvm_smp2 microvm "-cpu max,-apic -smp 2"
	kh_kvmplat kvmhard_hidden_apic.smp1 pc "-cpu max,-apic"
}

# Item 7: PVH boots under SeaBIOS (QEMU's default firmware: its PVH
# option ROM) on pc and q35, as under qboot and on microvm: the image
# loads at 1 MiB and copies itself down to 64 KiB. Multiboot keeps its
# small minimum memory; a PVH boot needs RAM past 1 MiB, which the run
# script checks.
test_kvmhard_seabios_pvh() {
	local out pvh cfg name x img
	kvm_build apps/helloworld || { fail kvmhard_seabios_pvh "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	kh_pvh "$(kvm_hello)" "$out/pvh" || { fail kvmhard_seabios_pvh "no multiboot header"; return; }
	helloworld_want >"$out/want.txt"
	for cfg in seabios_pc:pc:-bios_/usr/share/seabios/bios-256k.bin \
		seabios_q35:pc:-M_q35_-bios_/usr/share/seabios/bios-256k.bin \
		qboot_q35:pc:-M_q35 qboot_pc:pc: microvm:microvm:; do
		name=kvmhard_seabios_pvh.${cfg%%:*} cfg=${cfg#*:}
		x=$(echo "${cfg#*:}" | tr _ ' ')
		KILN_QEMU_EXTRA=$x kvm_run "$out/$name.txt" "${cfg%%:*}" "$out/pvh" \
			-- a 'b c' '' "it's" '"q"' 'x\y'
		check "$name.status" test $? -eq 0
		check "$name.output" diff -u "$out/want.txt" "$out/$name.txt"
		# The multiboot image under the same firmware.
		KILN_QEMU_EXTRA=$x kvm_run "$out/$name-mb.txt" "${cfg%%:*}" "$(kvm_hello)"
		check "$name.multiboot" test $? -eq 0
	done
	# An image with TLS data (the uktest image): every loadable segment
	# 960 KiB above where it runs, in the stripped image too.
	img=$(kh_uktest) || { fail kvmhard_seabios_pvh.uktest "build failed"; return; }
	check kvmhard_seabios_pvh.load_offset test "$(readelf -lW "$img" |
		awk '$1 == "LOAD" { print $4, $3 }' |
		while read -r p v; do echo $((p - v)); done | sort -u)" = $((0xf0000))
	kh_pvh "$img" "$out/uktest-pvh"
	KILN_QEMU_EXTRA="-bios /usr/share/seabios/bios-256k.bin" kvm_run "$out/uktest-pvh.txt" pc "$out/uktest-pvh"
	check kvmhard_seabios_pvh.uktest_seabios test $? -eq 0
	# Memory: PVH needs the image's end past 1 MiB, multiboot much less.
	kvm_run "$out/pvh-small.txt" microvm "$out/pvh" --mem 1M
	check kvmhard_seabios_pvh.pvh_small_refused test $? -eq 2
	check kvmhard_seabios_pvh.pvh_small_message grep -q 'a PVH boot loads the image up to [0-9]* KiB' "$out/pvh-small.txt"
	kvm_run "$out/pvh-min.txt" microvm "$out/pvh" --mem 1200K
	check kvmhard_seabios_pvh.pvh_1200k test $? -eq 0
	kvm_run "$out/mb-min.txt" microvm "$(kvm_hello)" --mem 256K
	check kvmhard_seabios_pvh.multiboot_256k test $? -eq 0
}

# Item 10: one corrupted byte in paging.c's table-zeroing loop. Its step
# gone wrong: the loop still stops at the page's end (the test is
# "below", not "not equal") and the image boots. Its branch made
# unconditional: the loop runs into the image's text, read-only since
# entry.S, and ends in a crash screen (a page fault, status 127), not in
# the image and the IDT wiped and a silent hang.
test_kvmhard_paging_corruption() {
	local out m
	kvm_build apps/helloworld || { fail kvmhard_paging_corruption "build failed"; return; }
	out=$(tbuild)
	mkdir -p "$out"
	for m in step branch; do
		"$KILN_ROOT/tests/kvm/corrupt_table.py" "$(kvm_hello).dbg" "$(kvm_hello)" "$out/$m" "$m" ||
			{ fail "kvmhard_paging_corruption.$m" "cannot corrupt the image"; continue; }
	done
	for m in pc microvm; do
		kvm_run "$out/step-$m.txt" "$m" "$out/step"
		check "kvmhard_paging_corruption.step_$m" test $? -eq 0
		kvm_run "$out/branch-$m.txt" "$m" "$out/branch"
		check "kvmhard_paging_corruption.branch_$m.status" test $? -eq 127
		check "kvmhard_paging_corruption.branch_$m.crash_screen" grep -q '^crash: write to the read-only kernel text' "$out/branch-$m.txt"
	done
}
