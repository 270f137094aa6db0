/* cli_out.c - how a command's output is written: through the guard that
 * keeps stored text from reaching the terminal raw, a table whole or a page
 * at a time, cells padded by screen columns, and the one report of a write
 * that failed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

int cli_table_out(struct cli *cli, const struct table *t, enum out_format f)
{
	if (!table_write(t, f, cli->out) || fflush(cli->out) != 0)
		return cli_output_error(cli, errno);
	return 0;
}

int cli_write(struct cli *cli, const char *text)
{
	if (fputs(text, cli->out) == EOF || fflush(cli->out) != 0)
		return cli_output_error(cli, errno);
	return 0;
}

int cli_output_error(struct cli *cli, int err)
{
	int status = EXIT_RUNTIME;
	if (err == ENOSPC || err == EFBIG
#ifdef EDQUOT
	    || err == EDQUOT
#endif
	)
		status = EXIT_FULL;
	if (cli->output_failed)
		return cli->output_failed;
	if (cli->pager && err == EPIPE) {
		/* The reader quit the pager: the command stops, without a word. */
		cli->pager_quit = true;
		cli->output_failed = status;
		return status;
	}
	if (err)
		cli_report("cannot write the output: %s", strerror(err));
	else
		cli_report("cannot write the output");
	cli->output_failed = status;
	return status;
}

/* Writes sb to the output and empties it; false when writing failed. */
static bool flush_buf(struct cli *cli, struct strbuf *sb)
{
	bool ok = sb->len == 0 || fwrite(sb->s, 1, sb->len, cli->out) == sb->len;
	sb->len = 0; /* kept for the next page */
	return ok;
}

/* Plain text, once the first page is read: the widths of the whole table,
 * from that page and from what bounds each column (w_max). */
static int *plain_widths(const struct table *t, const int *w_max)
{
	int *w = xcalloc(t->ncols, sizeof *w);
	table_plain_measure(t, w);
	for (size_t c = 0; w_max && c < t->ncols; c++)
		w[c] = w_max[c] > w[c] ? w_max[c] : w[c];
	return w;
}

int cli_table_pages(struct cli *cli, const struct table_col *cols, size_t ncols,
		    const int *w_max, enum out_format f, size_t page, cli_page_fn fill,
		    void *ctx, size_t *rows)
{
	struct table t;
	struct strbuf sb;
	size_t done = 0;
	bool ok = true, first = true;
	int status = 0, *w = NULL;
	*rows = 0;
	table_init(&t, cols, ncols); /* empty: for the header */
	sb_init(&sb);
	table_stream_begin(&t, f, &sb);
	for (;; first = false) {
		table_clear(&t);
		long n = fill(cli, ctx, done, page, &t, &status);
		if (n < 0) {
			table_free(&t);
			sb_free(&sb);
			free(w);
			return status;
		}
		bool last = (size_t)n < page;
		if (f != OUT_PLAIN)
			table_stream_rows(&t, f, *rows, &sb);
		else if (first && last && t.nrows)
			table_render(&t, f, &sb); /* the whole table at hand: measured */
		else if (t.nrows) {
			bool header = !w;
			if (!w)
				w = plain_widths(&t, w_max);
			table_plain_rows(&t, w, header, &sb);
		}
		*rows += t.nrows;
		ok = ok && flush_buf(cli, &sb);
		done += (size_t)n;
		if (last)
			break;
	}
	table_stream_end(&t, f, *rows, &sb);
	table_free(&t);
	free(w);
	ok = flush_buf(cli, &sb) && ok;
	sb_free(&sb);
	if (ok && fflush(cli->out) == 0 && !ferror(cli->out))
		return 0;
	return cli_output_error(cli, errno);
}

size_t cli_page_want(size_t done, size_t cap, size_t page)
{
	size_t want = !cap ? page : done < cap ? cap - done : 0;
	return want < page ? want : page;
}

/* Widest names: every person's or every department's, archived ones too
 * (their rows still name them). Small tables; 0 if they cannot be read. */
static void widest(const char *name, void *ctx)
{
	int *w = ctx, cw = cli_cell_width(name);
	*w = cw > *w ? cw : *w;
}

int cli_widest_name(struct cli *cli, bool people)
{
	int w = 0;
	return store_names_each(cli->st, people, widest, &w) == STORE_OK ? w : 0;
}

int cli_id_width(struct cli *cli, bool meeting)
{
	store_id item, met;
	if (store_id_bounds(cli->st, &item, &met) != STORE_OK)
		return 0;
	char buf[32];
	return snprintf(buf, sizeof buf, "%lld", (long long)(meeting ? met : item));
}

int cli_cell_width(const char *text)
{
	char *line = text_printable_line(text ? text : "");
	int w = text_width(line);
	free(line);
	return w;
}

void cli_pad(FILE *out, const char *text, int width)
{
	/* A cell is one row: a tab or line break stored in it is a space. */
	char *line = text_printable_line(text ? text : "");
	fputs(line, out);
	for (int w = text_width(line); w < width; w++)
		fputc(' ', out);
	free(line);
}

/* Everything a command prints passes the guard of core's text rule on its
 * way to stdout: text stored behind the program's back (by a database tool, an
 * import, an older version) reaches no terminal raw, whichever command or
 * format prints it. The writers of each format clean their text already;
 * this is the one place that catches what a plain fprintf would let by. */
static bool quiet; /* -q: stdout is dropped */

void cli_set_quiet(bool q)
{
	quiet = q;
}

struct out_guard {
	FILE *to;
	struct text_guard g;
};

static bool guard_pass(struct out_guard *og, const char *buf, size_t n, bool end)
{
	if (quiet)
		return true;
	/* Most output is safe and does not end inside a character or a CRLF:
	 * written as it is. */
	unsigned char last = n ? (unsigned char)buf[n - 1] : 0;
	if (n)
		cli_pager_begin(); /* the first byte of a paged command's output */
	if (!end && og->g.npend == 0 && n > 0 && last < 0x80 && last != '\r' &&
	    text_is_safe_crlf(buf, n))
		return fwrite(buf, 1, n, og->to) == n;
	struct strbuf sb;
	sb_init(&sb);
	if (n)
		text_guard_feed(&og->g, buf, n, &sb);
	if (end)
		text_guard_end(&og->g, &sb);
	bool ok = sb.len == 0 || fwrite(sb.s, 1, sb.len, og->to) == sb.len;
	sb_free(&sb);
	return ok;
}

/* Passed on at once, so that a failed write shows at the fflush of cli->out
 * that the commands check. */
static ssize_t guard_write(void *cookie, const char *buf, size_t n)
{
	struct out_guard *og = cookie;
	return guard_pass(og, buf, n, false) && fflush(og->to) == 0 ? (ssize_t)n : -1;
}

static int guard_close(void *cookie)
{
	bool ok = guard_pass(cookie, NULL, 0, true);
	free(cookie);
	return ok ? 0 : EOF;
}

FILE *cli_guard_open(FILE *to)
{
	struct out_guard *og = xcalloc(1, sizeof *og);
	og->to = to;
	FILE *fp = fopencookie(og, "w", (cookie_io_functions_t){.write = guard_write,
								.close = guard_close});
	if (!fp)
		die("out of memory");
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	return fp;
}
