/* cli_db.c - the database of a run of the command line: where it is,
 * opening it, the few lookups several commands share, and the one place
 * where the store's results become exit statuses. */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/names.h"
#include "cxmeet/progress.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

char *cli_default_db_path(void)
{
	const char *env = getenv("CXMEET_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/') /* the spec ignores relative values */
		return xasprintf("%s/cxmeet/cxmeet.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	return xasprintf("%s/.local/share/cxmeet/cxmeet.db", home);
}

int cli_exit_status(enum store_rc rc)
{
	switch (rc) {
	case STORE_OK:
		return EXIT_OK;
	case STORE_NOTFOUND:
	case STORE_DUPLICATE:
	case STORE_INVALID:
		return EXIT_USAGE;
	case STORE_BUSY:
	case STORE_NOT_HELD:
		return EXIT_BUSY;
	case STORE_READONLY:
		return EXIT_READONLY;
	case STORE_CORRUPT:
		return EXIT_DAMAGED;
	case STORE_NEWER:
		return EXIT_NEWER;
	case STORE_FULL:
		return EXIT_FULL;
	case STORE_UNREACHABLE:
		return EXIT_UNREACHABLE;
	case STORE_AUTH:
		return EXIT_AUTH;
	case STORE_NO_COUNCIL:
		return EXIT_NO_COUNCIL;
	case STORE_NOT_MEMBER:
		return EXIT_NOT_MEMBER;
	case STORE_ERROR:
		break;
	}
	return EXIT_RUNTIME;
}

int cli_store_error(struct cli *cli, enum store_rc rc)
{
	cli_report("%s", cli->st ? store_errmsg(cli->st) : "database error");
	return cli_exit_status(rc);
}

static const char no_path[] =
	"no database path: set HOME, XDG_DATA_HOME or CXMEET_DB, or use --db";

/* Long work on the file (store_set_progress), on a terminal's line. */
static void show_progress(const char *what, double seconds, void *ctx)
{
	(void)ctx;
	progress_time(what, seconds);
}

/* The council named (--council, CXMEET_COUNCIL) is the one opened: a
 * server picks it at open; a file has one, which must be the one named. */
static int council_named(struct cli *cli)
{
	const char *want = store_chosen_council();
	if (!want || store_council_is_optional())
		return 0;
	struct council c;
	enum store_rc rc = store_council_current(cli->st, &c);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int status = 0;
	if (!text_ieq(c.name, want)) {
		cli_report("no council named '%s': the database %s holds one council, '%s'", want,
			   cli->db_path, c.name);
		status = EXIT_NO_COUNCIL;
	}
	council_free(&c);
	return status;
}

int cli_open_only(struct cli *cli)
{
	char err[PATH_MAX + 512]; /* the message quotes the path */
	if (!cli->db_path)
		return cli_input_error(no_path);
	store_set_progress(isatty(STDERR_FILENO) ? show_progress : NULL, NULL);
	enum store_rc rc = store_open_mode(cli->db_path, cli->may_create, &cli->st, err,
					   sizeof err);
	if (rc != STORE_OK) {
		cli_report("%s", err);
		return cli_exit_status(rc);
	}
	return council_named(cli);
}

int cli_open(struct cli *cli)
{
	int rc = cli_open_only(cli);
	if (rc)
		return rc;
	bool created;
	enum store_rc src = setup_ensure(cli->st, NULL, &created);
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

int cli_dept_id(struct cli *cli, const char *name, store_id *id)
{
	struct dept d;
	*id = 0;
	if (!name)
		return 0;
	enum store_rc rc = dept_find(cli->st, name, &d);
	if (rc == STORE_NOTFOUND)
		return cli_input_error("no department '%s' (cxmeet dept list shows them)", name);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	*id = d.id;
	dept_free(&d);
	return 0;
}

/* The organisation's escalation limit (3 when it was never set up). */
int cli_escalate_limit(struct cli *cli)
{
	struct org o;
	if (store_org_get(cli->st, &o) != STORE_OK)
		return 3;
	int n = o.escalate_after;
	org_free(&o);
	return n;
}

int cli_open_all_councils(struct cli *cli, char **council)
{
	*council = NULL;
	/* Every council is read: a role of several, or the reader of all,
	 * names none. */
	store_council_optional(true);
	int rc = cli_open_only(cli);
	store_council_optional(false);
	if (rc)
		return rc;
	struct council c;
	if (store_council_current(cli->st, &c) == STORE_OK) {
		*council = xstrdup(c.name);
		council_free(&c);
	}
	enum store_rc src = store_read_all_councils(cli->st, true);
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

int cli_each_council(struct cli *cli, int (*fn)(struct cli *cli, const char *council, size_t i,
						void *ctx),
		     void *ctx)
{
	store_council_optional(true);
	int rc = cli_open_only(cli);
	store_council_optional(false);
	if (rc)
		return rc;
	struct council *c;
	size_t n;
	enum store_rc src = store_council_list(cli->st, &c, &n);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	store_close(cli->st);
	cli->st = NULL;
	for (size_t i = 0, done = 0; i < n && rc == 0; i++) {
		if (c[i].archived)
			continue;
		store_choose_council(c[i].name);
		if ((rc = cli_open_only(cli)) == 0) {
			store_read_once(cli->st);
			rc = fn(cli, c[i].name, done++, ctx);
		}
		store_close(cli->st);
		cli->st = NULL;
	}
	council_list_free(c, n);
	return rc;
}
