#!/bin/bash
# e2e_stored_hostile - text stored behind the program's back (by sqlite3, an
# import, an older version) reaches no terminal and no export raw. Every
# stored text of a small council holds ESC, BEL, CR, the C1 control CSI
# (U+009B), the bidi override U+202E, the isolate U+2066, the marks U+200E
# and U+200F, the line separator U+2028 and a byte that is not UTF-8. Each
# command, in each of its formats, is compared with its golden file
# (tests/golden/stored_hostile/; CXMEET_UPDATE_GOLDEN=1 rewrites them) and
# its raw bytes are searched for the set; then the full-screen interface
# shows home, actions, history and decisions with U+FFFD in their place,
# and what it sends to the terminal holds none of them.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

golden_dir="$(cd "$(dirname "$0")/.." && pwd)/golden/stored_hostile"

setup_council
# H: one of each unsafe character, between words that show where it was.
H="'Evil' || char(27) || '[2J' || char(7) || 'bel' || char(13) || 'cr' || char(155) ||
   '1m' || char(8238) || 'rlo' || char(8294) || 'lri' || char(8206) || 'lrm' ||
   char(8207) || 'rlm' || char(8232) || 'ls' || CAST(X'FF' AS TEXT) || 'end'"
# Written with sql, behind the program's back: no command takes such text.
sql "UPDATE organisation SET name = 'Org ' || $H, mission = 'Mission ' || $H;
     UPDATE departments SET name = 'Sales ' || $H WHERE name = 'Sales';
     UPDATE people SET name = 'Zoe ' || $H, email = 'zoe@example.com' || $H
       WHERE name LIKE 'Zo%';
     UPDATE agenda_template_steps SET title = 'Welcome ' || $H WHERE position = 1;
     INSERT INTO meetings(id, status, started_at, ended_at, next_meeting_on)
       VALUES (1, 'completed', '2026-11-16T10:00:00Z', '2026-11-16T11:00:00Z', '2026-11-30');
     INSERT INTO meeting_steps(id, meeting_id, position, title, kind, planned_minutes,
                               prompt, actual_seconds, done)
       VALUES (1, 1, 1, 'Wins ' || $H, 'wins', 5, 'Prompt ' || $H, 240, 1);
     INSERT INTO attendance(meeting_id, person_id, department_id)
       SELECT 1, id, department_id FROM people;"
sales=$(cx_json '.departments[] | select(.name | startswith("Sales ")).id' export)
zoe=$(cx_json '.people[] | select(.name | startswith("Zoe ")).id' export)
item() { # ID KIND STATUS DUE REVISIT
	sql "INSERT INTO items(id, kind, text, detail, rationale, department_id, person_id,
	                       status, due_on, revisit_on, meeting_id, step_id,
	                       created_at, updated_at)
	     VALUES ($1, '$2', 'Refund ' || $H, 'Line one' || char(10) || $H, 
	             CASE '$2' WHEN 'decision' THEN 'Because ' || $H END, $sales, $zoe,
	             '$3', $4, $5, 1, 1, '2026-11-16T10:30:00Z', '2026-11-16T10:30:00Z');
	     INSERT INTO item_events(item_id, event, at, meeting_id, by, reason)
	     VALUES ($1, 'created', '2026-11-16T10:30:00Z', 1, 'Zoe ' || $H, 'Why ' || $H);"
}
item 1 decision open NULL "'2026-11-20'"
item 2 action open "'2026-11-18'" NULL
item 3 action open "'2026-11-27'" NULL
item 4 win open NULL NULL
item 5 story open NULL NULL
item 6 insight open NULL NULL

# check_bytes NAME FILE [crlf]: FILE (a command's raw output) holds nothing
# unsafe: valid UTF-8, no C0 control but newline and tab (and CR before LF
# where the format ends its lines so), no DEL, no C1 control, no bidi mark,
# override or isolate, no line separator, and no JSON escape of any of them;
# and U+FFFD shows where they were.
check_bytes() {
	local msg
	if ! msg=$(python3 - "$2" "${3:-}" 2>&1 <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
crlf = sys.argv[2] == "1"
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit(f"not valid UTF-8 at byte {e.start}")
if crlf:
    text = text.replace("\r\n", "\n")
for i, c in enumerate(text):
    o = ord(c)
    if (o < 0x20 and c not in "\n\t") or 0x7f <= o < 0xa0 or o in (0x200e, 0x200f, 0x2028, 0x2029) \
            or 0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069:
        sys.exit(f"U+{o:04X} at character {i}")
m = re.search(r"\\u(00[01][0-9a-f]|007f|00[89][0-9a-f]|200[ef]|202[89a-e]|206[6-9])", text, re.I)
if m:
    sys.exit(f"the escape {m.group(0)}")
if "\ufffd" not in text and "\\ufffd" not in text:
    sys.exit("no U+FFFD where the hostile characters were")
PY
	); then
		check_failed "$1: $msg"
	fi
}

# run_cmd NAME [crlf] -- ARGS...: runs cxmeet ARGS, checks its bytes and
# compares them with the golden file NAME.
run_cmd() {
	local name=$1 crlf=""
	shift
	[ "$1" = crlf ] && { crlf=1; shift; }
	[ "$1" = -- ] && shift
	local out="$tmp/$name.out"
	local rc=0
	"$CXMEET" "$@" >"$out" 2>"$tmp/$name.err" || rc=$?
	# overdue exits with 8 when it lists overdue actions
	if [ "$rc" -ne 0 ] && { [ "$1" != overdue ] || [ "$rc" -ne 8 ]; }; then
		check_failed "$name: 'cxmeet $*' exited with $rc: $(cat "$tmp/$name.err")"
		return
	fi
	check_bytes "$name" "$out" "$crlf"
	# The temporary directory (status names the database) is not compared.
	local t=${tmp//|/\\|}
	LC_ALL=C sed -i "s|$t|TMP|g" "$out"
	if [ -n "${CXMEET_UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$golden_dir"
		cp "$out" "$golden_dir/$name"
	fi
	if cmp -s "$out" "$golden_dir/$name"; then
		echo "ok - $name"
	else
		diff -a "$golden_dir/$name" "$out" | head -20 >&2 || true
		check_failed "$name: 'cxmeet $*' differs from tests/golden/stored_hostile/$name"
	fi
}

note "the command line, every format"
run_cmd status.txt -- status
run_cmd org.txt -- org show
run_cmd person_list.txt -- person list --all
run_cmd dept_list.txt -- dept list --all
run_cmd actions.txt -- actions
run_cmd actions.csv crlf -- actions --format csv
run_cmd actions.json -- actions --format json
run_cmd overdue.txt -- overdue
run_cmd decisions.txt -- decisions --all
run_cmd decisions.csv crlf -- decisions --all --format csv
run_cmd decisions.json -- decisions --all --format json
run_cmd history.txt -- history
run_cmd history.json -- history --format json
run_cmd search.txt -- search refund
run_cmd search.csv crlf -- search refund --format csv
run_cmd search.json -- search refund --format json
run_cmd show.md -- show 1
run_cmd show.json -- show 1 --format json
run_cmd agenda.txt -- agenda show "Standard council meeting"
run_cmd export.csv crlf -- export --format csv -o -
run_cmd export.json -- export --format json -o -
run_cmd export.ics crlf -- export --format ics -o -

note "an export saved to a file is as clean as one printed"
"$CXMEET" export --format json -o "$tmp/saved.json" >/dev/null
check_bytes export-file "$tmp/saved.json"
"$CXMEET" show 1 -o "$tmp/minutes.md" >/dev/null
check_bytes minutes-file "$tmp/minutes.md"

note "the full-screen interface"
start_tui 120 30
tmx pipe-pane -o "cat >>'$tmp/raw.log'"
# Drawn: U+FFFD where each unsafe character was.
R=$'\xef\xbf\xbd'
shown="Evil${R}[2J${R}bel${R}cr${R}1m${R}rlo${R}lri${R}lrm${R}rlm${R}ls${R}end"
# check_screen NAME: the screen as tmux holds it has none of the characters.
check_screen() {
	screen >"$tmp/screen.txt"
	check_bytes "$1 screen" "$tmp/screen.txt"
}
wait_for "History and search (h)"
wait_for "Org $shown"
check_screen home
note "actions"
keys a
wait_for "Refund $shown"
check_screen actions
keys q
wait_for "History and search (h)"
note "history, then a meeting's minutes"
keys h
wait_for "History: 1 meeting"
expect_screen "Sales $shown" "the history shows the meeting's departments"
check_screen history
keys Enter
wait_for "Refund Evil${R}\\[2J${R}bel" # the minutes are Markdown
check_screen minutes
keys q
keys q
wait_for "History and search (h)"
note "decisions"
keys d
wait_for "Decision log"
wait_for "Refund $shown"
check_screen decisions
keys q
wait_for "History and search (h)"
keys q
wait_exit
# What went to the terminal: ncurses' own escape sequences, but none of the
# stored characters (ncurses itself sends no C1 byte, bidi character or
# invalid UTF-8).
if LC_ALL=C grep -qaP '\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xff' "$tmp/raw.log"; then
	check_failed "the full-screen interface sent a C1, bidi or invalid byte to the terminal"
fi
if LC_ALL=C grep -qaP '\x1b\[2Jbel|\x07bel|\rcr' "$tmp/raw.log"; then
	check_failed "the full-screen interface sent stored ESC, BEL or CR to the terminal"
fi
grep -qaF "Evil${R}[2J" "$tmp/raw.log" ||
	check_failed "the full-screen interface did not draw U+FFFD for the stored ESC"
