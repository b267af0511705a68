# Configuration: defconfig, savedefconfig, olddefconfig, and menuconfig
# driven through tmux like a person would.

test_config_targets() {
	local out cfg
	out=$(tbuild) cfg=$(tbuild)/helloworld/.config
	kmake O="$out" defconfig
	check config_defconfig grep -qx 'CONFIG_PLAT_LINUXU=y' "$cfg"
	check config_defconfig.defaults grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=64' "$cfg"
	kconfig_set "$cfg" LIBUKBOOT_MAXARGS=100
	kmake O="$out" savedefconfig
	check config_savedefconfig grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=100' "$out/helloworld/defconfig"
	check config_savedefconfig.minimal sh -c "! grep -q 'CONFIG_LIBUKDEBUG_PRINTK=y' '$out/helloworld/defconfig'"
	# A symbol dropped from .config comes back with its default.
	sed -i '/CONFIG_LIBUKDEBUG_PRINTK_LEVEL/d' "$cfg"
	kmake O="$out" olddefconfig
	check config_olddefconfig grep -qx 'CONFIG_LIBUKDEBUG_PRINTK_LEVEL=3' "$cfg"
}

# The root menu, a toggle and a save, through kconfig-mconf in tmux.
test_config_menuconfig() {
	local out cfg sess screen i
	out=$(tbuild) cfg=$(tbuild)/helloworld/.config sess=kiln-test-$$
	kmake O="$out" defconfig >/dev/null
	check config_menuconfig.start grep -qx '# CONFIG_LIBUKBOOT_TIMESTAMPS is not set' "$cfg"
	tmux kill-session -t "$sess" 2>/dev/null
	tmux new-session -d -s "$sess" -x 120 -y 40 \
		"TERM=xterm make -C '$KILN_ROOT' O='$out' menuconfig; echo MCONF_EXIT=\$?; sleep 30"
	screen() { tmux capture-pane -p -t "$sess"; }
	wait_for() {
		for i in $(seq 1 50); do
			screen | grep -q "$1" && return 0
			sleep 0.2
		done
		echo "timeout waiting for: $1"; screen; return 1
	}
	keys() { tmux send-keys -t "$sess" "$@"; sleep 0.4; }
	if wait_for 'Kiln Configuration'; then
		screen >"$out/root-menu.txt"
		cat "$out/root-menu.txt"
		for m in Architecture Platform Library Application; do
			check "config_menuconfig.menu_$m" grep -q "$m  --->" "$out/root-menu.txt"
		done
	else
		fail config_menuconfig "the menu did not appear"
		tmux kill-session -t "$sess"; return
	fi
	# Library -> ukboot -> "Print boot timestamps": search with '/'
	# would need a jump; walk the menus by their hotkeys instead.
	keys -l '/'
	keys -l 'LIBUKBOOT_TIMESTAMPS'
	keys Enter
	wait_for 'Search Results' >/dev/null
	keys 1   # jump to the first result
	wait_for 'Print boot timestamps' || { fail config_menuconfig.find "option not found"; tmux kill-session -t "$sess"; return; }
	keys y
	screen | tee "$out/toggled.txt"
	check config_menuconfig.toggled grep -q '\[\*\] *Print boot timestamps' "$out/toggled.txt"
	# Leave every level, then answer Yes to saving.
	for i in 1 2 3 4 5 6; do
		screen | grep -q 'save your new configuration' && break
		keys Escape; sleep 0.6; keys Escape; sleep 0.4
	done
	wait_for 'save your new configuration' && keys Enter
	wait_for 'MCONF_EXIT=' >/dev/null
	screen | tee "$out/final.txt"
	tmux kill-session -t "$sess" 2>/dev/null
	check config_menuconfig.exit grep -q 'MCONF_EXIT=0' "$out/final.txt"
	check config_menuconfig.saved grep -qx 'CONFIG_LIBUKBOOT_TIMESTAMPS=y' "$cfg"
}
