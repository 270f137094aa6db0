/* load.c - many people at once on one server: the load test of issue 12.
 *
 *   cxmeet_load DB COUNCIL...
 *
 * DB is a --db argument (a PostgreSQL server's database, set up: `cxmeet
 * init`, and the councils made by its owner); each COUNCIL is one council's
 * name. In each council one facilitator runs live meetings one after the
 * other (starts one, captures items into its steps, moves from step to step,
 * ends it) and the others are members between meetings (each closes an open
 * action of their own, or adds a win). Each is a process of its own with its
 * own connection, working through the store interface as the full-screen
 * interface does: the same calls of core (meeting_begin, meeting_add_item
 * with the draft cleared in its transaction, meeting_goto, meeting_end,
 * item_set_status, store_draft_save and store_hold_beat while a form is
 * typed in) with a pause between actions, a person's time to think or type.
 *
 * Each user action is timed from its call ("Enter") until it returns,
 * committed. Every item a process saw committed (and every action it saw
 * closed) is checked afterwards, through the store, in its council: there,
 * with its text, kind and meeting (and closed). An error returned by an
 * action (what a user would see) is counted and printed; a serialization
 * failure retried inside the store is not one.
 *
 * Environment: LOAD_PROCS (processes, default 50), LOAD_SECONDS (default
 * 20), LOAD_THINK_MS (a person's pause between actions, on average; default
 * 500: far busier than people are, who type an item in tens of seconds),
 * LOAD_P99_MS (the bound, default 20).
 * Prints a table of p50, p99 and max per action and for them all; exits 1
 * when an item is lost or an action failed, 3 when all went well but p99 of
 * all actions is over the bound (a timing, which a busy machine may upset:
 * the caller may run it again), 2 on a bad setup. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cxmeet/actions.h"
#include "cxmeet/dates.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/store.h"

/* What a person does, timed. The first ones are user actions (Enter to
 * commit) held to the bound; the draft and the list are printed beside. */
enum act {
	ACT_FIRST,   /* a session's first meeting started */
	ACT_START,   /* a meeting started (open actions carried into it) */
	ACT_CAPTURE, /* an item saved in a meeting, its draft cleared */
	ACT_STEP,    /* the next step */
	ACT_END,     /* the meeting ended */
	ACT_CLOSE,   /* an action marked done between meetings */
	ACT_WIN,     /* a win added between meetings */
	ACT_ENTER_COUNT,
	ACT_DRAFT = ACT_ENTER_COUNT, /* a form's draft kept while typing */
	ACT_LIST,                    /* a member's open actions read */
	ACT_COUNT
};

static const char *const act_name[ACT_COUNT] = {
	"start 1st meeting", "start meeting", "capture item", "next step", "end meeting",
	"close action",  "add win",      "keep draft", "list my actions",
};

#define MAX_PEOPLE 64

struct load_council {
	const char *name;
	store_id facilitator;
	size_t n_members;
	store_id member[MAX_PEOPLE];
	store_id member_dept[MAX_PEOPLE];
};

/* One process's part. */
struct worker {
	int index;
	struct load_council *c;
	int member; /* -1: the facilitator */
	FILE *out;  /* what it saw: timings, items, closes, errors */
	struct store *st;
	uint64_t rng;
	double deadline;
	int think_ms;
	int seq;
	int errors;
};

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint64_t rnd(struct worker *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return w->rng;
}

/* A person's pause: think_ms on average, from half to one and a half. */
static void pause_think(struct worker *w)
{
	if (w->think_ms <= 0)
		return;
	long ms = w->think_ms / 2 + (long)(rnd(w) % (uint64_t)(w->think_ms + 1));
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static bool over(const struct worker *w) { return now_s() >= w->deadline; }

/* Ends a timing begun at t0: one line "T act us". */
static void timed(struct worker *w, enum act a, double t0)
{
	fprintf(w->out, "T %d %.0f\n", (int)a, (now_s() - t0) * 1e6);
}

/* An action that failed, as the user would be told. */
static void failed(struct worker *w, enum act a, enum store_rc rc, const char *msg)
{
	w->errors++;
	char line[512];
	snprintf(line, sizeof line, "%s (rc %d): %s", act_name[a], (int)rc,
		 msg && *msg ? msg : store_errmsg(w->st));
	for (char *p = line; *p; p++)
		if (*p == '\n')
			*p = ' ';
	fprintf(w->out, "E %s\n", line);
}

/* The text of the seq'th item of worker index: known again when checked. */
static void item_text(char *buf, size_t len, int index, int seq, enum item_kind k)
{
	snprintf(buf, len, "load p%d n%d %s", index, seq, item_kind_name(k));
}

/* An item committed: "I id kind meeting seq". */
static void saw_item(struct worker *w, const struct item *it, int seq)
{
	fprintf(w->out, "I %" PRId64 " %d %" PRId64 " %d\n", (int64_t)it->id, (int)it->kind,
		(int64_t)it->meeting_id, seq);
}

/* The form's draft kept while the facilitator types, as the form does when
 * no key is waiting: the draft, then a sign of life of the hold. */
static void keep_draft(struct worker *w, store_id meeting, const struct item *it)
{
	struct meeting_draft d = {.step_id = it->step_id, .kind = it->kind, .text = it->text};
	double t0 = now_s();
	store_no_wait(w->st, true);
	enum store_rc rc = store_draft_save(w->st, meeting, &d, clock_now());
	if (rc == STORE_OK)
		rc = store_hold_beat(w->st, meeting, clock_now());
	store_no_wait(w->st, false);
	timed(w, ACT_DRAFT, t0);
	/* Busy is not shown: the form tries again at the next pause, as
	 * typing never waits for a lock (form.c, draft_keep). */
	if (rc != STORE_OK && rc != STORE_BUSY)
		failed(w, ACT_DRAFT, rc, NULL);
}

/* One item captured in the current step, as the form saves a new one: the
 * item and the end of its draft in one transaction. */
static void capture(struct worker *w, struct meeting_run *r)
{
	static const enum item_kind kinds[] = {ITEM_ACTION, ITEM_DECISION, ITEM_ACTION,
					       ITEM_WIN,    ITEM_NOTE,     ITEM_STORY};
	struct load_council *c = w->c;
	char text[96];
	int seq = ++w->seq;
	struct item it = {.kind = kinds[rnd(w) % (sizeof kinds / sizeof kinds[0])],
			  .status = STATUS_OPEN,
			  .due = DATE_NONE,
			  .revisit = DATE_NONE,
			  .meeting_id = r->m.id,
			  .step_id = meeting_current(r)->id};
	item_text(text, sizeof text, w->index, seq, it.kind);
	it.text = text;
	size_t who = c->n_members ? (size_t)(rnd(w) % c->n_members) : 0;
	if (c->n_members) {
		it.person_id = c->member[who];
		it.dept_id = c->member_dept[who];
	}
	if (it.kind == ITEM_ACTION)
		it.due = clock_today() + 7 + (cx_date)(rnd(w) % 30);
	if (it.kind == ITEM_DECISION)
		it.revisit = clock_today() + 90;
	pause_think(w); /* typing the first words */
	keep_draft(w, r->m.id, &it);
	pause_think(w); /* the rest */
	char err[256] = "";
	double t0 = now_s();
	enum store_rc rc = store_begin(w->st);
	if (rc == STORE_OK)
		rc = meeting_add_item(w->st, &it, NULL, clock_now(), err, sizeof err);
	if (rc == STORE_OK)
		rc = store_draft_clear(w->st, r->m.id);
	if (rc == STORE_OK)
		rc = store_commit(w->st);
	if (rc != STORE_OK) {
		if (!*err)
			snprintf(err, sizeof err, "Not saved: %s", store_errmsg(w->st));
		store_rollback(w->st);
	}
	timed(w, ACT_CAPTURE, t0);
	if (rc == STORE_OK)
		saw_item(w, &it, seq);
	else
		failed(w, ACT_CAPTURE, rc, err);
}

/* Meetings one after the other until the time is up. */
static void facilitate(struct worker *w)
{
	/* The first meeting of a session: timed on a line of its own (the
	 * first use of some of what it runs, on the server). */
	for (enum act start = ACT_FIRST; !over(w) && w->errors == 0; start = ACT_START) {
		struct meeting_run r;
		pause_think(w);
		double t0 = now_s();
		enum store_rc rc = meeting_begin(w->st, 0, w->c->facilitator, clock_now(), &r);
		timed(w, start, t0);
		if (rc != STORE_OK) {
			failed(w, start, rc, NULL);
			meeting_run_free(&r);
			return;
		}
		int wrap = meeting_wrap_up_step(&r);
		for (int step = r.m.current_step; step >= 0 && !over(w);) {
			int n = (int)(rnd(w) % 3); /* 0 to 2 items in a step */
			for (int i = 0; i < n && !over(w); i++)
				capture(w, &r);
			int next = meeting_step_after(&r, step, +1);
			if (next < 0 || step == wrap)
				break;
			pause_think(w);
			t0 = now_s();
			rc = meeting_goto(&r, next, clock_now());
			timed(w, ACT_STEP, t0);
			if (rc != STORE_OK) {
				failed(w, ACT_STEP, rc, NULL);
				break;
			}
			step = next;
		}
		pause_think(w);
		t0 = now_s();
		rc = meeting_end(&r, MEETING_COMPLETED, 1 + (int)(rnd(w) % 10),
				 clock_today() + 28, clock_now());
		timed(w, ACT_END, t0);
		if (rc != STORE_OK)
			failed(w, ACT_END, rc, NULL);
		else
			fprintf(w->out, "M %" PRId64 "\n", (int64_t)r.m.id);
		meeting_run_free(&r);
	}
}

/* Between meetings: an open action of one's own marked done (picked from
 * the list of them, as the action list offers it), or a win added. */
static void member(struct worker *w)
{
	store_id me = w->c->member[w->member], dept = w->c->member_dept[w->member];
	while (!over(w) && w->errors == 0) {
		pause_think(w);
		if (rnd(w) % 2 == 0) {
			struct action_filter f = {.state = ASTATE_OPEN, .person_id = me,
						  .due_before = DATE_NONE, .today = clock_today()};
			struct action_row *rows = NULL;
			size_t n = 0;
			double t0 = now_s();
			enum store_rc rc = actions_list(w->st, &f, NULL, 20, &rows, &n);
			timed(w, ACT_LIST, t0);
			if (rc != STORE_OK) {
				failed(w, ACT_LIST, rc, NULL);
				continue;
			}
			if (n > 0) {
				store_id id = rows[rnd(w) % n].it.id;
				pause_think(w);
				t0 = now_s();
				rc = item_set_status(w->st, id, STATUS_DONE, NULL, 0, clock_now());
				timed(w, ACT_CLOSE, t0);
				if (rc == STORE_OK)
					fprintf(w->out, "C %" PRId64 "\n", (int64_t)id);
				else
					failed(w, ACT_CLOSE, rc, NULL);
			}
			action_rows_free(rows, n);
		} else {
			char text[96], err[256] = "";
			int seq = ++w->seq;
			item_text(text, sizeof text, w->index, seq, ITEM_WIN);
			struct item it = {.kind = ITEM_WIN, .text = text, .dept_id = dept,
					  .person_id = me, .status = STATUS_OPEN,
					  .due = DATE_NONE, .revisit = DATE_NONE};
			double t0 = now_s();
			enum store_rc rc = meeting_add_item(w->st, &it, NULL, clock_now(), err, sizeof err);
			timed(w, ACT_WIN, t0);
			if (rc == STORE_OK)
				saw_item(w, &it, seq);
			else
				failed(w, ACT_WIN, rc, err);
		}
	}
}

static enum store_rc open_council(const char *db, const char *council, struct store **st)
{
	char err[1024];
	setenv("CXMEET_COUNCIL", council, 1);
	enum store_rc rc = store_open_mode(db, false, st, err, sizeof err);
	if (rc != STORE_OK)
		fprintf(stderr, "load: opening council %s: %s\n", council, err);
	return rc;
}

/* The council's people: a facilitator and n members, each in one of the
 * council's departments in turn. */
static int set_up(const char *db, struct load_council *c, size_t n)
{
	struct store *st;
	if (open_council(db, c->name, &st) != STORE_OK)
		return -1;
	struct dept *depts = NULL;
	size_t n_depts = 0;
	bool created;
	/* its organisation, departments and agenda, as a first run makes them */
	enum store_rc rc = setup_ensure(st, c->name, &created);
	if (rc == STORE_OK)
		rc = store_dept_list(st, false, &depts, &n_depts);
	if (rc == STORE_OK && n_depts == 0)
		rc = store_refuse(st, STORE_ERROR, "the council has no department");
	for (size_t i = 0; rc == STORE_OK && i <= n; i++) {
		char name[64];
		if (i == 0)
			snprintf(name, sizeof name, "Facilitator of %s", c->name);
		else
			snprintf(name, sizeof name, "Member %zu of %s", i, c->name);
		struct person p = {.name = name, .dept_id = depts[i % n_depts].id,
				   .role = i == 0 ? ROLE_LEAD : ROLE_MEMBER};
		store_id id;
		rc = person_add(st, &p, &id);
		if (rc != STORE_OK)
			break;
		if (i == 0) {
			c->facilitator = id;
		} else {
			c->member[i - 1] = id;
			c->member_dept[i - 1] = p.dept_id;
		}
	}
	c->n_members = n;
	if (rc != STORE_OK)
		fprintf(stderr, "load: setting up council %s: %s\n", c->name, store_errmsg(st));
	dept_list_free(depts, n_depts);
	store_close(st);
	return rc == STORE_OK ? 0 : -1;
}

/* A process's life: connected before the start, so that the timing is of
 * the work; its time counted from the parent's go. */
static int run_worker(struct worker *w, const char *db, int ready_fd, int go_fd, int secs)
{
	char b = 'r';
	if (open_council(db, w->c->name, &w->st) != STORE_OK) {
		fprintf(w->out, "E opening the council: cannot connect\n");
		return 1;
	}
	/* the full-screen interface does this in the first pause in typing */
	if (w->member < 0)
		store_expect_meeting(w->st);
	if (write(ready_fd, &b, 1) != 1)
		return 1;
	close(ready_fd);
	while (read(go_fd, &b, 1) < 0 && errno == EINTR) /* until the parent says go */
		;
	w->deadline = now_s() + secs;
	if (w->member < 0)
		facilitate(w);
	else
		member(w);
	store_close(w->st);
	return 0;
}

/* --- the results --------------------------------------------------------- */

struct seen_item {
	int64_t id, meeting;
	int kind, worker, seq;
};

struct results {
	double *t[ACT_COUNT + 1]; /* microseconds; [ACT_COUNT]: every user action */
	size_t n[ACT_COUNT + 1], cap[ACT_COUNT + 1];
	struct seen_item *items;
	size_t n_items, cap_items;
	int64_t *closed;
	int *closed_worker;
	size_t n_closed, cap_closed;
	size_t meetings;
	size_t errors;
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 256;
	p = realloc(p, *cap * size);
	if (!p) {
		perror("load");
		exit(2);
	}
	return p;
}

static void add_time(struct results *r, int a, double us)
{
	r->t[a] = grow(r->t[a], &r->cap[a], r->n[a], sizeof(double));
	r->t[a][r->n[a]++] = us;
}

static void read_results(struct results *r, FILE *f, int worker)
{
	char line[1024];
	rewind(f);
	while (fgets(line, sizeof line, f)) {
		int a, kind, seq;
		double us;
		int64_t id, mid;
		if (sscanf(line, "T %d %lf", &a, &us) == 2 && a >= 0 && a < ACT_COUNT) {
			add_time(r, a, us);
			if (a < ACT_ENTER_COUNT)
				add_time(r, ACT_COUNT, us);
		} else if (sscanf(line, "I %" SCNd64 " %d %" SCNd64 " %d", &id, &kind, &mid, &seq) == 4) {
			r->items = grow(r->items, &r->cap_items, r->n_items, sizeof *r->items);
			r->items[r->n_items++] = (struct seen_item){id, mid, kind, worker, seq};
		} else if (sscanf(line, "C %" SCNd64, &id) == 1) {
			size_t cap = r->cap_closed;
			r->closed = grow(r->closed, &r->cap_closed, r->n_closed, sizeof *r->closed);
			r->cap_closed = cap;
			r->closed_worker = grow(r->closed_worker, &r->cap_closed, r->n_closed,
						sizeof *r->closed_worker);
			r->closed[r->n_closed] = id;
			r->closed_worker[r->n_closed++] = worker;
		} else if (line[0] == 'M') {
			r->meetings++;
		} else if (line[0] == 'E') {
			r->errors++;
			fprintf(stderr, "load: process %d: error shown to the user: %s", worker, line + 2);
		}
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (nearest rank) of n sorted values, in ms. */
static double pct(const double *v, size_t n, double p)
{
	if (n == 0)
		return 0;
	size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1] / 1000.0;
}

/* Every item seen committed is there, as it was written, in its council;
 * every action seen closed is done; and the councils hold no item that no
 * process saw committed. Returns the number lost or wrong. */
static size_t verify(const char *db, struct load_council *cs, size_t n_councils,
		     const struct worker *ws, struct results *r)
{
	size_t bad = 0;
	for (size_t c = 0; c < n_councils; c++) {
		struct store *st;
		if (open_council(db, cs[c].name, &st) != STORE_OK)
			return r->n_items + 1;
		size_t mine = 0;
		for (size_t i = 0; i < r->n_items; i++) {
			const struct seen_item *s = &r->items[i];
			if (ws[s->worker].c != &cs[c])
				continue;
			mine++;
			struct item it;
			char want[96];
			item_text(want, sizeof want, s->worker, s->seq, (enum item_kind)s->kind);
			enum store_rc rc = store_item_get(st, (store_id)s->id, &it);
			if (rc != STORE_OK) {
				fprintf(stderr, "load: LOST: item #%" PRId64 " (%s) of council %s: %s\n",
					s->id, want, cs[c].name, store_errmsg(st));
				bad++;
				continue;
			}
			if (strcmp(it.text, want) != 0 || (int)it.kind != s->kind ||
			    it.meeting_id != (store_id)s->meeting || it.deleted_at) {
				fprintf(stderr, "load: WRONG: item #%" PRId64 " is '%s', '%s' expected\n",
					s->id, it.text, want);
				bad++;
			}
			item_free(&it);
		}
		for (size_t i = 0; i < r->n_closed; i++) {
			if (ws[r->closed_worker[i]].c != &cs[c])
				continue;
			struct item it;
			enum store_rc rc = store_item_get(st, (store_id)r->closed[i], &it);
			if (rc != STORE_OK || it.status != STATUS_DONE) {
				fprintf(stderr, "load: LOST: action #%" PRId64 " of council %s closed, "
					"not done in the database\n", r->closed[i], cs[c].name);
				bad++;
			}
			if (rc == STORE_OK)
				item_free(&it);
		}
		int64_t there = 0;
		if (store_item_count(st, -1, &there) != STORE_OK || (size_t)there != mine) {
			fprintf(stderr, "load: council %s holds %" PRId64 " items, %zu seen committed\n",
				cs[c].name, there, mine);
			bad++;
		}
		store_close(st);
	}
	return bad;
}

static int env_int(const char *name, int dflt)
{
	const char *v = getenv(name);
	return v && *v ? atoi(v) : dflt;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: cxmeet_load DB COUNCIL...\n");
		return 2;
	}
	const char *db = argv[1];
	size_t n_councils = (size_t)(argc - 2);
	int procs = env_int("LOAD_PROCS", 50), secs = env_int("LOAD_SECONDS", 20);
	int think = env_int("LOAD_THINK_MS", 500), bound = env_int("LOAD_P99_MS", 20);
	if (procs < (int)n_councils || secs < 1 || (size_t)procs > n_councils * (MAX_PEOPLE + 1)) {
		fprintf(stderr, "load: %d processes for %zu councils: at least one each, at most %d\n",
			procs, n_councils, MAX_PEOPLE + 1);
		return 2;
	}
	struct load_council *cs = calloc(n_councils, sizeof *cs);
	struct worker *ws = calloc((size_t)procs, sizeof *ws);
	if (!cs || !ws)
		return 2;
	/* Processes dealt to the councils in turn: the first of each is its
	 * facilitator, the rest its members. */
	for (size_t c = 0; c < n_councils; c++) {
		cs[c].name = argv[2 + c];
		size_t members = (size_t)procs / n_councils - 1 + (c < (size_t)procs % n_councils);
		if (set_up(db, &cs[c], members) != 0)
			return 2;
	}
	size_t next_member[64 + 1] = {0};
	int go[2], ready[2];
	if (pipe(go) != 0 || pipe(ready) != 0) {
		perror("load: pipe");
		return 2;
	}
	for (int i = 0; i < procs; i++) {
		struct worker *w = &ws[i];
		size_t c = (size_t)i % n_councils;
		w->index = i;
		w->c = &cs[c];
		w->member = i < (int)n_councils ? -1 : (int)next_member[c % 65]++;
		w->think_ms = think;
		w->rng = 0x9E3779B97F4A7C15ull ^ ((uint64_t)(i + 1) * 0xBF58476D1CE4E5B9ull);
		w->out = tmpfile();
		if (!w->out) {
			perror("load: tmpfile");
			return 2;
		}
	}
	if (n_councils > 64) {
		fprintf(stderr, "load: at most 64 councils\n");
		return 2;
	}
	fflush(NULL);
	pid_t *pids = calloc((size_t)procs, sizeof *pids);
	for (int i = 0; i < procs; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("load: fork");
			return 2;
		}
		if (pid == 0) {
			close(go[1]);
			close(ready[0]);
			int rc = run_worker(&ws[i], db, ready[1], go[0], secs);
			fflush(ws[i].out);
			_exit(rc);
		}
		pids[i] = pid;
	}
	close(go[0]);
	close(ready[1]);
	/* every process connected (or gone), then go */
	char b;
	for (int n = 0; n < procs;) {
		ssize_t got = read(ready[0], &b, 1);
		if (got == 1)
			n++;
		else if (got == 0 || errno != EINTR)
			break;
	}
	close(ready[0]);
	double t0 = now_s();
	close(go[1]);
	int crashed = 0;
	for (int i = 0; i < procs; i++) {
		int status;
		while (waitpid(pids[i], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "load: process %d ended badly (status %d)\n", i, status);
			crashed++;
		}
	}
	double wall = now_s() - t0;
	struct results r = {0};
	for (int i = 0; i < procs; i++)
		read_results(&r, ws[i].out, i);
	size_t lost = verify(db, cs, n_councils, ws, &r);

	printf("load: %d processes (%zu councils: a facilitator and %zu or so members each) "
	       "for %d s (%.1f s wall), a pause of %d ms on average between actions\n",
	       procs, n_councils, (size_t)procs / n_councils - 1, secs, wall, think);
	printf("%-18s %8s %9s %9s %9s\n", "action", "count", "p50 ms", "p99 ms", "max ms");
	for (int a = 0; a <= ACT_COUNT; a++) {
		if (a == ACT_COUNT)
			printf("%-18s\n", "");
		if (r.n[a]) /* none of an action: no array to sort */
			qsort(r.t[a], r.n[a], sizeof(double), cmp_double);
		printf("%-18s %8zu %9.2f %9.2f %9.2f\n",
		       a == ACT_COUNT ? "every user action" : act_name[a], r.n[a],
		       pct(r.t[a], r.n[a], 50), pct(r.t[a], r.n[a], 99),
		       r.n[a] ? r.t[a][r.n[a] - 1] / 1000.0 : 0.0);
	}
	printf("(user actions: every one above the line but keep draft and list my actions, "
	       "from the call to its commit returning)\n");
	printf("items seen committed: %zu in %zu meetings and between them; actions closed: %zu; "
	       "lost or wrong: %zu; errors shown: %zu\n",
	       r.n_items, r.meetings, r.n_closed, lost, r.errors);
	double p99 = pct(r.t[ACT_COUNT], r.n[ACT_COUNT], 99);
	int failures = 0;
	if (lost) {
		printf("load: FAIL: %zu items lost or wrong\n", lost);
		failures++;
	}
	if (r.errors || crashed) {
		printf("load: FAIL: %zu errors shown to a user, %d processes ended badly\n", r.errors,
		       crashed);
		failures++;
	}
	if (r.n_items == 0 || r.n_closed == 0 || r.meetings == 0) {
		printf("load: FAIL: nothing of some kind was done (items, closes, meetings)\n");
		failures++;
	}
	bool slow = p99 > bound;
	if (slow)
		printf("load: FAIL: p99 %.2f ms over the bound of %d ms\n", p99, bound);
	if (!failures && !slow)
		printf("load: ok: 0 lost, 0 errors, p99 %.2f ms <= %d ms\n", p99, bound);
	for (int a = 0; a <= ACT_COUNT; a++)
		free(r.t[a]);
	free(r.items);
	free(r.closed);
	free(r.closed_worker);
	for (int i = 0; i < procs; i++)
		fclose(ws[i].out);
	free(pids);
	free(ws);
	free(cs);
	return failures ? 1 : slow ? 3 : 0;
}
