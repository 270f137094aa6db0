/* util.h - allocation wrappers that fail loudly, a growable string, and die().
 * Nothing domain-specific lives here. */
#ifndef CXMEET_UTIL_H
#define CXMEET_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses shared by every command (documented in cxmeet(1), EXIT
 * STATUS). The database failures each have their own, mapped from the store's
 * codes in one place: cli_exit_status() in src/cli/cli.c. */
enum {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1,  /* anything else that failed: the system, the editor, output */
	EXIT_USAGE = 2,    /* bad usage or bad input: nothing was written */
	EXIT_BUSY = 3,     /* the database is locked by another program */
	EXIT_READONLY = 4, /* the database file or its folder is read-only */
	EXIT_DAMAGED = 5,  /* not a cxmeet database, or damaged */
	EXIT_NEWER = 6,    /* written by a newer cxmeet */
	EXIT_FULL = 7,     /* the disk is full (or a file-size limit was reached) */
	EXIT_OVERDUE = 8,  /* cxmeet overdue: overdue actions exist (for cron) */
	EXIT_UNREACHABLE = 9, /* the database server is down, unreachable, or the connection was lost */
	EXIT_AUTH = 10,       /* the database server refused the login */
	EXIT_NO_COUNCIL = 11, /* no such council, or which one is not said */
	EXIT_NOT_MEMBER = 12, /* the role is a member of no council, or may not do that */
};

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Registered by the TUI so that die() can leave the terminal clean first. */
void util_set_die_hook(void (*hook)(void));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* snprintf into a fixed buffer, always terminated; used for error messages. */
void errf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
/* Makes room for n more bytes and the terminating NUL. */
void sb_grow(struct strbuf *sb, size_t n);
/* n bytes of s appended: inline, as reports append several pieces to every
 * row; the buffer grows out of line. */
static inline void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap)
		sb_grow(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}
static inline void sb_add(struct strbuf *sb, const char *s) { sb_addn(sb, s, strlen(s)); }
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(struct strbuf *sb); /* returns the string, resets the buffer */
/* v in decimal, appended (no printf: reports write millions of numbers). */
void sb_add_int(struct strbuf *sb, long long v);
void sb_free(struct strbuf *sb);

#endif
