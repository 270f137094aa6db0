#!/bin/bash
# e2e_draft_locked - typing into a capture form never waits for a database
# another program holds locked: each key showed only after the draft's write
# had waited out the three-second busy timeout. The draft is kept once the
# lock is gone, and a save under the lock says why it was refused.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 80 24
start_meeting
go_step 3 "Customer story"
open_form n note

note "another program holds a write lock"
lock_database
# typed as a person does, with pauses (a pause is when the draft was kept)
text "ab"
wait_for "ab" 1
sleep 1
text "cd"
wait_for "abcd" 1
sleep 1
keys e
wait_for "abcde" 1
keys Enter
wait_for "the database is locked" 6
expect_eq "$(cx_json '.items | length' export)" 0 "nothing saved under the lock"

note "the lock is let go: the draft is kept, the note saved"
unlock_database
# (the drafts kept with a meeting: no command shows them)
for ((i = 0; i < 30; i++)); do
	[ "$(sql "SELECT text FROM meeting_drafts")" = abcde ] && break
	sleep 0.1
done
expect_eq "$(sql "SELECT text FROM meeting_drafts")" abcde "the draft is kept once the lock is gone"
keys Enter
wait_for "Saved note #1."
expect_eq "$(cx_json '.items[].text' export)" abcde "the note is saved"
