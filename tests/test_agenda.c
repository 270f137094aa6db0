/* test_agenda.c - agenda templates: the parser's error cases not covered in
 * test_core.c (each reported by line), the store's template edits (reorder,
 * rename clash, default rules, archive), a meeting started on an adjusted copy,
 * and `cxmeet agenda` export/import round trips and refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/agenda.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/names.h"
#include "cxmeet/templates.h"
#include "cxmeet/util.h"

/* --- the parser ---------------------------------------------------------- */

static void parse_bad(const char *text, int line, const char *what)
{
	char err[512] = "", want[32];
	struct agenda_template t;
	if (agenda_parse(text, &t, err, sizeof err) == 0) {
		agenda_free(&t);
		fail_msg("accepted: %.200s", text);
	}
	snprintf(want, sizeof want, "line %d: ", line);
	if (strncmp(err, want, strlen(want)) != 0 || !strstr(err, what))
		fail_msg("wanted '%s...%s', got '%s'", want, what, err);
}

static void parse__crlf_errors_name_the_right_line(void **state)
{
	(void)state;
	parse_bad("template T\r\nstep 1 topic A\r\n\r\nstep 2 nope B\r\n", 4, "unknown step kind");
	parse_bad("template T\r\nstep 999 topic A\r\n", 2, "0 to 240");
	parse_bad("# c\r\n# d\r\ntemplate T\r\n", 3, "no steps");
}

static void parse__missing_title_and_kind(void **state)
{
	(void)state;
	parse_bad("template T\nstep 5 topic\n", 2, "empty");
	parse_bad("template T\nstep 5 \n", 2, "step MINUTES KIND TITLE");
	parse_bad("template T\nstep\n", 2, "unknown line");
	/* A kind longer than any real one is unknown, not cut into a title. */
	parse_bad("template T\nstep 5 averyveryveryverylongkindnamebeyondthirtyone Title\n", 2,
		  "unknown step kind");
	parse_bad("template   \nstep 1 topic A\n", 1, "empty");
}

static void parse__too_many_steps_names_the_51st(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "template Many\n# a comment\n");
	for (int i = 0; i < AGENDA_MAX_STEPS + 5; i++)
		sb_addf(&sb, "step 1 topic T%d\n  prompt %d\n", i, i);
	/* line 1 template, 2 comment, then two lines a step: the 51st step is on line 103. */
	parse_bad(sb.s, 2 + 2 * AGENDA_MAX_STEPS + 1, "at most 50 steps");
	sb_free(&sb);
}

static void parse__long_lines_and_a_megabyte(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "template T\nstep 1 topic A\n  ");
	for (int i = 0; i < 5000; i++)
		sb_add(&sb, "x");
	sb_add(&sb, "\n");
	parse_bad(sb.s, 3, "line too long");
	sb_free(&sb);

	/* A megabyte of comments before a good template: accepted, quickly. */
	sb_init(&sb);
	for (int i = 0; i < 16384; i++)
		sb_add(&sb, "# a comment line that is exactly sixty-four bytes long.........\n");
	sb_add(&sb, "template Big\nstep 4 topic Only\n");
	struct agenda_template t;
	char err[256];
	assert_int_equal(agenda_parse(sb.s, &t, err, sizeof err), 0);
	assert_int_equal(t.n_steps, 1);
	agenda_free(&t);
	sb_free(&sb);

	/* A megabyte of prompt: too long, reported where the prompt ends. */
	sb_init(&sb);
	sb_add(&sb, "template Big\nstep 4 topic Only\n");
	for (int i = 0; i < 16384; i++)
		sb_add(&sb, "  a prompt line that goes on and on and on and on and on and on\n");
	sb_add(&sb, "step 1 topic After\n");
	parse_bad(sb.s, 2 + 16384 + 1, "too long");
	sb_free(&sb);
}

static void parse__hostile_text_survives_a_round_trip(void **state)
{
	(void)state;
	struct agenda_template t, back;
	char err[256];
	assert_int_equal(agenda_parse("template \"Q&A\", ü 王\n"
				      "step 7 topic Guest, \"quoted\" & ü\n"
				      "  # not a comment; 'quotes', commas,\n"
				      "\n"
				      "  and a second paragraph\n",
				      &t, err, sizeof err), 0);
	char *text = agenda_render(&t);
	assert_int_equal(agenda_parse(text, &back, err, sizeof err), 0);
	assert_string_equal(back.name, "\"Q&A\", ü 王");
	assert_string_equal(back.steps[0].title, "Guest, \"quoted\" & ü");
	assert_string_equal(back.steps[0].prompt, t.steps[0].prompt);
	assert_non_null(strchr(back.steps[0].prompt, '\n'));
	free(text);
	agenda_free(&t);
	agenda_free(&back);
	parse_bad("template T\nstep 1 topic A\n  \xc3\x28 bad\n", 3, "UTF-8");
	parse_bad("template T\nstep 1 topic A\x7f\n", 2, "control character");
}

/* --- agenda_check and the step helpers (core) ---------------------------- */

static void check__refuses_bad_steps(void **state)
{
	(void)state;
	struct agenda_step steps[AGENDA_MAX_STEPS + 1];
	for (int i = 0; i <= AGENDA_MAX_STEPS; i++)
		steps[i] = (struct agenda_step){.title = "T", .kind = STEP_TOPIC, .minutes = 5,
						.prompt = ""};
	struct agenda_template t = {.name = "X", .steps = steps, .n_steps = 3};
	char err[256];
	assert_int_equal(agenda_check(&t, err, sizeof err), 0);
	steps[1].minutes = 241;
	assert_int_equal(agenda_check(&t, err, sizeof err), -1);
	assert_non_null(strstr(err, "step 2"));
	steps[1].minutes = 5;
	steps[2].title = "  ";
	assert_int_equal(agenda_check(&t, err, sizeof err), -1);
	assert_non_null(strstr(err, "step 3"));
	steps[2].title = "T";
	t.n_steps = 0;
	assert_int_equal(agenda_check(&t, err, sizeof err), -1);
	t.n_steps = AGENDA_MAX_STEPS + 1;
	assert_int_equal(agenda_check(&t, err, sizeof err), -1);
	assert_non_null(strstr(err, "at most"));
}

static void helpers__insert_remove_swap_minutes(void **state)
{
	(void)state;
	struct agenda_template t = {0};
	struct agenda_step s = {.title = "A", .kind = STEP_TOPIC, .minutes = 5, .prompt = "p"};
	assert_int_equal(agenda_insert_step(&t, 0, &s), 0);
	s.title = "C";
	assert_int_equal(agenda_insert_step(&t, 9, &s), 0); /* past the end: appended */
	s.title = "B";
	s.skipped = true;
	assert_int_equal(agenda_insert_step(&t, 1, &s), 0);
	assert_string_equal(t.steps[1].title, "B");
	assert_int_equal(agenda_minutes(&t), 10); /* B is skipped */
	agenda_swap_steps(&t, 0, 2);
	assert_string_equal(t.steps[0].title, "C");
	assert_string_equal(t.steps[2].title, "A");
	agenda_remove_step(&t, 1);
	assert_int_equal(t.n_steps, 2);
	struct agenda_template copy;
	agenda_copy(&t, &copy);
	assert_string_equal(copy.steps[1].title, "A");
	assert_ptr_not_equal(copy.steps[1].title, t.steps[1].title);
	while (t.n_steps < AGENDA_MAX_STEPS)
		assert_int_equal(agenda_insert_step(&t, 0, &s), 0);
	assert_int_equal(agenda_insert_step(&t, 0, &s), -1);
	agenda_free(&t);
	agenda_free(&copy);
}

/* Minutes typed by hand: whole, 1 to 240. */
static void helpers__minutes_typed(void **state)
{
	(void)state;
	assert_int_equal(agenda_minutes_parse("12"), 12);
	assert_int_equal(agenda_minutes_parse(" 7 "), 7);
	assert_int_equal(agenda_minutes_parse("240"), 240);
	assert_int_equal(agenda_minutes_parse("241"), -1);
	assert_int_equal(agenda_minutes_parse("0"), -1);
	assert_int_equal(agenda_minutes_parse("-3"), -1);
	assert_int_equal(agenda_minutes_parse("abc"), -1);
	assert_int_equal(agenda_minutes_parse("12x"), -1);
	assert_int_equal(agenda_minutes_parse(""), -1);
	assert_int_equal(agenda_minutes_parse("99999999999999999999"), -1);
	assert_int_equal(agenda_minutes_parse("1\x1b[2J"), -1);
}

/* A meeting's copy: the wrap-up is never skipped, one step at least is kept. */
static void helpers__skip_rules(void **state)
{
	(void)state;
	struct agenda_template t = {0};
	struct agenda_step s = {.title = "Topic, \"Q\"\n", .kind = STEP_TOPIC, .minutes = 5,
				.prompt = ""};
	char err[256];
	assert_int_equal(agenda_insert_step(&t, 0, &s), 0);
	assert_int_equal(agenda_toggle_skip(&t, 0, err, sizeof err), -1);
	assert_string_equal(err, "A meeting needs at least one step.");
	s.kind = STEP_WRAP_UP;
	assert_int_equal(agenda_insert_step(&t, 1, &s), 0);
	assert_int_equal(agenda_toggle_skip(&t, 1, err, sizeof err), -1);
	assert_string_equal(err, "The wrap-up ends the meeting: it cannot be skipped.");
	assert_false(t.steps[1].skipped);
	assert_int_equal(agenda_toggle_skip(&t, 0, err, sizeof err), 0);
	assert_true(t.steps[0].skipped);
	assert_int_equal(agenda_toggle_skip(&t, 0, err, sizeof err), 0); /* kept again */
	assert_false(t.steps[0].skipped);
	assert_int_equal(agenda_toggle_skip(&t, 2, err, sizeof err), -1);
	agenda_free(&t);
}

/* --- the store ----------------------------------------------------------- */

static store_id find(struct store *st, const char *name)
{
	store_id id = 0;
	assert_int_equal(template_find(st, name, &id), STORE_OK);
	return id;
}

static void store__reorder_saves_every_step_in_order(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id id = find(st, "standard council meeting");
	struct agenda_template t;
	assert_int_equal(store_template_get(st, id, &t), STORE_OK);
	agenda_swap_steps(&t, 1, 2);
	assert_int_equal(template_save_steps(st, id, &t), STORE_OK);
	struct agenda_template back;
	assert_int_equal(store_template_get(st, id, &back), STORE_OK);
	assert_int_equal(back.n_steps, 10);
	assert_string_equal(back.steps[1].title, "Customer story");
	assert_string_equal(back.steps[2].title, "Mission moment");
	assert_string_equal(back.steps[2].prompt, t.steps[2].prompt);
	agenda_free(&back);

	/* Refused steps leave the template as it was. */
	free(t.steps[4].title);
	t.steps[4].title = xstrdup("");
	assert_int_equal(template_save_steps(st, id, &t), STORE_INVALID);
	t.steps[4].title = (free(t.steps[4].title), xstrdup("Fine"));
	t.steps[3].minutes = 999;
	assert_int_equal(template_save_steps(st, id, &t), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(st), "0 to 240"));
	assert_int_equal(store_template_get(st, id, &back), STORE_OK);
	assert_string_equal(back.steps[4].title, "Initiatives");
	assert_int_equal(back.steps[3].minutes, 10);
	agenda_free(&back);
	agenda_free(&t);
	assert_int_equal(template_save_steps(st, 9999, &back), STORE_INVALID);
	store_close(st);
}

static void store__rename_clash_is_case_insensitive(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id std = find(st, "Standard council meeting"), q;
	assert_int_equal(template_copy(st, std, "Quarterly review", &q), STORE_OK);
	assert_int_equal(template_rename(st, q, "STANDARD Council meeting"), STORE_DUPLICATE);
	assert_non_null(strstr(store_errmsg(st), "already exists"));
	assert_int_equal(template_copy(st, std, "quarterly REVIEW", NULL), STORE_DUPLICATE);
	assert_int_equal(template_rename(st, q, "  "), STORE_INVALID);
	assert_int_equal(template_rename(st, q, "Quarterly, \"deep\" review"), STORE_OK);
	assert_int_equal(find(st, "quarterly, \"DEEP\" review"), q);
	/* Renaming to its own name in another case is fine. */
	assert_int_equal(template_rename(st, q, "QUARTERLY, \"deep\" REVIEW"), STORE_OK);
	struct template_info *ti;
	size_t n;
	assert_int_equal(store_template_list(st, &ti, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ti[0].name, "QUARTERLY, \"deep\" REVIEW");
	assert_int_equal(ti[0].n_steps, 10);
	template_list_free(ti, n);
	store_close(st);
}

static void store__always_exactly_one_default(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id std = find(st, "Standard council meeting"), q, d;
	assert_int_equal(template_copy(st, std, "Quarterly review", &q), STORE_OK);
	assert_int_equal(store_template_default(st, &d), STORE_OK);
	assert_int_equal(d, std);
	assert_int_equal(store_template_archive(st, std), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(st), "default"));
	assert_int_equal(store_template_set_default(st, q), STORE_OK);
	assert_int_equal(store_template_set_default(st, q), STORE_OK); /* again: no change */
	assert_int_equal(store_template_default(st, &d), STORE_OK);
	assert_int_equal(d, q);
	struct template_info *ti;
	size_t n, defaults = 0;
	assert_int_equal(store_template_list(st, &ti, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		defaults += ti[i].is_default;
	assert_int_equal(defaults, 1);
	template_list_free(ti, n);
	assert_int_equal(store_template_set_default(st, 4242), STORE_NOTFOUND);
	assert_int_equal(store_template_default(st, &d), STORE_OK);
	assert_int_equal(d, q);
	store_close(st);
}

static void store__archive_hides_and_frees_the_name(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id std = find(st, "Standard council meeting"), q, q2, id;
	assert_int_equal(template_copy(st, std, "Quarterly review", &q), STORE_OK);
	assert_int_equal(store_template_archive(st, q), STORE_OK);
	assert_int_equal(template_find(st, "Quarterly review", &id), STORE_NOTFOUND);
	struct template_info *ti;
	size_t n;
	assert_int_equal(store_template_list(st, &ti, &n), STORE_OK);
	assert_int_equal(n, 1);
	template_list_free(ti, n);
	assert_int_equal(store_template_archive(st, q), STORE_NOTFOUND);
	assert_int_equal(store_template_set_default(st, q), STORE_NOTFOUND);
	assert_int_equal(template_rename(st, q, "Back"), STORE_NOTFOUND);
	/* The name is free for a new template; the archived one keeps its steps. */
	assert_int_equal(template_copy(st, std, "Quarterly review", &q2), STORE_OK);
	assert_true(q2 != q);
	struct agenda_template t;
	assert_int_equal(store_template_get(st, q, &t), STORE_OK);
	assert_int_equal(t.n_steps, 10);
	agenda_free(&t);
	store_close(st);
}

static void store__meeting_on_adjusted_copy_leaves_template(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id std = find(st, "Standard council meeting");
	struct agenda_template t, back;
	assert_int_equal(store_template_get(st, std, &t), STORE_OK);
	t.steps[0].skipped = true;
	t.steps[1].skipped = true;
	t.steps[3].minutes = 30;
	struct agenda_step guest = {.title = "Guest, \"Billing\"", .kind = STEP_TOPIC,
				    .minutes = 12, .prompt = ""};
	assert_int_equal(agenda_insert_step(&t, 8, &guest), 0);
	struct meeting_run run;
	assert_int_equal(meeting_begin_agenda(st, std, &t, 0, tu_at("2026-11-23T10:00:00Z"), &run),
			 STORE_OK);
	assert_int_equal(run.n_steps, 11);
	assert_int_equal(run.m.current_step, 2); /* the first step not skipped */
	assert_true(run.steps[0].skipped && run.steps[1].skipped && !run.steps[2].skipped);
	assert_int_equal(run.steps[3].planned_minutes, 30);
	assert_string_equal(run.steps[8].title, "Guest, \"Billing\"");
	assert_int_equal(meeting_planned_minutes(&run), 70 - 3 - 2 + 20 + 12);
	assert_int_equal(meeting_step_after(&run, 2, -1), -1);
	assert_int_equal(meeting_step_after(&run, 2, 1), 3);
	assert_int_equal(meeting_step_after(&run, 10, 1), -1);
	/* A skipped step cannot be reached by a jump either: it stays skipped, not done. */
	assert_int_equal(meeting_goto(&run, 0, tu_at("2026-11-23T10:01:00Z")), STORE_INVALID);
	assert_int_equal(run.m.current_step, 2);
	assert_false(run.steps[0].done);
	/* The minutes mark the skipped steps and leave them out of the planned total. */
	char *md;
	assert_int_equal(minutes_markdown(st, run.m.id, &md), STORE_OK);
	assert_non_null(strstr(md, "| Welcome & roll call | 3 | 0 | skipped |"));
	assert_non_null(strstr(md, "| **Total** | 97 |"));
	free(md);
	meeting_run_free(&run);
	assert_int_equal(store_template_get(st, std, &back), STORE_OK);
	assert_int_equal(back.n_steps, 10);
	assert_int_equal(back.steps[3].minutes, 10);
	agenda_free(&back);
	agenda_free(&t);
	store_close(st);
}

/* A template edited without its wrap-up: the meeting's copy gets one last, so
 * that the meeting can be rated and ended; the template keeps its steps. */
static void store__meeting_without_wrap_up_gets_one(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	store_id std = find(st, "Standard council meeting");
	struct agenda_template t, back;
	assert_int_equal(store_template_get(st, std, &t), STORE_OK);
	agenda_remove_step(&t, 9); /* the wrap-up */
	free(t.steps[8].title);
	t.steps[8].title = xstrdup("Topic, \"Q\" \xc3\xbc");
	struct meeting_run run;
	assert_int_equal(template_save_steps(st, std, &t), STORE_OK);
	assert_int_equal(meeting_begin_agenda(st, std, &t, 0, tu_at("2026-11-23T10:00:00Z"), &run),
			 STORE_OK);
	assert_int_equal(run.n_steps, 10);
	assert_int_equal(run.steps[9].kind, STEP_WRAP_UP);
	assert_string_equal(run.steps[8].title, "Topic, \"Q\" \xc3\xbc");
	assert_int_equal(meeting_wrap_up_step(&run), 9);
	assert_int_equal(meeting_planned_minutes(&run), 70);
	meeting_run_free(&run);
	assert_int_equal(store_template_get(st, std, &back), STORE_OK);
	assert_int_equal(back.n_steps, 9);
	agenda_free(&back);
	agenda_free(&t);
	store_close(st);
}

/* --- the command line ---------------------------------------------------- */

static char *db, *out_path, *err_path;

static int run(const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out_path, err_path, first, ap);
	va_end(ap);
	return rc;
}

static char *slurp(const char *path)
{
	char *s = tu_slurp(path, NULL);
	assert_non_null(s);
	return s;
}

/* Whether the last run's stderr holds needle. */
static bool err_has(const char *needle)
{
	char *e = slurp(err_path);
	bool found = strstr(e, needle) != NULL;
	free(e);
	return found;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
}

/* Every template's name and steps, as text, to compare whole databases. */
static char *dump_templates(void)
{
	struct store *st;
	char err[256];
	assert_int_equal(store_open(db, &st, err, sizeof err), STORE_OK);
	struct template_info *ti;
	size_t n;
	assert_int_equal(store_template_list(st, &ti, &n), STORE_OK);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		struct agenda_template t;
		assert_int_equal(store_template_get(st, ti[i].id, &t), STORE_OK);
		char *text = agenda_render(&t);
		sb_addf(&sb, "%d\n%s", ti[i].is_default, text);
		free(text);
		agenda_free(&t);
	}
	template_list_free(ti, n);
	store_close(st);
	return sb_take(&sb);
}

static void cli_setup(void)
{
	free(db);
	db = tu_new_path();
	assert_int_equal(run("init", NULL), 0);
}

static void cli__export_import_round_trip(void **state)
{
	(void)state;
	cli_setup();
	char *file = xasprintf("%s/std.txt", tu_dir());
	assert_int_equal(run("agenda", "export", "standard COUNCIL meeting", "-o", file, NULL), 0);
	assert_int_equal(run("agenda", "export", "Standard council meeting", "-o", file, NULL),
			 EXIT_USAGE);
	assert_true(err_has("--force"));
	assert_int_equal(run("agenda", "export", "Standard council meeting", "-o", file, "--force",
			     NULL), 0);
	assert_int_equal(run("agenda", "import", file, NULL), EXIT_USAGE); /* the name exists */
	assert_true(err_has("already exists"));
	assert_int_equal(run("agenda", "import", file, "--name", "Copy, \"two\" ü", NULL), 0);
	struct store *st;
	char err[256];
	assert_int_equal(store_open(db, &st, err, sizeof err), STORE_OK);
	struct agenda_template a, b;
	store_id ia, ib;
	assert_int_equal(template_find(st, "Standard council meeting", &ia), STORE_OK);
	assert_int_equal(template_find(st, "copy, \"TWO\" Ü", &ib), STORE_OK);
	assert_int_equal(store_template_get(st, ia, &a), STORE_OK);
	assert_int_equal(store_template_get(st, ib, &b), STORE_OK);
	assert_int_equal(a.n_steps, b.n_steps);
	for (size_t i = 0; i < a.n_steps; i++) {
		assert_string_equal(a.steps[i].title, b.steps[i].title);
		assert_string_equal(a.steps[i].prompt, b.steps[i].prompt);
		assert_int_equal(a.steps[i].kind, b.steps[i].kind);
		assert_int_equal(a.steps[i].minutes, b.steps[i].minutes);
	}
	agenda_free(&a);
	agenda_free(&b);
	store_close(st);

	/* export to stdout is the same text as the file */
	assert_int_equal(run("agenda", "export", "Standard council meeting", NULL), 0);
	char *f = slurp(file), *o = slurp(out_path);
	assert_string_equal(f, o);
	free(f);
	free(o);

	/* --replace replaces the steps of the existing one */
	write_file(file, "template Standard council meeting\nstep 9 topic Only one\n", 56);
	assert_int_equal(run("agenda", "import", file, "--replace", NULL), 0);
	char *dump = dump_templates();
	assert_non_null(
		strstr(dump, "1\ntemplate Standard council meeting\n\nstep 9 topic Only one\n"));
	free(dump);
	free(file);
}

static void cli__import_errors_by_line_change_nothing(void **state)
{
	(void)state;
	cli_setup();
	char *before = dump_templates();
	char *file = xasprintf("%s/bad.txt", tu_dir());
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{"template X\nstep 1 topic A\n\nstep 2 party B\n", ":4: unknown step kind 'party'"},
		{"template X\nstep 241 topic A\n", ":2: planned minutes must be 0 to 240"},
		{"template X\n", ":1: the agenda has no steps"},
		{"template X\r\nstep 1 topic A\r\n  bad \x1b[2J\r\n", ":3: "},
		{"template X\nstep 1 topic Caf\xe9\n", ":2: not valid UTF-8"},
		{"step 1 topic A\n", ":1: no 'template NAME'"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		write_file(file, cases[i].text, strlen(cases[i].text));
		assert_int_equal(run("agenda", "import", file, NULL), EXIT_USAGE);
		char *e = slurp(err_path);
		if (!strstr(e, cases[i].want) || !strstr(e, "bad.txt"))
			fail_msg("case %zu: wanted '%s' in '%s'", i, cases[i].want, e);
		assert_null(strchr(e, '\x1b')); /* the message is sanitised */
		free(e);
	}
	/* A NUL byte would end the text early: refused by line too. */
	write_file(file, "template X\nstep 1 topic A\n\0step 2 topic B\n", 42);
	assert_int_equal(run("agenda", "import", file, NULL), EXIT_USAGE);
	assert_true(err_has("bad.txt:3: a NUL byte"));
	assert_int_equal(run("agenda", "import", "/nonexistent/x.txt", NULL), EXIT_USAGE);
	/* A folder opens but cannot be read: the message says why. */
	assert_int_equal(run("agenda", "import", "/tmp", NULL), EXIT_USAGE);
	assert_true(err_has("cannot read /tmp: Is a directory"));
	char *after = dump_templates();
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(file);
}

static void cli__list_default_copy_rename_archive(void **state)
{
	(void)state;
	cli_setup();
	assert_int_equal(run("agenda", "copy", "Standard council meeting", "Review, \"Q4\"", NULL), 0);
	assert_int_equal(run("agenda", "list", "--format", "csv", NULL), 0);
	char *o = slurp(out_path);
	assert_string_equal(o, "id,name,default,steps,minutes\r\n"
			       "2,\"Review, \"\"Q4\"\"\",0,10,70\r\n"
			       "1,Standard council meeting,1,10,70\r\n");
	free(o);
	assert_int_equal(run("agenda", "list", "--format", "json", NULL), 0);
	o = slurp(out_path);
	assert_non_null(strstr(o, "{\"id\": 2, \"name\": \"Review, \\\"Q4\\\"\", \"default\": false"));
	free(o);
	assert_int_equal(run("agenda", "archive", "Standard council meeting", NULL), EXIT_USAGE);
	assert_int_equal(run("agenda", "default", "review, \"q4\"", NULL), 0);
	assert_int_equal(run("agenda", "archive", "Standard council meeting", NULL), 0);
	assert_int_equal(run("agenda", "rename", "Review, \"Q4\"", "Standard COUNCIL meeting", NULL),
			 0); /* the archived one's name is free again */
	assert_int_equal(run("agenda", "show", "standard council meeting", NULL), 0);
	o = slurp(out_path);
	assert_non_null(strstr(o, "10. Wrap-up"));
	assert_non_null(strstr(o, "10 steps, 70 minutes planned."));
	free(o);
	assert_int_equal(run("agenda", "show", "Nope \x1b[2J", NULL), EXIT_USAGE);
	assert_false(err_has("\x1b"));
	assert_int_equal(run("agenda", "copy", "Standard council meeting", NULL), EXIT_USAGE);
	assert_int_equal(run("agenda", "list", "--force", NULL), EXIT_USAGE);
	assert_int_equal(run("agenda", "frobnicate", NULL), EXIT_USAGE);
	assert_int_equal(run("agenda", "list", "--format", "xml", NULL), EXIT_USAGE);
}

int main(void)
{
	tu_init("agenda");
	out_path = xasprintf("%s/stdout.txt", tu_dir());
	err_path = xasprintf("%s/stderr.txt", tu_dir());
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__crlf_errors_name_the_right_line),
		cmocka_unit_test(parse__missing_title_and_kind),
		cmocka_unit_test(parse__too_many_steps_names_the_51st),
		cmocka_unit_test(parse__long_lines_and_a_megabyte),
		cmocka_unit_test(parse__hostile_text_survives_a_round_trip),
		cmocka_unit_test(check__refuses_bad_steps),
		cmocka_unit_test(helpers__insert_remove_swap_minutes),
		cmocka_unit_test(helpers__skip_rules),
		cmocka_unit_test(helpers__minutes_typed),
		cmocka_unit_test(store__reorder_saves_every_step_in_order),
		cmocka_unit_test(store__rename_clash_is_case_insensitive),
		cmocka_unit_test(store__always_exactly_one_default),
		cmocka_unit_test(store__archive_hides_and_frees_the_name),
		cmocka_unit_test(store__meeting_on_adjusted_copy_leaves_template),
		cmocka_unit_test(store__meeting_without_wrap_up_gets_one),
		cmocka_unit_test(cli__export_import_round_trip),
		cmocka_unit_test(cli__import_errors_by_line_change_nothing),
		cmocka_unit_test(cli__list_default_copy_rename_archive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
