/* tui.c - starting and ending curses, the terminal's modes restored on a
 * fatal signal, and the main loop: the view shown gets each key first, then
 * help, redraw and quit. The screen under the views is screen.c; views live
 * in view_*.c, widgets in dialog.c and form.c. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "draw.h"
#include "screen.h"
#include "views.h"
#include <term.h> /* setupterm: after curses.h */
#include "cxmeet/meeting.h"
#include "cxmeet/roster.h"
#include "cxmeet/text.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

static bool curses_on;
/* --- a fatal signal ------------------------------------------------------ */

/* What a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) must undo before
 * the process dies: the terminal's modes as the shell had them, and the
 * screen, cursor and paste mode curses changed. Prepared at start, because a
 * signal handler may only call async-signal-safe functions (tcsetattr,
 * write, sigaction, raise). */
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction fatal_old[N_FATAL];
static struct termios shell_modes;
static bool shell_modes_saved;
static char fatal_reset[128];
static size_t fatal_reset_len;

static void reset_add(const char *cap)
{
	size_t n = cap && cap != (char *)-1 ? strlen(cap) : 0;
	if (n && fatal_reset_len + n < sizeof fatal_reset) {
		memcpy(fatal_reset + fatal_reset_len, cap, n);
		fatal_reset_len += n;
	}
}

static void on_fatal(int sig)
{
	static const char msg[] = "\r\ncxmeet: stopped by a fatal error; everything shown as "
				  "saved is in the database\r\n";
	if (shell_modes_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &shell_modes);
	if (write(STDOUT_FILENO, fatal_reset, fatal_reset_len) < 0 ||
	    write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nothing more can be done about a terminal that is gone */
	}
	/* The handler that was there before (the default, or a sanitizer's)
	 * then does what it does: a core dump, a report. */
	for (size_t i = 0; i < N_FATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &fatal_old[i], NULL);
	raise(sig);
}

/* Before curses changes the terminal: remembers the shell's modes. */
static void fatal_save_modes(void)
{
	shell_modes_saved = tcgetattr(STDIN_FILENO, &shell_modes) == 0;
}

/* After curses has started: what undoing its changes takes, and the handlers. */
static void fatal_arm(void)
{
	fatal_reset_len = 0;
	reset_add("\033[?2004l"); /* paste marks off */
	reset_add("\033[?1000l\033[?1006l"); /* mouse reports off */
	reset_add("\033[0m");
	reset_add(tigetstr("cnorm"));
	reset_add(tigetstr("rmkx"));
	reset_add(tigetstr("rmcup"));
	struct sigaction sa = {.sa_handler = on_fatal};
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_FATAL; i++)
		sigaction(fatal_signals[i], &sa, &fatal_old[i]);
}

static void fatal_disarm(void)
{
	for (size_t i = 0; i < N_FATAL; i++)
		sigaction(fatal_signals[i], &fatal_old[i], NULL);
}

static void tui_end(void)
{
	if (curses_on) {
		tui_paste_mode(false);
		endwin();
		curses_on = false;
	}
}

/* Whether the schema was damaged (an object dropped or altered by another
 * program) while the interface ran: it then ends, and says what is wrong,
 * rather than run queries on it. One PRAGMA when nothing changed. */
static bool schema_damaged(struct tui *t)
{
	if (store_verify(t->st) == STORE_CORRUPT)
		t->damaged = t->quit = true;
	return t->damaged;
}

static int tui_finish(struct tui *t, struct store *st);

/* --- the mouse ------------------------------------------------------------ */

/* The wheel moves this many rows a notch, as in htop and tig. */
#define WHEEL_ROWS 3

/* Clicks (button 1 pressed: the row is chosen at once, no wait for a double
 * click) and the wheel (buttons 4 and 5). */
static void mouse_start(struct tui *t)
{
	if (!t->mouse)
		return;
	mouseinterval(0);
	if (!mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL))
		t->mouse = false; /* a terminal without a mouse */
}

/* What the view left of a key's action: help, redraw, or quit from the
 * first view. */
static void shared_action(struct tui *t, enum action a)
{
	if (a == ACT_HELP)
		tui_help(t);
	else if (a == ACT_REDRAW)
		clear();
	else if (a == ACT_QUIT && !t->view->parent) /* back from the first view */
		t->quit = true;
}

/* The view gets the key as if it were typed: the mouse does what the keys
 * do, in every view, with the view's own rules (a follower moves its cursor
 * but changes no step). False when the view changed or the program ends. */
static bool mouse_key(struct tui *t, int key)
{
	const struct view *before = t->view;
	enum action a = keymap_lookup((wint_t)key, true);
	if (t->view->ops->key)
		a = t->view->ops->key(t, (wint_t)key, true, a);
	shared_action(t, a);
	return t->view == before && !t->quit;
}

static const struct tui_area *area_at(const struct tui *t, int y, int x)
{
	for (size_t i = t->n_areas; i-- > 0;) { /* the last drawn is on top */
		const struct tui_area *a = &t->areas[i];
		if (y >= a->y && y < a->y + a->h && x >= a->x && x < a->x + a->w)
			return a;
	}
	return NULL;
}

/* A click on a list's row moves its cursor there, a row at a time (so that a
 * list read a page at a time reads what the keys would), and on a menu's
 * entry under the cursor opens it; on an agenda step, the view goes there.
 * The wheel moves the cursor, or scrolls a view without one, as the arrow
 * keys do. */
static void mouse_event(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int key = ev.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN;
		for (int i = 0; i < WHEEL_ROWS && mouse_key(t, key); i++)
			;
		return;
	}
	if (!(ev.bstate & BUTTON1_PRESSED))
		return;
	const struct tui_area *hit = area_at(t, ev.y, ev.x);
	if (!hit)
		return;
	struct tui_area a = *hit; /* a dialog the keys open redraws the areas */
	int index = a.rows ? a.rows[ev.y - a.y] : a.top + (ev.y - a.y);
	if (index < 0 || (size_t)index >= a.n)
		return;
	if (a.kind != AREA_LIST) {
		if (t->view->ops->click)
			t->view->ops->click(t, &a, index);
		return;
	}
	if (index == a.sel && a.open) {
		mouse_key(t, KEY_ENTER);
		return;
	}
	int key = index > a.sel ? KEY_DOWN : KEY_UP;
	for (int i = abs(index - a.sel); i > 0 && mouse_key(t, key); i--)
		;
}

static void run_loop(struct tui *t)
{
	while (!t->quit && !tui_stop_asked()) {
		if (schema_damaged(t))
			break;
		tui_redraw(t);
		doupdate();
		wint_t ch;
		bool is_key;
		const struct view_ops *v = t->view->ops;
		bool got = tui_read_view_key(t, &ch, &is_key, v->tick_ms ? v->tick_ms : 1000,
					     v->typing ? v->typing(t) : v->text_input);
		if (schema_damaged(t))
			break;
		if (!got) {
			if (v->tick)
				v->tick(t);
			continue;
		}
		if (is_key && ch == KEY_MOUSE) {
			/* never pasted text, nor a click on a screen too small to show
			 * what it would land on */
			if (t->mouse && !tui_pasted(t) && !t->too_small) {
				t->flash[0] = '\0';
				mouse_event(t);
			} else {
				MEVENT ev;
				getmouse(&ev);
			}
			continue;
		}
		if (tui_pasted(t) && !v->text_input)
			continue; /* pasted text is not a command */
		if (t->too_small) {
			/* q quits from home only: a live meeting asks first, on a screen
			 * big enough to show the question. */
			if (!is_key && ch == 'q' && !t->view->parent)
				t->quit = true;
			continue;
		}
		t->flash[0] = '\0';
		enum action a = keymap_lookup(ch, is_key);
		if (v->key)
			a = v->key(t, ch, is_key, a);
		shared_action(t, a);
	}
}

/* TERM as it may be shown in a message: printable ASCII only, at most 40
 * bytes, so that a hostile value cannot drive the terminal it is printed on. */
static void term_name(const char *term, char *buf, size_t len)
{
	size_t n = 0;
	for (const char *p = term; *p && n + 4 < len && p - term < 40; p++)
		buf[n++] = *p >= 0x20 && *p < 0x7f ? *p : '?';
	if (strlen(term) > 40 && n + 3 < len)
		buf[n++] = '.', buf[n++] = '.', buf[n++] = '.';
	buf[n] = '\0';
}

/* Whether the terminal named by TERM can show the interface: known to
 * terminfo, not hardcopy or generic, and with cursor addressing. Looked up
 * before curses starts, which on an unusable terminal would print its own
 * error and exit; a refusal says why and what to use instead. */
bool tui_terminal_usable(void)
{
	static const char *const hint =
		"use the commands instead, e.g. 'cxmeet status' (see 'cxmeet help')";
	const char *term = getenv("TERM");
	char name[64];
	int err = 0;
	if (!term || !*term) {
		fprintf(stderr, "cxmeet: TERM is not set, so the full-screen interface cannot start; "
				"set it to your terminal's type (e.g. TERM=xterm-256color), or %s\n",
			hint);
		return false;
	}
	term_name(term, name, sizeof name);
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		if (err == -1)
			fprintf(stderr, "cxmeet: no terminfo database was found, so the full-screen "
					"interface cannot start on the terminal '%s'; %s\n",
				name, hint);
		else if (err == 1)
			fprintf(stderr, "cxmeet: the terminal '%s' cannot show the full-screen interface "
					"(it is a hardcopy terminal); %s\n",
				name, hint);
		else
			fprintf(stderr, "cxmeet: the terminal type '%s' is unknown here (no terminfo "
					"entry), so the full-screen interface cannot start; set TERM to "
					"your terminal's type, or %s\n",
				name, hint);
		return false;
	}
	const char *cup = tigetstr("cup");
	const char *why = NULL;
	if (tigetflag("hc") > 0)
		why = "it is a hardcopy terminal";
	else if (tigetflag("gn") > 0)
		why = "it is a generic type, not a real terminal";
	else if (!cup || cup == (const char *)-1)
		why = "it has no cursor addressing";
	del_curterm(cur_term);
	if (why) {
		fprintf(stderr, "cxmeet: the terminal '%s' cannot show the full-screen interface "
				"(%s); %s\n",
			name, why, hint);
		return false;
	}
	return true;
}

/* The interface, with the home screen first, or (present) only the
 * presenter view; with mouse, clicks and the wheel. */
static int tui_main(struct store *st, bool present, bool mouse)
{
	struct tui t = {.st = st, .mouse = mouse};
	if (!tui_terminal_usable())
		return EXIT_USAGE;
	struct council c;
	if (store_names_server(store_path(st)) && store_council_current(st, &c) == STORE_OK) {
		snprintf(t.council, sizeof t.council, ": %s", c.name);
		council_free(&c);
	}
	fatal_save_modes();
	/* newterm, unlike initscr, returns on failure instead of exiting. */
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "cxmeet: cannot start the full-screen interface on this terminal; "
				"use the commands instead, e.g. 'cxmeet status'\n");
		return EXIT_USAGE;
	}
	curses_on = true;
	util_set_die_hook(tui_end);
	raw();
	noecho();
	keypad(stdscr, TRUE);
	nonl();
	curs_set(0);
	set_escdelay(50);
	tui_paste_mode(true);
	mouse_start(&t);
	theme_init();
	tui_layout(&t);
	tui_catch_stop_signals();
	fatal_arm();
	if (present) {
		tui_view_make(&t, &view_present);
		present_view_open(&t);
		run_loop(&t);
		return tui_finish(&t, st);
	}
	store_defer_checkpoints(st);
	store_id mid;
	if (store_meeting_in_progress(st, &mid) == STORE_OK)
		tui_flash(&t, false, "A meeting is in progress: press Enter to resume it.");
	/* Every view, made once: each keeps its state from one opening to the
	 * next, as the screen it is. */
	static const struct view_ops *const views[] = {
		&view_home, &view_meeting, &view_cadence, &view_actions, &view_decisions,
		&view_people, &view_stakeholders, &view_council, &view_setup, &view_history,
		&view_agenda, &view_prepare, &view_ledger,
	};
	for (size_t i = 0; i < ARRAY_SIZE(views); i++)
		tui_view_make(&t, views[i]);
	tui_open_view(&t, &view_home);
	struct org org;
	if (store_org_get(st, &org) == STORE_OK) {
		if (setup_pending(org.setup_step))
			setup_view_open(&t, org.setup_step);
		org_free(&org);
	}
	run_loop(&t);
	return tui_finish(&t, st);
}

int tui_run(struct store *st, bool mouse) { return tui_main(st, false, mouse); }

/* The presenter has nothing to click: the mouse stays the terminal's, to
 * select and copy. */
int tui_present(struct store *st) { return tui_main(st, true, false); }

/* After the main loop: curses ended, and a damaged schema said. */
static int tui_finish(struct tui *t, struct store *st)
{
	tui_views_free(t);
	tui_end();
	fatal_disarm();
	util_set_die_hook(NULL);
	if (t->damaged) { /* after endwin: printed on the shell's screen */
		char *safe = text_printable(store_errmsg(st));
		fprintf(stderr, "cxmeet: %s\n", safe);
		free(safe);
		return EXIT_DAMAGED;
	}
	return EXIT_OK;
}
