/* cmd_copy.c - `cxmeet copy`: a council's whole history from one store to
 * another (file to server, server to file, file to file), ids kept, table
 * by table in the order of store_tables, in one transaction on the
 * destination: nothing is written there unless everything is. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Rows written to the destination in one call. */
#define BATCH 256

struct copy_opts {
	const char *from, *to;
};

static int copy_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct copy_opts *o = ctx;
	(void)cmd;
	if (key == 'f')
		o->from = value;
	else if (key == 't')
		o->to = value;
	return 0;
}

/* The rows of one table on their way: kept until a batch is full, then
 * written; the late column's values kept for store_table_link. */
struct copy_run {
	struct store *dest;
	size_t table;
	const struct store_table *t;
	char **vals; /* BATCH rows of t->ncols values */
	size_t n;
	char **late; /* id, value pairs */
	size_t nlate, late_cap;
	enum store_rc rc; /* the first failure of a write */
	struct progress *bar;
	long done, total;
};

static void batch_clear(struct copy_run *c)
{
	for (size_t i = 0; i < c->n * c->t->ncols; i++)
		free(c->vals[i]);
	c->n = 0;
}

static void batch_write(struct copy_run *c)
{
	if (c->n && c->rc == STORE_OK)
		c->rc = store_table_put(c->dest, c->table, c->n, (const char *const *)c->vals);
	c->done += (long)c->n;
	if (c->bar->on)
		progress_count(c->bar, c->done, c->total);
	batch_clear(c);
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

static void take_row(const char *const *values, void *ctx)
{
	struct copy_run *c = ctx;
	if (c->rc != STORE_OK)
		return; /* the transaction has failed: the rest is read and dropped */
	const struct store_table *t = c->t;
	for (size_t i = 0; i < t->ncols; i++)
		c->vals[c->n * t->ncols + i] = dup_or_null(values[i]);
	c->n++;
	if (t->late >= 0 && values[t->late]) {
		if (c->nlate == c->late_cap) {
			c->late_cap = c->late_cap ? 2 * c->late_cap : 64;
			c->late = xrealloc(c->late, 2 * c->late_cap * sizeof *c->late);
		}
		c->late[2 * c->nlate] = xstrdup(values[0]);
		c->late[2 * c->nlate + 1] = xstrdup(values[t->late]);
		c->nlate++;
	}
	if (c->n == BATCH)
		batch_write(c);
}

static void late_clear(struct copy_run *c)
{
	for (size_t i = 0; i < 2 * c->nlate; i++)
		free(c->late[i]);
	c->nlate = 0;
}

/* Whether the store holds a row of any table copied (*empty false), or
 * an error. */
static enum store_rc store_empty(struct store *st, bool *empty, const char **where)
{
	*empty = true;
	for (size_t i = 0; i < store_table_count; i++) {
		int64_t n = 0;
		enum store_rc rc = store_table_rows(st, i, 1, NULL, NULL, &n);
		if (rc != STORE_OK)
			return rc;
		if (n > 0) {
			*empty = false;
			*where = store_tables[i].name;
			return STORE_OK;
		}
	}
	return STORE_OK;
}

/* Every row of src into dest, inside dest's transaction. */
static enum store_rc copy_tables(struct store *src, struct store *dest, struct progress *bar,
				 struct store **failed)
{
	struct copy_run c = {.dest = dest, .bar = bar};
	size_t widest = 0;
	for (size_t i = 0; i < store_table_count; i++)
		if (store_tables[i].ncols > widest)
			widest = store_tables[i].ncols;
	c.vals = xcalloc(BATCH * widest, sizeof *c.vals);
	enum store_rc rc = STORE_OK;
	/* The bar counts rows: the total is counted first, only for it. */
	for (size_t i = 0; bar->on && i < store_table_count && rc == STORE_OK; i++) {
		int64_t n = 0;
		rc = store_table_rows(src, i, 0, NULL, NULL, &n);
		c.total += (long)n;
	}
	*failed = src;
	for (size_t i = 0; i < store_table_count && rc == STORE_OK; i++) {
		c.table = i;
		c.t = &store_tables[i];
		rc = store_table_rows(src, i, 0, take_row, &c, NULL);
		if (rc == STORE_OK && c.rc == STORE_OK)
			batch_write(&c);
		batch_clear(&c);
		if (rc == STORE_OK && c.rc == STORE_OK && c.nlate)
			c.rc = store_table_link(dest, i, c.nlate, (const char *const *)c.late);
		late_clear(&c);
		if (rc == STORE_OK && c.rc != STORE_OK) {
			*failed = dest;
			rc = c.rc;
		}
	}
	if (rc == STORE_OK) {
		*failed = dest;
		rc = store_table_put_end(dest);
	}
	free(c.vals);
	free(c.late);
	return rc;
}

static int open_store(const char *where, bool create, struct store **st)
{
	char err[PATH_MAX + 512];
	enum store_rc rc = store_open_mode(where, create, st, err, sizeof err);
	if (rc != STORE_OK) {
		cli_report("%s", err);
		return cli_exit_status(rc);
	}
	return 0;
}

static int copy_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct copy_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, copy_opt, &o, &rc))
		return rc;
	if (!o.from || !*o.from || !o.to || !*o.to)
		return cli_usage_error(cmd, "copy needs --from SOURCE and --to DEST");
	if (strcmp(o.from, o.to) == 0)
		return cli_usage_error(cmd, "--from and --to name the same database");
	struct store *src = NULL, *dest = NULL;
	if ((rc = open_store(o.from, false, &src)) != 0)
		return rc;
	if ((rc = open_store(o.to, true, &dest)) != 0) {
		store_close(src);
		return rc;
	}
	bool empty;
	const char *holds = NULL;
	enum store_rc src_rc = store_empty(dest, &empty, &holds);
	struct store *failed = dest;
	if (src_rc == STORE_OK && !empty) {
		cli_report("%s already holds data (%s): copy writes only into a new file or an "
			   "empty database or council; nothing was written", o.to, holds);
		store_close(src);
		store_close(dest);
		return EXIT_USAGE;
	}
	/* The file's journal left for the copy, as the demo's bulk write does
	 * (a server has none); when the file is open elsewhere, it stays. */
	bool journal = src_rc == STORE_OK && store_bulk_journal(dest, true) == STORE_OK;
	struct progress bar;
	progress_begin(&bar, "copying", "rows");
	if (src_rc == STORE_OK)
		src_rc = store_begin(dest);
	if (src_rc == STORE_OK) {
		src_rc = store_bulk_begin(dest);
		/* The source read in one transaction of its own: the rows of
		 * every table as they were at one moment (a file is not written
		 * meanwhile). */
		if (src_rc == STORE_OK && (src_rc = store_begin(src)) != STORE_OK)
			failed = src;
		if (src_rc == STORE_OK) {
			src_rc = copy_tables(src, dest, &bar, &failed);
			store_rollback(src); /* nothing was written there */
		}
		if (src_rc == STORE_OK)
			src_rc = store_bulk_end(dest);
		if (src_rc == STORE_OK) {
			failed = dest;
			src_rc = store_commit(dest);
		} else {
			store_rollback(dest);
		}
	}
	progress_end(&bar);
	if (journal)
		(void)store_bulk_journal(dest, false);
	if (src_rc != STORE_OK) {
		cli_report("copying %s to %s: %s; nothing was written to %s",
			   o.from, o.to, store_errmsg(failed), o.to);
		store_close(src);
		store_close(dest);
		return cli_exit_status(src_rc);
	}
	store_close(src);
	store_close(dest);
	fprintf(cli->out, "Copied %s to %s.\n", o.from, o.to);
	return EXIT_OK;
}

static const struct cli_opt copy_options[] = {
	{"from", 'f', CLI_VALUE | CLI_LONG_ONLY},
	{"to", 't', CLI_VALUE | CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_copy = {
	.name = "copy",
	.summary = "copy a council's whole history to a new file or server database",
	.usage = "usage: cxmeet copy --from SOURCE --to DEST\n"
		 "\n"
		 "Copies everything SOURCE holds (the organisation and its charter's\n"
		 "history, departments, people, agendas, meetings, attendance, items,\n"
		 "their history and links, a meeting's unsaved draft) into DEST, with\n"
		 "the same numbers. Each is a file path or a server address as --db\n"
		 "takes (postgresql://..., postgres://..., service=NAME); on a server,\n"
		 "the council is $CXMEET_COUNCIL's (or the only one of the role).\n"
		 "DEST must hold nothing yet: a new file, or a database or council\n"
		 "without data; otherwise it is refused and nothing is written. The\n"
		 "copy is one transaction: if it fails or is stopped half-way, DEST\n"
		 "holds nothing of it. Who holds a live meeting is not copied.\n"
		 "\n"
		 "      --from SOURCE  the database copied from\n"
		 "      --to DEST      the database copied into: new, or without data\n",
	.opts = copy_options,
	.run = copy_run,
};
