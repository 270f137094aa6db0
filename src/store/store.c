/* store.c - the store's public operations: each store_NAME() of STORE_OPS
 * calls the backend that opened its handle, and store_open picks that
 * backend from the database argument. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "config.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

/* The table of the backend behind a handle: its first member (backend.h). */
#define HANDLE_OPS(h) (*(const struct store_ops *const *)(const void *)(h))
/* The first of a list of arguments: the handle. */
#define FIRST_ARG(...) FIRST_ARG_(__VA_ARGS__, 0)
#define FIRST_ARG_(first, ...) first

#define PUBLIC_X(name, params, args) \
	enum store_rc store_##name params { return HANDLE_OPS(FIRST_ARG args)->name args; }
#define PUBLIC_R(type, name, params, args) \
	type store_##name params { return HANDLE_OPS(FIRST_ARG args)->name args; }
/* As free(): closing or ending no handle (NULL) does nothing. */
#define PUBLIC_V(name, params, args) \
	void store_##name params \
	{ \
		if (FIRST_ARG args) \
			HANDLE_OPS(FIRST_ARG args)->name args; \
	}
STORE_OPS(PUBLIC_X, PUBLIC_R, PUBLIC_V)
#undef PUBLIC_X
#undef PUBLIC_R
#undef PUBLIC_V

bool store_names_server(const char *db)
{
	static const char *const prefixes[] = {"postgresql://", "postgres://", "service="};
	for (size_t i = 0; db && i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncmp(db, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

#if !HAVE_POSTGRESQL
static enum store_rc no_server_backend(struct store **out, char *err, size_t errlen)
{
	*out = NULL;
	snprintf(err, errlen, "this build has no PostgreSQL backend: give the path of a "
			      "database file");
	return STORE_READONLY; /* as for a file that cannot be opened */
}

enum store_rc pg_open_mode(const char *where, bool create, struct store **out, char *err,
			   size_t errlen)
{
	(void)where;
	(void)create;
	return no_server_backend(out, err, errlen);
}
#endif

enum store_rc store_open_mode(const char *path, bool create, struct store **out, char *err,
			      size_t errlen)
{
	if (store_names_server(path))
		return pg_open_mode(path, create, out, err, errlen);
	return sqlite_open_mode(path, create, out, err, errlen);
}

enum store_rc store_open(const char *path, struct store **out, char *err, size_t errlen)
{
	return store_open_mode(path, true, out, err, errlen);
}

enum store_rc store_open_for_check(const char *path, struct store **out, char *err,
				   size_t errlen)
{
	/* A server's database is checked as it is opened. */
	if (store_names_server(path))
		return pg_open_mode(path, false, out, err, errlen);
	return sqlite_open_for_check(path, out, err, errlen);
}

static char *chosen_council;

void store_choose_council(const char *name)
{
	free(chosen_council);
	chosen_council = name ? xstrdup(name) : NULL;
}

const char *store_chosen_council(void)
{
	if (chosen_council)
		return chosen_council;
	const char *env = getenv("CXMEET_COUNCIL");
	return env && *env ? env : NULL;
}

static bool council_optional;

void store_council_optional(bool on) { council_optional = on; }
bool store_council_is_optional(void) { return council_optional; }

void store_set_progress(store_progress_fn fn, void *ctx)
{
	sqlite_set_progress(fn, ctx);
}

const char *store_backend_version(void)
{
	return sqlite_backend_version();
}

/* The key is the due date as every backend orders it: YYYY-MM-DD. */
void store_open_action_cursor(const struct item *it, struct store_cursor *cur)
{
	memset(cur, 0, sizeof *cur);
	cur->set = true;
	cur->id = it->id;
	cur->part = it->due != DATE_NONE;
	if (it->due != DATE_NONE)
		date_format(it->due, cur->key, sizeof cur->key);
}
