# program_tables.sh - sourced by the completion tests: checks that a
# completion offers every command of the program (its table in src/cli) and
# nothing else, and every long option of each, as its table of options says.
# Needs $cx (the program), $root (the source tree), fail() and
# complete_words() (the shell's own: what its completion offers for words).
check_program_tables() {
	local tables cmds got want c opts
	tables=$(awk '
		/static const struct cli_opt [a-z_]+\[\] = \{/ { t = $5; sub(/\[\]/, "", t); next }
		t && /^\t\{"[a-z-]+", / { split($0, q, "\""); opts[t] = opts[t] " --" q[2] }
		/^\t\{0\},/ { t = "" }
		/^const struct cli_cmd cmd_[a-z_]+ = \{/ { c = ""; o = "" }
		/^\t\.name = "/ { split($0, q, "\""); c = q[2] }
		/^\t\.opts = / { o = $3; sub(/,/, "", o) }
		/^\};/ && c { print c ":" opts[o]; c = "" }
	' "$root"/src/cli/cmd_*.c | sort)
	cmds=$(cut -d: -f1 <<<"$tables")
	[[ $(wc -l <<<"$cmds") == $("$cx" --help | sed -n '/^Commands:/,/^$/p' | grep -c '^  [a-z]') ]] ||
		fail "the commands in src/cli/cmd_*.c are not those of cxmeet --help"
	got=$(complete_words cxmeet "" | grep -vx help | sort)
	[[ $got == "$cmds" ]] || fail "commands differ from the program's: $(diff <(echo "$cmds") <(echo "$got"))"
	got=$(complete_words cxmeet help "" | sort)
	[[ $got == "$cmds" ]] || fail "help offered other than the commands: $(diff <(echo "$cmds") <(echo "$got"))"
	while IFS=: read -r c opts; do
		want=$(printf '%s\n' $opts --help | sort -u)
		got=$(complete_words cxmeet "$c" -- | sort -u)
		[[ $got == "$want" ]] ||
			fail "$c: options differ: $(diff <(echo "$want") <(echo "$got") | grep '^[<>]' | tr '\n' ' ')"
	done <<<"$tables"
}
