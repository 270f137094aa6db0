#!/bin/bash
# e2e_detail_clusters - the wrapping editor of an action's detail goes by
# user-perceived character: an emoji sequence joined by U+200D, a flag, a
# letter with its combining accent, a wide character and an emoji with a
# skin tone are each one character to Left, Backspace and Up (which stopped
# inside an emoji sequence and left half of it to Backspace). What is saved
# is whole UTF-8, with exactly the characters deleted gone.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

zwj=$'\U0001F469\u200d\U0001F4BB' # woman, ZWJ, laptop: one character, 2 columns
fr=$'\U0001F1EB\U0001F1F7'        # a flag: two regional indicators
de=$'\U0001F1E9\U0001F1EA'
e=$'e\u0301'                      # e, then its accent, as a terminal sends it
thumb=$'\U0001F44D\U0001F3FD'     # an emoji with a skin tone
# Row 1 (57 columns at 80x24) ends at "the "; row 2 begins with the long word.
detail="Ana $zwj Ren$e $fr 王芳 called back about the refund-and-credit-note-for-march $fr$de ${e}t$e 王芳 $thumb"

setup_council
start_tui 80 24
start_meeting
go_step 9 "New actions"
open_form a action
text "Call Acme back"
keys Tab
text "$detail"
wait_re "│ Detail +Ana .* called back about the +│"
wait_re "│ +refund-and-credit-note-for-march .* +│"

note "Backspace and Left at the end of the text: a character at a time"
keys BSpace          # the thumb with its skin tone
keys Left Left BSpace # 王, before 芳
keys Left Left BSpace # t, between the two accented e
keys Left Left Left BSpace # the French flag, before the German one

note "Up from column 6 of the second row: after the emoji sequence, not inside it"
keys Home Right Right Right Right Right Right Up
keys BSpace
expect_screen "│ Detail         Ana  Ren$e $fr 王芳 called back about the " \
	"the sequence went whole, the first row as it was otherwise"

keys Tab
pick Cust "Customer Service"
keys Tab
pick Ben "Ben Okafor"
keys Enter
wait_form_closed
wait_for "Action #1 saved: Call Acme back"

got=$(cx_json '.items[0].detail' export)
# as it is kept: composed (NFC), the trailing space trimmed
want="Ana  René $fr 王芳 called back about the refund-and-credit-note-for-march $de éé 芳"
expect_eq "$got" "$want" "the detail lost exactly the characters deleted"
expect_eq "$(printf '%s' "$got" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo valid)" valid \
	"the detail is valid UTF-8"
# every character of the sequence, the flags and the accents is whole
expect_eq "$(printf '%s' "$got" | python3 -c '
import sys, unicodedata
s = sys.stdin.read()
ri = [c for c in s if 0x1F1E6 <= ord(c) <= 0x1F1FF]
print(len(ri) % 2, "\u200d" in s, "\U0001F4BB" in s, "\U0001F3FD" in s,
      any(unicodedata.combining(c) for c in s))')" "0 False False False False" \
	"no half flag, joiner, lone emoji, skin tone or lone accent is left"
