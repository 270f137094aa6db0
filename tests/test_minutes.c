/* test_minutes.c - Markdown minutes (core/minutes.c) of a meeting built on a
 * real temporary database: sections, values, escaping of user text, what is
 * left out; and `cxmeet show`, run in-process, printing and saving them. */
#include <dirent.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

static char *db;  /* the database the group setup builds */
static char *md;  /* its last meeting's minutes */
static char *json; /* and as JSON */
static store_id first_meeting;

/* --- building the meeting ----------------------------------------------- */

#define at tu_at

static store_id dept_id(struct store *st, const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static store_id person(struct store *st, const char *name, const char *dept, enum role role)
{
	struct person p = {.name = (char *)name, .dept_id = dept_id(st, dept), .role = role,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	store_id id;
	assert_int_equal(person_add(st, &p, &id), STORE_OK);
	return id;
}

/* Adds an item; dept may be NULL. */
static store_id item(struct store *st, store_id meeting, enum item_kind kind, const char *text,
		     const char *dept, store_id who, time_t when)
{
	struct item it = {.kind = kind, .text = (char *)text, .person_id = who,
			  .dept_id = dept ? dept_id(st, dept) : 0, .due = DATE_NONE,
			  .revisit = DATE_NONE, .meeting_id = meeting};
	if (kind == ITEM_ACTION)
		it.due = date_from_ymd(2026, 11, 30);
	assert_int_equal(item_add(st, &it, when), STORE_OK);
	return it.id;
}

static void set_fields(struct store *st, store_id id, const char *detail, const char *rationale,
		       cx_date due, cx_date revisit, bool consent, store_id meeting, time_t when)
{
	struct item it;
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	struct item want = it;
	want.detail = (char *)detail;
	want.rationale = (char *)rationale;
	want.due = due;
	want.revisit = revisit;
	want.consent = consent;
	assert_int_equal(item_update(st, &want, meeting, when), STORE_OK);
	item_free(&it);
}

static store_id earlier_meeting(struct store *st, store_id ana, store_id *fix, store_id *faq)
{
	struct meeting_run r;
	time_t t = at("2026-11-16T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	*fix = item(st, r.m.id, ITEM_ACTION, "Fix the returns form", "Sales", ana, t + 60);
	*faq = item(st, r.m.id, ITEM_ACTION, "Publish the FAQ", "Sales", ana, t + 70);
	item(st, r.m.id, ITEM_ACTION, "Untouched action", "Sales", ana, t + 80);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 6, DATE_NONE, t + 3600), STORE_OK);
	store_id id = r.m.id;
	meeting_run_free(&r);
	return id;
}

static void capture_items(struct store *st, store_id m, time_t t, store_id ana, store_id ben,
			  store_id cleo)
{
	store_id story = item(st, m, ITEM_STORY, "Customer waited 3 weeks", "Sales", ana, t);
	set_fields(st, story, "She said: *bold* | pipe # hash\n\n- not a list\n1. nor this",
		   NULL, DATE_NONE, DATE_NONE, false, m, t);
	store_id named = item(st, m, ITEM_STORY, "Named with consent", "Sales", ana, t + 1);
	set_fields(st, named, NULL, NULL, DATE_NONE, DATE_NONE, true, m, t + 1);
	store_id dec = item(st, m, ITEM_DECISION, "Move returns to the courier portal",
			    "Operations", cleo, t + 2);
	set_fields(st, dec, NULL, "Cheaper_and faster", DATE_NONE, date_from_ymd(2027, 1, 10),
		   false, m, t + 2);
	store_id act = item(st, m, ITEM_ACTION, "Call back [urgent] customers", "IT", ben, t + 3);
	set_fields(st, act, NULL, NULL, date_from_ymd(2026, 12, 7), DATE_NONE, false, m, t + 3);
	store_id win = item(st, m, ITEM_WIN, "Fixed the `login` bug", "IT", ben, t + 4);
	/* story -> action -> win */
	assert_int_equal(store_item_link(st, act, named, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, win, act, LINK_AROSE_FROM), STORE_OK);
	item(st, m, ITEM_INSIGHT, "Calls up after_price_change", NULL, 0, t + 5);
	item(st, m, ITEM_PARKED, "Loyalty scheme", NULL, 0, t + 6);
	item(st, m, ITEM_MESSAGE, "Tell them about refunds", "Finance", 0, t + 7);
	item(st, m, ITEM_NOTE, "Room was too <small>", NULL, 0, t + 8);
	item(st, m, ITEM_NOTE, "Notes at https://wiki.example/cx_council.", NULL, 0, t + 8);
	item(st, m, ITEM_NOTE, "Also www.wiki.example/cx_council#top_2 (www.ex-1.example/a_b), "
	     "www.example.com/x[y](javascript:z) or www.bad_x.com_y, not _www.a.example_x", NULL, 0,
	     t + 8);
	store_id oops = item(st, m, ITEM_NOTE, "SECRET typed by mistake", NULL, 0, t + 9);
	assert_int_equal(store_item_delete(st, oops, m, t + 10), STORE_OK);
}

static store_id the_meeting(struct store *st, store_id ana, store_id ben, store_id cleo,
			    store_id dee, store_id fix, store_id faq)
{
	struct meeting_run r;
	time_t t = at("2026-11-23T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	store_id m = r.m.id;
	assert_int_equal(store_attendance_set(st, m, ana, true), STORE_OK);
	assert_int_equal(store_attendance_set(st, m, ben, true), STORE_OK);
	assert_int_equal(store_attendance_set(st, m, cleo, true), STORE_OK);
	assert_int_equal(store_attendance_set(st, m, dee, false), STORE_OK);
	assert_int_equal(meeting_goto(&r, 3, t + 240), STORE_OK);
	assert_int_equal(item_set_status(st, fix, STATUS_DONE, NULL, m, t + 300), STORE_OK);
	set_fields(st, faq, NULL, NULL, date_from_ymd(2026, 12, 14), DATE_NONE, false, m, t + 310);
	capture_items(st, m, t + 400, ana, ben, cleo);
	assert_int_equal(meeting_goto(&r, 9, t + 3600), STORE_OK);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, date_from_ymd(2026, 12, 21),
				     t + 3900), STORE_OK);
	meeting_run_free(&r);
	return m;
}

static int build(void **state)
{
	(void)state;
	char err[512];
	struct store *st;
	bool created;
	db = xasprintf("%s/council.db", tu_dir());
	assert_int_equal(store_open(db, &st, err, sizeof err), STORE_OK);
	assert_int_equal(setup_ensure(st, "Acme", &created), STORE_OK);
	assert_int_equal(org_set_text(st, ORG_MISSION, "Every customer *matters*"), STORE_OK);
	store_id ana = person(st, "Ana", "Sales", ROLE_LEAD);
	store_id ben = person(st, "Ben", "IT", ROLE_MEMBER);
	store_id cleo = person(st, "Cleo", "Operations", ROLE_SPONSOR);
	store_id dee = person(st, "Dee", "Customer Service", ROLE_MEMBER);
	store_id fix, faq;
	first_meeting = earlier_meeting(st, ana, &fix, &faq);
	store_id m = the_meeting(st, ana, ben, cleo, dee, fix, faq);
	assert_int_equal(minutes_markdown(st, m, &md), STORE_OK);
	assert_int_equal(minutes_json(st, m, &json), STORE_OK);
	store_close(st);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(md);
	free(json);
	free(db);
	return 0;
}

/* --- the document ------------------------------------------------------- */

static void has(const char *needle)
{
	if (!strstr(md, needle))
		fail_msg("minutes lack \"%s\":\n%s", needle, md);
}

static void minutes__title_times_mission_and_attendance(void **state)
{
	(void)state;
	assert_int_equal(strncmp(md, "# Acme CX council — 2026-11-23\n\n", 34), 0);
	has("**Time:** 14:00–15:05 (65 min) · **Status:** completed · **Rating:** 8/10"
	    " · **Next meeting:** 2026-12-21\n");
	has("## Mission\n\nEvery customer \\*matters\\*\n");
	has("## Attendance\n\n- **IT:** Ben\n- **Operations:** Cleo (sponsor)\n"
	    "- **Sales:** Ana (lead)\n");
	has("\nNot represented: Customer Service, Facilities, Finance, HR, Marketing, Product,"
	    " Supply Chain\n");
	assert_null(strstr(md, "Dee"));
}

static void minutes__agenda_table_with_time_spent(void **state)
{
	(void)state;
	has("## Agenda\n\n| Step | Planned (min) | Actual (min) | Done |\n|---|---:|---:|---|\n"
	    "| Welcome & roll call | 3 | 4 | yes |\n| Mission moment | 2 | 0 | no |\n");
	has("| Action review | 10 | 56 | yes |\n");
	has("| Wrap-up | 5 | 5 | yes |\n| **Total** | 70 | 65 | |\n");
}

static void minutes__one_section_per_kind_in_order(void **state)
{
	(void)state;
	static const char *const order[] = {
		"## Customer stories", "## Decisions", "## Actions", "## Wins", "## Insights",
		"## Parked topics", "## Messages to other teams", "## Notes", "## Action review",
	};
	const char *prev = md;
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		const char *p = strstr(md, order[i]);
		assert_non_null(p);
		assert_true(p > prev);
		prev = p;
	}
}

static void minutes__items_with_their_facts_and_escaped_text(void **state)
{
	(void)state;
	has("- Customer waited 3 weeks — told by Ana, Sales (customer not named)\n\n"
	    "  She said: \\*bold\\* \\| pipe \\# hash\n\n  \\- not a list\n  1\\. nor this\n");
	has("- Named with consent — told by Ana, Sales\n"
	    "  - → *Action:* Call back \\[urgent\\] customers — owner Ben, IT, due 2026-12-07\n"
	    "    - → *Win:* Fixed the \\`login\\` bug — IT (behind the scenes), hero Ben\n");
	has("- Move returns to the courier portal — Operations, decided by Cleo, revisit "
	    "2027-01-10\n\n  *Rationale:*\n  Cheaper\\_and faster\n");
	has("- Call back \\[urgent\\] customers — owner Ben, IT, due 2026-12-07\n");
	has("- Fixed the \\`login\\` bug — IT (behind the scenes), hero Ben\n");
	has("- Calls up after\\_price\\_change\n");
	has("- Loyalty scheme\n");
	has("- Tell them about refunds — tell Finance\n");
	has("- Room was too \\<small\\>\n");
	has("- Notes at <https://wiki.example/cx_council>.\n"); /* no escapes inside links */
	/* a www. address as it is, for GitHub's autolink (no backslash shows in
	 * it); not where it is no link, nor past what could make a link */
	has("- Also www.wiki.example/cx_council#top_2 (www.ex-1.example/a_b), "
	    "www.example.com/x\\[y\\](javascript:z) or www.bad\\_x.com\\_y, not "
	    "\\_www.a.example\\_x\n");
	assert_null(strstr(md, "SECRET"));
}

/* The story's chain in the JSON: its action, with the win that came of it. */
static void minutes__json_story_with_its_chain(void **state)
{
	(void)state;
	const char *named = strstr(json, "\"text\": \"Named with consent\"");
	assert_non_null(named);
	const char *chain = strstr(named, "\"chain\": {\"actions\": [{\"action\": {");
	assert_non_null(chain);
	assert_true(chain < strstr(named, "}]}"));
	assert_non_null(strstr(chain, "\"text\": \"Call back [urgent] customers\""));
	assert_non_null(strstr(chain, "\"wins\": [{\"id\": "));
	assert_non_null(strstr(chain, "\"text\": \"Fixed the `login` bug\""));
	/* the other story set nothing going */
	const char *waited = strstr(json, "\"text\": \"Customer waited 3 weeks\"");
	assert_non_null(waited);
	assert_true(strstr(waited, "\"chain\"") == chain);
}

static void minutes__action_review_without_carried_events(void **state)
{
	(void)state;
	has("## Action review\n\n- Fix the returns form — done\n"
	    "- Publish the FAQ — due date moved 2026-11-30 → 2026-12-14\n");
	assert_null(strstr(md, "Untouched action"));
	/* events in words, never their stored names */
	assert_null(strstr(md, "due_moved"));
	assert_null(strstr(md, "due moved"));
}

static void minutes__in_progress_meeting_and_table_escaping(void **state)
{
	(void)state;
	char err[512];
	struct store *st;
	bool created;
	char *path = xasprintf("%s/other.db", tu_dir());
	assert_int_equal(store_open(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(setup_ensure(st, "#1 Co", &created), STORE_OK);
	struct agenda_step step = {.title = "Budget | *risks*", .kind = STEP_TOPIC, .minutes = 5,
				   .prompt = ""};
	struct agenda_template t = {.name = "Short", .steps = &step, .n_steps = 1};
	store_id tid;
	assert_int_equal(template_add(st, &t, false, &tid), STORE_OK);
	struct meeting_run r;
	assert_int_equal(meeting_begin(st, tid, 0, at("2026-11-23T09:30:00Z"), &r), STORE_OK);
	char *out;
	assert_int_equal(minutes_markdown(st, r.m.id, &out), STORE_OK);
	assert_non_null(strstr(out, "# \\#1 Co CX council — 2026-11-23\n"));
	assert_non_null(strstr(out, "**Time:** from 09:30 · **Status:** in progress\n"));
	assert_non_null(strstr(out, "| Budget \\| \\*risks\\* | 5 | 0 | no |\n"));
	assert_non_null(strstr(out, "Nobody was recorded as present."));
	assert_null(strstr(out, "## Mission"));
	char *name = minutes_default_filename(&r.m);
	assert_string_equal(name, "cx-council-2026-11-23.md");
	free(name);
	free(out);
	assert_int_equal(minutes_markdown(st, 999, &out), STORE_NOTFOUND);
	assert_null(out);
	/* Control characters written behind the store's back (an escape
	 * sequence, a bell) reach neither a terminal nor a mail: U+FFFD instead. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE meeting_steps SET title = 'Budget ' || char(27) ||"
				      " '[2J' || char(7) || ' *risks*'", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(minutes_markdown(st, r.m.id, &out), STORE_OK);
	assert_non_null(strstr(out, "| Budget \xef\xbf\xbd\\[2J\xef\xbf\xbd \\*risks\\* "
				    "| 5 | 0 | no |\n"));
	assert_null(strchr(out, '\x1b'));
	assert_null(strchr(out, '\a'));
	free(out);
	/* An end before the start (a clock set wrong) gives no length, as in the
	 * history, rather than "0 min". */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE meetings SET ended_at = '2026-11-23T09:00:00Z'",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(minutes_markdown(st, r.m.id, &out), STORE_OK);
	assert_non_null(strstr(out, "**Time:** 09:30–09:00 · **Status:**"));
	free(out);
	assert_int_equal(minutes_json(st, r.m.id, &out), STORE_OK);
	assert_non_null(strstr(out, "\"minutes\": null"));
	free(out);
	assert_int_equal(meeting_length_minutes(at("2026-11-23T09:30:00Z"),
						at("2026-11-23T10:24:31Z")), 55);
	assert_int_equal(meeting_length_minutes(at("2026-11-23T09:30:00Z"), 0), -1);
	meeting_run_free(&r);
	store_close(st);
	free(path);
}

/* --- cxmeet show ---------------------------------------------------------- */

/* Runs `cxmeet --db DB ARGS...`; stdout and stderr go to files in the folder. */
static int run(const char *first, ...)
{
	char *out = xasprintf("%s/stdout", tu_dir()), *err = xasprintf("%s/stderr", tu_dir());
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out, err, first, ap);
	va_end(ap);
	free(out);
	free(err);
	return rc;
}

/* The whole file, or NULL when it does not exist. Caller frees. */
static char *slurp(const char *name)
{
	char *path = name[0] == '/' ? xstrdup(name) : xasprintf("%s/%s", tu_dir(), name);
	char *text = tu_slurp(path, NULL);
	free(path);
	return text;
}

static void assert_file(const char *name, const char *want)
{
	char *got = slurp(name);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void assert_stderr_has(const char *needle)
{
	char *err = slurp("stderr");
	if (!strstr(err, needle))
		fail_msg("stderr lacks \"%s\": %s", needle, err);
	free(err);
}

static void show__prints_the_last_or_a_given_meeting(void **state)
{
	(void)state;
	assert_int_equal(run("show", NULL), EXIT_OK);
	assert_file("stdout", md);
	assert_int_equal(run("show", "last", "--format", "md", NULL), EXIT_OK);
	assert_file("stdout", md);
	char *id = xasprintf("%lld", (long long)first_meeting);
	assert_int_equal(run("show", id, NULL), EXIT_OK);
	free(id);
	char *first = slurp("stdout");
	assert_non_null(strstr(first, "# Acme CX council — 2026-11-16\n"));
	free(first);
}

static void show__refuses_unknown_meetings_and_formats(void **state)
{
	(void)state;
	assert_int_equal(run("show", "999", NULL), EXIT_USAGE);
	assert_stderr_has("no meeting 999");
	assert_int_equal(run("show", "--format", "html", NULL), EXIT_USAGE);
	assert_stderr_has("unknown format 'html'");
	assert_int_equal(run("show", "yesterday", NULL), EXIT_USAGE);
	assert_int_equal(run("show", "1", "2", NULL), EXIT_USAGE);
	assert_int_equal(run("show", "--bogus", NULL), EXIT_USAGE);
}

static bool temp_files_left(void)
{
	DIR *d = opendir(tu_dir());
	assert_non_null(d);
	bool found = false;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		found = found || strncmp(e->d_name, ".cxmeet-minutes-", 16) == 0;
	closedir(d);
	return found;
}

static void show__saves_a_private_file_and_never_overwrites_unasked(void **state)
{
	(void)state;
	char *file = xasprintf("%s/minutes.md", tu_dir());
	struct stat sb;
	assert_int_equal(run("show", "-o", file, NULL), EXIT_OK);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_file(file, md);

	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("hand-edited\n", f);
	fclose(f);
	assert_int_equal(run("show", "--output", file, NULL), EXIT_USAGE);
	assert_stderr_has("already exists");
	assert_file(file, "hand-edited\n");
	assert_int_equal(run("show", "-o", file, "--force", NULL), EXIT_OK);
	assert_file(file, md);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	assert_int_equal(run("show", "-o", tu_dir(), NULL), EXIT_OK);
	assert_file("cx-council-2026-11-23.md", md);
	char *missing = xasprintf("%s/no/such/folder/m.md", tu_dir());
	assert_int_equal(run("show", "-o", missing, NULL), EXIT_RUNTIME);
	assert_false(temp_files_left());
	free(missing);
	free(file);
}

int main(void)
{
	tu_init("minutes");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(minutes__title_times_mission_and_attendance),
		cmocka_unit_test(minutes__agenda_table_with_time_spent),
		cmocka_unit_test(minutes__one_section_per_kind_in_order),
		cmocka_unit_test(minutes__items_with_their_facts_and_escaped_text),
		cmocka_unit_test(minutes__json_story_with_its_chain),
		cmocka_unit_test(minutes__action_review_without_carried_events),
		cmocka_unit_test(minutes__in_progress_meeting_and_table_escaping),
		cmocka_unit_test(show__prints_the_last_or_a_given_meeting),
		cmocka_unit_test(show__refuses_unknown_meetings_and_formats),
		cmocka_unit_test(show__saves_a_private_file_and_never_overwrites_unasked),
	};
	return cmocka_run_group_tests(tests, build, teardown);
}
