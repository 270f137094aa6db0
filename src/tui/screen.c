/* screen.c - the screen under every view: the views as values (opening one,
 * going back to its parent), the layout (top bar, view, status bar) with
 * resizing through KEY_RESIZE only and the too-small notice, the flash
 * message, and reading keys: UTF-8, Esc sequences, pasted text marked by the
 * terminal or arriving in a burst. Calls no view but through its ops; the
 * main loop that starts it all is tui.c. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "draw.h"
#include "screen.h"
#include <term.h> /* putp: after curses.h */
#include "cxmeet/store.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

static volatile sig_atomic_t stop_signal;

/* SIGTERM and SIGHUP (a closed terminal) end the loop; the main loop leaves
 * curses and the meeting is kept in progress, everything shown as saved is. */
static void on_signal(int sig) { stop_signal = sig; }

void tui_catch_stop_signals(void)
{
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool tui_stop_asked(void) { return stop_signal != 0; }

/* Bracketed paste: the terminal marks pasted text, so that it is typed into
 * the field it lands in and never read as commands. */
void tui_paste_mode(bool on)
{
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
}

void tui_flash(struct tui *t, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->flash, sizeof t->flash, fmt, ap);
	va_end(ap);
	t->flash_error = error;
}

struct view *tui_view_make(struct tui *t, const struct view_ops *ops)
{
	for (size_t i = 0; i < t->n_views; i++)
		if (t->views[i]->ops == ops)
			return t->views[i];
	if (t->n_views == TUI_VIEWS_MAX)
		die("too many views");
	struct view *v = xcalloc(1, sizeof *v);
	v->ops = ops;
	v->priv = ops->private_size ? xcalloc(1, ops->private_size) : NULL;
	t->views[t->n_views++] = v;
	return v;
}

void *tui_state(const struct tui *t, const struct view_ops *v)
{
	for (size_t i = 0; i < t->n_views; i++)
		if (t->views[i]->ops == v)
			return t->views[i]->priv;
	die("the %s view was not made", v->name);
}

/* Shows v; the view shown before closes (its rows freed, its place kept). */
static void switch_to(struct tui *t, struct view *v)
{
	if (t->view && t->view->ops->close && t->view != v)
		t->view->ops->close(t);
	t->view = v;
}

static bool is_under(const struct view *v, const struct view *top)
{
	for (const struct view *p = top; p; p = p->parent)
		if (p == v)
			return true;
	return false;
}

void tui_open_view(struct tui *t, const struct view_ops *ops)
{
	struct view *v = tui_view_make(t, ops);
	if (!is_under(v, t->view))
		v->parent = t->view;
	switch_to(t, v);
}

void tui_replace_view(struct tui *t, const struct view_ops *ops)
{
	struct view *v = tui_view_make(t, ops);
	if (!is_under(v, t->view))
		v->parent = t->view ? t->view->parent : NULL;
	switch_to(t, v);
}

void tui_back(struct tui *t)
{
	if (t->view && t->view->parent)
		switch_to(t, t->view->parent);
}

void tui_views_free(struct tui *t)
{
	switch_to(t, NULL);
	for (size_t i = 0; i < t->n_views; i++) {
		free(t->views[i]->priv);
		free(t->views[i]);
	}
	t->n_views = 0;
}

void tui_area_add(struct tui *t, const struct tui_area *a)
{
	if (t->n_areas < TUI_AREAS_MAX && a->h > 0 && a->w > 0)
		t->areas[t->n_areas++] = *a;
}

void tui_layout(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	t->too_small = t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_LINES;
	t->compact = t->cols < TUI_WIDE_COLS || t->rows < TUI_TALL_LINES;
}

/* The one-line message on the last row; one too long for it takes the row
 * above as well, broken between words, rather than being cut. */
static void draw_flash(struct tui *t)
{
	attr_t a = theme(t->flash_error ? C_ERROR : C_STATUS);
	if (text_cols(t->flash) <= t->cols) {
		draw_line(t->rows - 1, 0, t->flash, t->cols, a);
		return;
	}
	int rows = text_wrap_rows(t->flash, t->cols, 2);
	for (int i = 0; i < rows; i++)
		draw_fill(t->rows - rows + i, 0, t->cols, a);
	draw_wrapped(t->rows - rows, 0, t->flash, t->cols, rows, a);
}

static void draw_too_small(struct tui *t)
{
	char msg[128];
	erase();
	snprintf(msg, sizeof msg, "Terminal too small: %dx%d.", t->cols, t->rows);
	draw_text(0, 0, msg, t->cols, theme(C_WARNING));
	snprintf(msg, sizeof msg, "cxmeet needs at least %dx%d.", TUI_MIN_COLS, TUI_MIN_LINES);
	draw_text(1, 0, msg, t->cols, theme(C_NORMAL));
	draw_text(2, 0, !t->view->parent ? "Enlarge the window, or press q."
					      : "Enlarge the window to go on.", t->cols, theme(C_MUTED));
}

void tui_redraw(struct tui *t)
{
	if (tui_hold_drawing(t))
		return; /* drawn once the paste has arrived, not once per character */
	tui_layout(t);
	t->n_areas = 0; /* the view draws them again */
	if (t->too_small) {
		draw_too_small(t);
		refresh();
		return;
	}
	erase();
	t->view->ops->draw(t);
	if (t->flash[0])
		draw_flash(t);
	/* Staged, not sent: a dialog or form drawn over the view sends both in
	 * one update (its refresh), so the terminal never shows the view without
	 * the box that covers it. A caller with nothing to draw over it calls
	 * doupdate. */
	wnoutrefresh(stdscr);
}

/* After an ESC: a lone Esc key, or the start of a sequence the terminal sent
 * that ncurses did not turn into a key (paste marks, unknown keys, Alt+key).
 * A sequence is swallowed whole, so that its bytes never act as commands. */
static bool read_escape(struct tui *t)
{
	char seq[24];
	size_t n = 0;
	int c;
	timeout(0);
	if ((c = getch()) == ERR)
		return true; /* the key read is a lone Esc */
	if (c == 27) {
		/* Esc pressed twice in quick succession (or sent so): each is an
		 * Esc; swallowed as an Alt+Esc, a dialog stayed open and took the
		 * next keys as its text. */
		ungetch(c);
		return true;
	}
	if (c == '[' || c == 'O') {
		seq[n++] = (char)c;
		while (n < sizeof seq - 1 && (c = getch()) != ERR) {
			seq[n++] = (char)c;
			if (c >= 0x40 && c <= 0x7e && (seq[0] == 'O' || n > 1))
				break;
		}
	}
	seq[n] = '\0';
	/* A mouse report the program did not ask for (--no-mouse, with tracking
	 * left on by another program): xterm's "ESC [ M" and three bytes, button
	 * and place, swallowed with it; its SGR form ends in M or m, above. */
	if (strcmp(seq, "[M") == 0)
		for (int i = 0; i < 3 && getch() != ERR; i++)
			;
	if (strcmp(seq, "[200~") == 0)
		t->in_paste = true;
	else if (strcmp(seq, "[201~") == 0)
		t->in_paste = false;
	return false;
}

#define STRAY_BYTE (ERR - 1)

/* Reads one key: a KEY_ code, or a character decoded from the UTF-8 bytes
 * getch() gives. ncurses' own get_wch swallows the bytes after one that is not
 * UTF-8; here a stray byte is dropped alone (STRAY_BYTE) and typing goes on. */
static int read_char(wint_t *ch, bool *is_key)
{
	int c = getch();
	if (c == ERR)
		return ERR;
	*is_key = c >= KEY_MIN;
	*ch = (wint_t)c;
	if (*is_key || c < 0x80)
		return OK;
	int need = (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 0;
	if (!need)
		return STRAY_BYTE;
	uint32_t cp = (uint32_t)c & (0x3fu >> need);
	timeout(20); /* the rest of a character arrives with its first byte */
	for (int i = 0; i < need; i++) {
		int b = getch();
		if (b == ERR || b >= KEY_MIN || (b & 0xc0) != 0x80) {
			if (b != ERR)
				ungetch(b);
			return STRAY_BYTE;
		}
		cp = cp << 6 | ((uint32_t)b & 0x3f);
	}
	static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
	if (cp < min[need] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return STRAY_BYTE;
	*ch = (wint_t)cp;
	return OK;
}

/* How many keys (up to max, at most 4) are already waiting; they stay waiting. */
static int keys_waiting(int max)
{
	int got[4], n = 0, c;
	timeout(0);
	while (n < max && n < 4 && (c = getch()) != ERR)
		got[n++] = c;
	for (int i = n; i-- > 0;)
		ungetch(got[i]);
	return n;
}

/* Bytes the terminal has sent that no read has taken yet. */
static long bytes_waiting(void)
{
	int n = 0;
	return ioctl(STDIN_FILENO, FIONREAD, &n) == 0 && n > 0 ? n : 0;
}

/* A paste this big filled the terminal's buffer: the rest follows. */
#define BURST_BIG 1024

/* A burst starts at a printable key read by a text field with at least two
 * more already waiting (no hand types that fast; a paste does). It is the
 * bytes that were there then, counted down key by key: keys sent after it
 * (a Tab, on a loaded machine) are not part of it, unless the paste was so
 * big that it came in pieces. */
static void burst_count(struct tui *t, long bytes)
{
	t->burst_left -= bytes;
	if (t->burst_left <= 0 && t->burst_big && keys_waiting(1) > 0)
		t->burst_left = bytes_waiting() + 1;
	t->burst_open = t->burst_left > 0 && keys_waiting(1) > 0;
}

static void note_burst(struct tui *t, wint_t ch, bool is_key)
{
	if (t->burst_open) {
		t->burst = true;
		burst_count(t, is_key ? 3 : ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4);
	} else if (t->reading_text && !is_key && ch >= 0x20 && ch != 0x7f && keys_waiting(2) >= 2) {
		t->burst = t->burst_open = true;
		t->burst_left = bytes_waiting() + 2; /* the two peeked at are read already */
		t->burst_big = t->burst_left >= BURST_BIG;
	}
}

/* After bytes that made no key (a paste mark, an unknown key's sequence). */
static void note_burst_end(struct tui *t)
{
	if (t->burst_open)
		burst_count(t, 6);
}

/* $CXMEET_TRACE_KEYS: one line per key, "key NAME VIEW MS", after a first
 * line "frame first MS" (from the start to the first wait for a key). */
static struct {
	FILE *f;
	struct timespec at; /* the start, then the last key's arrival */
	bool first_done, key_pending;
	char key[32];
} key_trace;

static double ms_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

void tui_trace_begin(void)
{
	const char *path = getenv("CXMEET_TRACE_KEYS");
	if (!path || !*path || key_trace.f)
		return;
	key_trace.f = fopen(path, "a");
	clock_gettime(CLOCK_MONOTONIC, &key_trace.at);
}

/* The program is about to wait: the key before it is done. */
static void trace_wait(const struct tui *t)
{
	if (!key_trace.f)
		return;
	if (!key_trace.first_done) {
		key_trace.first_done = true;
		fprintf(key_trace.f, "frame first %.3f\n", ms_since(&key_trace.at));
	} else if (key_trace.key_pending) {
		fprintf(key_trace.f, "key %s %s %.3f\n", key_trace.key, t->view ? t->view->ops->name : "-",
			ms_since(&key_trace.at));
	}
	key_trace.key_pending = false;
	fflush(key_trace.f);
}

static void trace_key(wint_t ch, bool is_key)
{
	if (!key_trace.f)
		return;
	clock_gettime(CLOCK_MONOTONIC, &key_trace.at);
	key_trace.key_pending = true;
	if (is_key)
		snprintf(key_trace.key, sizeof key_trace.key, "%s", keyname((int)ch) ? keyname((int)ch) : "?");
	else if (ch < 0x20 || ch == 0x7f)
		snprintf(key_trace.key, sizeof key_trace.key, "^%c", (char)(ch ^ 0x40));
	else if (ch == ' ')
		snprintf(key_trace.key, sizeof key_trace.key, "Space");
	else if (ch < 0x7f)
		snprintf(key_trace.key, sizeof key_trace.key, "%c", (char)ch);
	else
		snprintf(key_trace.key, sizeof key_trace.key, "U+%04X", (unsigned)ch);
}

/* A wait for a key in which work that would make a key wait is done once
 * nobody has typed for IDLE_MS: when the log owes the database a copy, the
 * copy, not in the commit of whichever key filled the log
 * (store_defer_checkpoints); and in the first such pause, what a meeting
 * runs made ready (store_expect_meeting: on a server, its statements
 * prepared), not in the Enter that starts the first meeting. */
#define IDLE_MS 250
static int read_char_idle(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms)
{
	if (timeout_ms != 0 && (timeout_ms < 0 || timeout_ms > IDLE_MS) && t->st &&
	    (!t->expecting || store_checkpoint_due(t->st))) {
		timeout(IDLE_MS);
		int rc = read_char(ch, is_key);
		if (rc != ERR)
			return rc;
		if (!t->expecting)
			store_expect_meeting(t->st);
		t->expecting = true;
		if (store_checkpoint_due(t->st))
			store_checkpoint_idle(t->st);
		if (timeout_ms > 0)
			timeout_ms -= IDLE_MS;
	}
	timeout(timeout_ms);
	return read_char(ch, is_key);
}

/* With the mouse off (--no-mouse) curses still knows the terminal's mouse
 * report by its first bytes (terminfo's kmous) and says KEY_MOUSE, leaving
 * the rest unread: xterm's three bytes, or the SGR form's numbers up to its
 * M or m. They are read and dropped here, so that a report the program did
 * not ask for (tracking left on by another program) types nothing. */
static void drop_mouse_report(void)
{
	const char *km = tigetstr("kmous");
	bool sgr = km && km != (char *)-1 && strchr(km, '<');
	int c;
	timeout(0);
	if (sgr)
		for (int i = 0; i < 24 && (c = getch()) != ERR && c != 'M' && c != 'm'; i++)
			;
	else
		for (int i = 0; i < 3 && getch() != ERR; i++)
			;
}

static bool read_raw(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms)
{
	static int dead_reads;
	struct timespec a, b;
	if (stop_signal) {
		t->quit = true;
		return false;
	}
	if (timeout_ms != 0) /* a peek for more keys is not a wait */
		trace_wait(t);
	clock_gettime(CLOCK_MONOTONIC, &a);
	t->burst = false;
	int rc = read_char_idle(t, ch, is_key, timeout_ms);
	if (rc == STRAY_BYTE) {
		dead_reads = 0;
		note_burst_end(t);
		return false;
	}
	if (rc == ERR) {
		/* A signal, or a terminal that is gone: getch then fails at once,
		 * again and again, where a live one would have waited. */
		clock_gettime(CLOCK_MONOTONIC, &b);
		long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
		bool early = timeout_ms < 0 || ms + 20 < timeout_ms;
		dead_reads = early ? dead_reads + 1 : 0;
		if (stop_signal || dead_reads > 5)
			t->quit = true;
		return false;
	}
	dead_reads = 0;
	if (*is_key && *ch == KEY_RESIZE) {
		tui_layout(t);
		/* A resize in the middle of drawing can leave the terminal showing
		 * other than what curses believes: the next refresh repaints all. */
		clearok(curscr, TRUE);
		note_burst_end(t);
		return false; /* the caller redraws */
	}
	if (*is_key && *ch == KEY_MOUSE && !t->mouse) {
		drop_mouse_report();
		note_burst_end(t);
		return false;
	}
	if (!*is_key && *ch == 27 && !read_escape(t)) {
		note_burst_end(t); /* a paste mark or an unknown key: no key, but a burst may end */
		return false;
	}
	note_burst(t, *ch, *is_key);
	trace_key(*ch, *is_key);
	return true;
}

/* A dialog or form over the view takes no click: the event is read and
 * dropped, as a key that does nothing (the caller redraws). */
static bool drop_mouse(wint_t ch, bool is_key)
{
	if (!is_key || ch != KEY_MOUSE)
		return false;
	MEVENT ev;
	getmouse(&ev);
	return true;
}

/* While the terminal is too small nothing can be seen, so no key may act:
 * a form typed into blind, or saved, would break the promise of the screen. */
bool tui_read_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms)
{
	t->reading_text = false;
	return read_raw(t, ch, is_key, timeout_ms) && !t->too_small && !drop_mouse(*ch, *is_key);
}

bool tui_read_view_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms, bool text)
{
	t->reading_text = text;
	bool got = read_raw(t, ch, is_key, timeout_ms);
	t->reading_text = false;
	return got;
}

bool tui_read_text(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms)
{
	t->reading_text = true;
	bool got = read_raw(t, ch, is_key, timeout_ms) && !t->too_small &&
		   !drop_mouse(*ch, *is_key);
	t->reading_text = false;
	return got;
}
