# bash completion for cxmeet: commands, their options, and the names of
# departments and people (read from the database with `dept list --names`
# and `person list --names`, honouring --db and --council on the line).

_cxmeet_commands='init tui present status council org charter dept person kpi
measure initiative focus agenda history search show actions add done messages
ack overdue digest decisions supersede cadence ledger packet champions export
import copy backup demo check'

# The long options of each command.
_cxmeet_options()
{
	case $1 in
	actions) echo --overdue --state --owner --dept --due-before --format --all-councils ;;
	overdue) echo --format --all-councils ;;
	add) echo --dept --person --due --detail --consent --kpi --measure --from ;;
	agenda) echo --format --output --force --name --replace ;;
	cadence) echo --meetings --format --table --all-councils ;;
	champions) echo --all --format --all-councils ;;
	copy) echo --from --to ;;
	backup) echo --output --force ;;
	council) echo --format ;;
	charter) echo --format ;;
	org) echo --format ;;
	status) echo --format ;;
	decisions) echo --revisit-due --dept --all --search --format --all-councils ;;
	demo) echo --years --seed ;;
	dept) echo --all --behind-the-scenes --customer-facing --undo --format --names ;;
	digest) echo --days --all-councils ;;
	done) echo --reason ;;
	export) echo --format --output --force --scorecard ;;
	import) echo --format --from --merge ;;
	history) echo --since --dept --limit --format ;;
	init) echo --org ;;
	initiative) echo --owner --dept --due --title --note --quarter --on --undo --all --format ;;
	kpi) echo --dept --unit --value --lower-is-better --on --format ;;
	focus) echo --plan --next-step --clear --format ;;
	ledger) echo --since --dept --format ;;
	measure) echo --kind --dept --owner --unit --target --no-target --lower-is-better \
		--higher-is-better --every --name --on --correct --all --restore --format ;;
	messages) echo --dept --open --limit --format ;;
	ack) echo --dept ;;
	packet) echo --since --format --output --force ;;
	person) echo --dept --role --email --name --influence --support --values --kpi \
		--stage --next-step --all --undo --format --names ;;
	search) echo --dept --kind --limit --format --all-councils ;;
	show) echo --format --output --force ;;
	esac
	echo --help
}

# The subcommands (first operand) of the commands that have them.
_cxmeet_actions()
{
	case $1 in
	dept) echo list add rename set archive ;;
	person) echo list add edit archive ;;
	esac
}

# Sets COMPREPLY to the lines of "$@" (run quietly) that begin with what is
# typed, quoted for the line ("Field Service" becomes Field\ Service) unless
# the word is already opened with a quote.
_cxmeet_names()
{
	local IFS=$'\n' line typed=$cur quoted=
	case $cur in
	\'* | \"*) quoted=1; typed=${cur:1} ;;
	*) typed=${cur//\\/} ;; # never evaluated: only the backslashes go
	esac
	local -a all
	all=($("$@" 2>/dev/null))
	for line in "${all[@]}"; do
		[[ $line == "$typed"* ]] || continue
		if [[ -n $quoted ]]; then
			COMPREPLY+=("$line")
		else
			COMPREPLY+=("$(printf '%q' "$line")")
		fi
	done
}

_cxmeet()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion -n = || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi
	COMPREPLY=()
	local prog=${words[0]} cmd= i
	local -a global=()
	# The global options before the command, kept for reading names.
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-D | --db | -c | --council)
			global+=("${words[i]}" "${words[i + 1]}")
			((i++)) ;;
		--db=* | --council=*) global+=("${words[i]}") ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done
	case $prev in
	-D | --db)
		[[ -z $cmd ]] && { COMPREPLY=($(compgen -f -- "$cur")); return; } ;;
	-c | --council)
		[[ -z $cmd ]] && return ;;
	esac
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--db --council --bell --no-mouse --no-pager --help --version' -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_cxmeet_commands help" -- "$cur"))
		fi
		return
	fi
	case $prev in
	--dept)
		_cxmeet_names "$prog" "${global[@]}" dept list --names
		return ;;
	--owner | --person)
		_cxmeet_names "$prog" "${global[@]}" person list --names
		return ;;
	--output | -o | --from | --to)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--format | -f)
		COMPREPLY=($(compgen -W 'plain json csv md ics html' -- "$cur"))
		return ;;
	--state | -s)
		[[ $cmd == actions ]] && { COMPREPLY=($(compgen -W 'open done dropped' -- "$cur")); return; } ;;
	--role | -r)
		[[ $cmd == person ]] && { COMPREPLY=($(compgen -W 'sponsor lead champion member guest' -- "$cur")); return; } ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_cxmeet_options "$cmd")" -- "$cur"))
		return
	fi
	if [[ $cmd == check ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	if [[ $cmd == help ]]; then
		COMPREPLY=($(compgen -W "$_cxmeet_commands" -- "$cur"))
		return
	fi
	# The first operand of dept and person is their action.
	local n=0
	for ((i = i + 1; i < cword; i++)); do
		case ${words[i]} in
		--*=*) ;;
		# An option that takes a value skips it.
		--dept | --owner | --person | --role | --email | --name | --format | --output | \
		--from | --to | --since | --limit | --kind | --due | --state | --search | --reason)
			((i++)) ;;
		-*) ;;
		*) ((n++)) ;;
		esac
	done
	if ((n == 0)); then
		local acts
		acts=$(_cxmeet_actions "$cmd")
		[[ -n $acts ]] && COMPREPLY=($(compgen -W "$acts" -- "$cur"))
	fi
}
complete -F _cxmeet cxmeet
