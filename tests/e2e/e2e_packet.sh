#!/bin/bash
# e2e_packet - the sponsor's progress packet on a year of demo history: the
# HTML and its SVG charts are well-formed XML and self-contained, a real
# headless browser (Debian's chromium) renders it, and the rendered page
# holds the figures the command line reports (wins per department against
# the ledger, overdue per department and escalated actions against
# `actions`, decisions due against `decisions`, the cadence against
# `cadence`); stored text is escaped, whatever it holds; the Markdown form
# says the same. Without chromium the browser part is skipped (status 77).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

command -v xmllint >/dev/null || { echo "xmllint (libxml2-utils) is needed" >&2; exit 77; }
browser=$(command -v chromium || command -v chromium-browser || true)

cx demo --years 1 --seed 7
since=2026-07-01 # a quarter's first day: the ledger's sums are the packet's
note "hostile text in a department, a person and a win"
cx dept add 'R&D <lab> "North"'
cx person add "O'Hara & <Sons>" --dept 'R&D <lab> "North"'
cx add win '<script>alert(1)</script> & "quotes" fixed in 2 days, so refunds stopped bouncing' \
	--dept 'R&D <lab> "North"' --person "O'Hara & <Sons>"
if [ -z "${CXMEET_TEST_SERVER:-}" ]; then
	# written behind the program's back (sql: no command writes these bytes)
	sql "INSERT INTO items(kind, text, status, created_at, updated_at, department_id)
	     SELECT 'win', 'ESC' || char(27) || '[31m red ' || char(8238) || 'txet', 'open',
	            '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', id
	     FROM departments WHERE name = 'Sales'"
fi

note "the HTML: well-formed, self-contained"
cx packet --since "$since" -o "$tmp/packet.html"
xmllint --noout "$tmp/packet.html" || cx_fail "the packet is not well-formed XML"
expect_no_match "$(grep -oE '(src|href)="[^"]*"|@import|url\(' "$tmp/packet.html" || true)" '.' \
	"the packet refers to nothing outside itself"
expect_no_match "$(cat "$tmp/packet.html")" '<script' "no script element, stored text escaped"
expect_match "$(cat "$tmp/packet.html")" '&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; &quot;quotes&quot;' \
	"the win's text escaped"
expect_match "$(cat "$tmp/packet.html")" 'R&amp;D &lt;lab&gt; &quot;North&quot;' "the department escaped"
expect_no_match "$(cat "$tmp/packet.html")" $'\e|\u202e' "no escape or bidi override passes"
n_svg=$(grep -o '<svg ' "$tmp/packet.html" | wc -l)
n_measures=$(cx_json 'length' measure list)
expect_eq "$n_svg" $((4 + n_measures)) \
	"charts: a line per measure, wins, overdue, on time per department, the cadence timeline"
# each chart is a well-formed SVG document on its own too
for k in $(seq 1 "$n_svg"); do
	awk -v k="$k" '/<svg /{n++} n==k{print} /<\/svg>/{if(n==k) exit}' "$tmp/packet.html" |
		sed 's/^.*\(<svg \)/\1/; s/\(<\/svg>\).*$/\1/' >"$tmp/chart$k.svg"
	xmllint --noout "$tmp/chart$k.svg" || cx_fail "chart $k is not well-formed SVG"
done

note "an existing file is kept unless --force"
rc=0
"$CXMEET" --db "$CXMEET_DB" packet -o "$tmp/packet.html" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "refused"
expect_match "$(cat "$tmp/err")" "use --force to replace it" "and says how"

# figures as the command line reports them, one "KEY VALUE" a line
{
	cx_json --arg since "$since" 'map(.wins) | add | "wins_total \(.)"' ledger --since "$since"
	cx_json 'group_by(.department)[] | "wins \(.[0].department) \(map(.wins) | add)"' ledger --since "$since"
	cx_json 'group_by(.department)[] | (map(.actions) | add) as $a | (map(.on_time) | add) as $o
		| select($a > 0) | "on_time_pct \(.[0].department) \(((200 * $o + $a) / (2 * $a)) | floor)%"' \
		ledger --since "$since"
	cx_json '[.[] | select(.department != null)] | group_by(.department)[]
		| "overdue \(.[0].department) \(length)"' actions --state overdue
	cx_json '[.[] | select(.escalate)] | "escalated \(length)"' actions --state open
	cx_json '"decisions_due \(length)"' decisions --revisit-due
	cx_json '"cadence_on_time \(.recent_on_time)"' cadence
	cx_json '.[] | "measure_value \(.measure) \(.value)\(if .unit == "%" then "%"
		elif .unit then " \(.unit)" else "" end)"' measure list
} | sort >"$tmp/cli.txt"

if [ -z "$browser" ]; then
	echo "chromium is not installed: the rendered page is not checked" >&2
	exit 77
fi

note "the page in a real browser"
# the browser's own profile in the test's folder; --no-sandbox as root
chrome=("$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars
	--user-data-dir="$tmp/chrome" --window-size=1100,1400)
timeout 60 "${chrome[@]}" --dump-dom "file://$tmp/packet.html" >"$tmp/dom.html" 2>"$tmp/chrome.log" ||
	die "chromium could not render the packet: $(tail -3 "$tmp/chrome.log")"
# every figure of the rendered DOM, "KEY [DEPARTMENT] VALUE" a line
python3 - "$tmp/dom.html" >"$tmp/dom.txt" <<'EOF'
import sys
from html.parser import HTMLParser
class Figs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.out, self.scripts = [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.scripts += tag == "script"
        self.stack.append((a.get("data-fig"), a.get("data-dept") or a.get("data-measure"), []))
    def handle_endtag(self, tag):
        while self.stack:
            fig, dept, text = self.stack.pop()
            if fig:
                self.out.append(" ".join(x for x in (fig, dept, "".join(text).strip()) if x))
            if self.stack:
                self.stack[-1][2].extend(text)
            break
    def handle_data(self, d):
        if self.stack:
            self.stack[-1][2].append(d)
p = Figs()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("scripts", p.scripts)
for line in p.out:
    print(line)
EOF
expect_eq "$(grep '^scripts ' "$tmp/dom.txt")" "scripts 0" "no script in the rendered page"
grep -E '^(wins_total|wins|overdue|escalated|decisions_due|cadence_on_time|on_time_pct|measure_value) ' "$tmp/dom.txt" |
	grep -v '^overdue_' | sort -u >"$tmp/page.txt"
# departments with no overdue action are shown with 0 on the page: the CLI's
# list names only those that have some
# nor a share for a department without actions ("-")
grep -v -E '^overdue .* 0$|^on_time_pct .* -$' "$tmp/page.txt" >"$tmp/page_nz.txt"
expect_eq "$(diff "$tmp/cli.txt" "$tmp/page_nz.txt" && echo same)" same \
	"the page's figures are the command line's"
expect_match "$(cat "$tmp/dom.txt")" "^wins R&D <lab> \"North\" 1$" "the hostile department's win, as text"
expect_match "$(cat "$tmp/dom.txt")" "^since 2026-07-01$" "the period's start"
expect_eq "$(sed -n 's/^glance_wins //p' "$tmp/dom.txt")" "$(sed -n 's/^wins_total //p' "$tmp/cli.txt")" \
	"the wins at a glance"
expect_eq "$(sed -n 's/^glance_overdue //p' "$tmp/dom.txt")" \
	"$(cx_json 'length' actions --state overdue)" "the overdue actions at a glance"

note "a screenshot"
timeout 60 "${chrome[@]}" --screenshot="$tmp/packet.png" "file://$tmp/packet.html" \
	>/dev/null 2>>"$tmp/chrome.log" || die "chromium could not take a screenshot"
expect_eq "$(head -c 8 "$tmp/packet.png" | od -An -tx1 | tr -d ' \n')" 89504e470d0a1a0a \
	"the screenshot is a PNG"
[ -z "${CXMEET_ARTIFACTS:-}" ] || cp "$tmp/packet.png" "$tmp/packet.html" "$CXMEET_ARTIFACTS/"

note "the Markdown form says the same"
md=$(cx packet --since "$since" --format md)
expect_match "$md" "^- Wins recorded: $(grep '^wins_total ' "$tmp/cli.txt" | cut -d' ' -f2)$" "the wins"
expect_match "$md" "^### Escalated actions: $(grep '^escalated ' "$tmp/cli.txt" | cut -d' ' -f2)$" \
	"the escalated actions"
expect_match "$md" '^\| R\\&D \\<lab\\> "North" \| 1 \|' "the hostile department, escaped for Markdown"
expect_match "$md" '\\<script\\>alert\(1\)\\</script\\>' "the win's text, escaped for Markdown"
expect_no_match "$md" '(^|[^\\])<script' "no raw HTML in the Markdown"
