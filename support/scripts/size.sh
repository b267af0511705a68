# shellcheck shell=sh
# The shell twin of uk_param_parse_size() (lib/ukparam/size.c), the one
# grammar of sizes on Kiln's command lines: a decimal or 0x-hex number
# and an optional K, M or G suffix (either case, powers of 1024).
# Sourced by support/scripts/run; tests/cases/25-ukparam.sh checks that
# both parsers agree.
#
# kiln_size VALUE PLAIN_SHIFT: print VALUE in bytes; a number without a
# suffix is shifted left by PLAIN_SHIFT bits (0: bytes, 20: MiB, QEMU's
# -m convention). Returns 1, printing nothing, for anything else, and for
# sizes of 2^63 bytes or more (shell arithmetic is signed 64-bit; the C
# parser goes to 2^64 - 1).
kiln_size() {
	_ks_n=$1 _ks_shift=$2
	case $_ks_n in
	*[kK]) _ks_shift=10 _ks_n=${_ks_n%?} ;;
	*[mM]) _ks_shift=20 _ks_n=${_ks_n%?} ;;
	*[gG]) _ks_shift=30 _ks_n=${_ks_n%?} ;;
	esac
	case $_ks_n in
	0[xX]*)
		_ks_d=${_ks_n#??}
		case $_ks_d in '' | *[!0-9a-fA-F]*) return 1 ;; esac
		# Leading zeros do not count; 2^63 - 1 is 7 and 15 f's.
		while [ "${_ks_d#0}" != "$_ks_d" ]; do _ks_d=${_ks_d#0}; done
		[ ${#_ks_d} -lt 16 ] ||
			{ [ ${#_ks_d} -eq 16 ] && case $_ks_d in [0-7]*) ;; *) false ;; esac; } ||
			return 1
		_ks_v=$((0x${_ks_d:-0})) ;;
	'' | *[!0-9]*) return 1 ;;
	*)
		_ks_d=$_ks_n
		while [ "${_ks_d#0}" != "$_ks_d" ]; do _ks_d=${_ks_d#0}; done
		[ ${#_ks_d} -lt 19 ] ||
			{ [ ${#_ks_d} -eq 19 ] && ! [ "$_ks_d" \> 9223372036854775807 ]; } ||
			return 1
		_ks_v=$((${_ks_d:-0})) ;;
	esac
	[ "$_ks_v" -le $((0x7fffffffffffffff >> _ks_shift)) ] || return 1
	echo $((_ks_v << _ks_shift))
}
