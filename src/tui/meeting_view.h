/* meeting_view.h - the meeting runner's state and its panes: one pane per
 * kind of agenda step, each in its own file (pane_*.c). */
#ifndef CXMEET_TUI_MEETING_VIEW_H
#define CXMEET_TUI_MEETING_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "keymap.h"
#include "screen.h"
#include "cxmeet/meeting.h"
#include "cxmeet/store.h"

/* How many captures u can take back, latest first. */
#define MV_UNDO_MAX 32

struct meeting_view {
	struct meeting_run run;
	struct org org;
	struct item *items; /* the rows of the current pane */
	size_t n_items;
	size_t total;       /* rows in all (the review pages through them) */
	size_t offset;      /* first row loaded */
	int sel;            /* absolute row under the cursor */
	int top;            /* first row shown */
	struct person *people; /* roll call */
	size_t n_people;
	store_id *present;
	size_t n_present;
	cx_date next_date;     /* wrap-up */
	int rating;
	/* Another instance holds the meeting: this screen follows it, read-only. */
	bool follow;
	struct meeting_hold holder; /* who holds it, when following */
	int64_t data_version;       /* the database as last read, when following */
	time_t last_beat;           /* the holder's last sign of life written */
	/* A tick under a form or dialog found the meeting taken over: the
	 * screen follows it once the box has closed (the box may use the rows). */
	bool hold_lost;
	time_t last_flush_try;      /* the last try to write the step's time */
	/* The timing of each step (enum step_timing) this screen has already
	 * told of, so that the bell rings once as a step enters its last minute
	 * and once as it runs over (view_meeting.c). */
	unsigned char *told;
	size_t n_told;
	int topic_top, decision_top; /* the priorities pane's two lists, scrolled */
	/* What was recorded between meetings for this meeting (pane_waiting.c),
	 * shown in the step it waits for; Tab moves the keys into its list. */
	struct waiting_item *waiting;
	size_t n_waiting;
	struct message_row *messages; /* not acknowledged yet: the roll call's */
	size_t n_messages;
	bool waiting_focus;
	store_id chain_of; /* the story whose chain_text is kept (0: none) */
	char *chain_text;
	int waiting_sel, waiting_top;
	/* The item on each row of the step's list as last drawn, for the mouse. */
	int *row_item;
	size_t n_row_item;
	/* The items captured on this screen in this meeting, the last at the
	 * end: what u takes back, latest first (nothing after a restart). */
	store_id captured[MV_UNDO_MAX];
	size_t n_captured;
	/* The pane of each kind of step (the runner's, view_meeting.c). */
	const struct pane_ops *(*pane_of)(enum step_kind k);
};

struct pane_ops {
	void (*load)(struct tui *t);
	void (*draw)(struct tui *t, int y, int x, int h, int w);
	/* Gets the key before the runner; returns what it did not handle. */
	enum action (*key)(struct tui *t, wint_t ch, bool is_key, enum action a);
};

extern const struct pane_ops pane_items, pane_scorecard, pane_rollcall, pane_mission, pane_review,
	pane_priorities, pane_wins, pane_wrapup, pane_initiatives;

const struct pane_ops *pane_for(enum step_kind k);
/* The pane of the current step (meeting_pane.c, as the following). */
const struct pane_ops *mv_pane(struct tui *t);
/* What was recorded between meetings, first in its step (pane_waiting.c):
 * read again; drawn above the step's pane (the rows it took, 0 when the
 * step has none); the keys while Tab has moved into it (what it did not
 * handle is returned). */
void waiting_load(struct tui *t);
int waiting_draw(struct tui *t, int y, int x, int h, int w);
enum action waiting_key(struct tui *t, enum action a);
size_t waiting_here_count(const struct meeting_view *mv);
/* The items captured in the current step, read after `before` rows of
 * the pane's own (a scorecard, the initiatives): the cursor runs over
 * both, mv->offset being where the items start. */
void mv_load_step_items(struct tui *t, size_t before);
/* Draws "Captured in this step (n)" and those items (the selected one in
 * full under them) in h rows, or `empty` when there are none. */
void mv_draw_step_items(struct tui *t, int y, int x, int h, int w, const char *empty);
/* Reloads the current pane's rows from the store. */
void mv_reload(struct tui *t);
/* The item under the cursor, or NULL. */
const struct item *mv_selected(struct tui *t);
/* Opens the capture form for a new item of kind; true when saved. */
bool mv_capture(struct tui *t, enum item_kind kind, const struct item *link);
/* u: takes back the last capture still undone made on this screen in this
 * meeting (deleted with its event, kept in the history), and says what it
 * took back, or that nothing is left to undo. */
void mv_undo(struct tui *t);
/* Moves the cursor for Up/Down/PgUp/PgDn/Home/End over n rows; true if used. */
bool mv_move(struct tui *t, enum action a, size_t n, int page);

/* Draws rows of items (kind tag, text, department, person, due); the shared
 * list look of the panes. */
/* Rows are numbered from first_index; sel is the row under the cursor (-1:
 * none here) and *top the first row shown, kept so that sel stays visible. */
void items_draw(int y, int x, int h, int w, const struct item *items, size_t n,
		int first_index, int sel, int *top);
/* As items_draw; rows (h of them, or NULL) gets the index of the item drawn
 * on each row, -1 under the last. */
void items_draw_rows(int y, int x, int h, int w, const struct item *items, size_t n,
		     int first_index, int sel, int *top, int *rows);
/* Like items_draw, each item's detail wrapped under its row (up to
 * ITEMS_LIST_DETAIL_ROWS, cut with "…"), but the selected one's (the preview
 * shows it), when they all fit in h rows; else as items_draw. */
#define ITEMS_LIST_DETAIL_ROWS 2
void items_draw_details(int y, int x, int h, int w, const struct item *items, size_t n,
			int first_index, int sel, int *top, int *rows);
/* The rows items_draw_details takes for them all. */
int items_list_rows(const struct item *items, size_t n, int first_index, int sel, int w);
/* The selected item in full under a list, over h rows (the first a rule):
 * text, details (with `chain`, what a story set going, when not NULL),
 * detail text, each wrapped, cut with an ellipsis when it does not fit. At
 * least ITEMS_DETAIL_ROWS rows are kept for it. */
#define ITEMS_DETAIL_ROWS 5
int items_detail_draw(int y, int x, int w, int h, const struct item *it, const char *chain);
/* The rows the preview of `it` would use at most max_rows. */
int items_detail_rows(const struct item *it, const char *chain, int w, int max_rows);
/* The preview's height under a list of n_items in h rows: ITEMS_DETAIL_ROWS,
 * or more when its text needs them and the list leaves them empty. */
int items_detail_height(const struct item *it, const char *chain, size_t n_items, int h, int w);
/* What the story `it` set going, as a line of text (story -> action -> win),
 * read once per story selected; NULL for another kind or nothing set going. */
const char *mv_chain(struct tui *t, const struct item *it);
/* The keys of a plain list of items: moving, Enter or e to edit, X to delete. */
enum action items_list_key(struct tui *t, wint_t ch, bool is_key, enum action a);
/* Edit and delete of the item under the cursor, shared by the panes. */
enum action items_key(struct tui *t, enum action a);
/* What ending the meeting now would leave undone ("Not done: 4 Action
 * review (2 open actions not reviewed), 7 Wins & hidden heroes."), or "". */
void mv_end_warning(struct tui *t, char *buf, size_t len);
/* "2026-11-23" or "-" */
const char *fmt_date(cx_date d, char *buf, size_t len);

#endif
