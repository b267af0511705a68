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

# A defconfig or .config naming a symbol no Config.uk defines: a warning
# with the file, the line and the symbol.
test_config_unknown_symbol() {
	local out app
	out=$(tbuild) app=$(tbuild)/app/helloworld
	mkdir -p "$app"
	cp apps/helloworld/Config.uk apps/helloworld/Makefile.uk apps/helloworld/main.c "$app/"
	printf 'CONFIG_PLAT_LINUXU=y\nCONFIG_LIBNOSUCH_THING=y\n' >"$app/defconfig"
	kmake A="$app" O="$out" defconfig >"$out.def" 2>&1
	cat "$out.def"
	check config_unknown.defconfig grep -q "kiln: $app/defconfig:2: warning: CONFIG_LIBNOSUCH_THING is not a symbol of any Config.uk" "$out.def"
	check config_unknown.known_quiet sh -c "! grep -q 'CONFIG_PLAT_LINUXU is not' '$out.def'"
	echo '# CONFIG_OTHER_TYPO is not set' >>"$out/helloworld/.config"
	kmake A="$app" O="$out" >"$out.build" 2>&1
	cat "$out.build"
	check config_unknown.config grep -q "kiln: $out/helloworld/.config:[0-9]*: warning: CONFIG_OTHER_TYPO is not a symbol" "$out.build"
}

# A block left open in a pool's Config.uk is reported against that file
# and line, not against the generated list of source lines.
test_config_block_error() {
	local out pool
	out=$(tbuild) pool=$(tbuild)/pool
	mkdir -p "$pool/libopen"
	printf 'menuconfig LIBOPEN\n\tbool "open"\n\thelp\n\t  if this text says if, it is help\n\nif LIBOPEN\nconfig LIBOPEN_X\n\tbool "x"\n' >"$pool/libopen/Config.uk"
	echo '$(eval $(call addlib_s,libopen,$(CONFIG_LIBOPEN)))' >"$pool/libopen/Makefile.uk"
	kmake O="$out" L="$pool" >"$out.log" 2>&1
	check config_block_error.fails test $? -ne 0
	cat "$out.log"
	check config_block_error.file_line grep -q "kiln: $pool/libopen/Config.uk:6: \"if\" is not closed in this file" "$out.log"
	check config_block_error.not_generated sh -c "! grep -q 'libs.uk' '$out.log'"
	printf 'endmenu\n' >>"$pool/libopen/Config.uk"
	kmake O="$out" L="$pool" >"$out.log2" 2>&1
	cat "$out.log2"
	check config_block_error.mismatch grep -q "$pool/libopen/Config.uk:9: \"endmenu\" closes the \"if\" of line 6" "$out.log2"
}
