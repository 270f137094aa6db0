/* backend.h - what a backend of the store implements, private to src/store.
 *
 * A backend is a folder under src/store/ (sqlite/ today) that fills one
 * struct store_ops, a function for each operation of STORE_OPS
 * (cxmeet/store.h), and gives an open function that store.c calls when the
 * database argument is one of its own. Every handle it gives out begins with
 * the pointer to its table: a store is the backend's own struct whose first
 * member is a struct store, and a stream (store_actions_stream_begin,
 * store_search_stream_begin) begins with the ops pointer too, so that the
 * public store_NAME() finds the backend from the handle alone. */
#ifndef CXMEET_STORE_BACKEND_H
#define CXMEET_STORE_BACKEND_H

#include "cxmeet/store.h"

struct store_ops {
#define STORE_OP_X(name, params, args) enum store_rc (*name) params;
#define STORE_OP_R(type, name, params, args) type (*name) params;
#define STORE_OP_V(name, params, args) void (*name) params;
	STORE_OPS(STORE_OP_X, STORE_OP_R, STORE_OP_V)
#undef STORE_OP_X
#undef STORE_OP_R
#undef STORE_OP_V
};

/* The head of every open store, whichever its backend. */
struct store {
	const struct store_ops *ops;
};

/* The SQLite backend (src/store/sqlite/): the database argument is a path. */
enum store_rc sqlite_open_mode(const char *path, bool create, struct store **out, char *err,
			       size_t errlen);
enum store_rc sqlite_open_for_check(const char *path, struct store **out, char *err,
				    size_t errlen);
void sqlite_set_progress(store_progress_fn fn, void *ctx);
const char *sqlite_backend_version(void);

/* The PostgreSQL backend (src/store/pg/, when built): the database argument
 * is a libpq URI (postgresql://, postgres://) or a service (service=NAME). */
enum store_rc pg_open_mode(const char *where, bool create, struct store **out, char *err,
			   size_t errlen);

#endif
