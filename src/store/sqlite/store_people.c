/* store_people.c - each person's record as owner and hero (wins credited,
 * actions done on time, open, overdue), read for the whole council in one
 * query, and their place on the stakeholder map. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static void read_record(sqlite3_stmt *s, void *elem)
{
	struct person_record *r = elem;
	read_person(s, &r->p);
	r->wins = sqlite3_column_int64(s, 9);
	r->actions = sqlite3_column_int64(s, 10);
	r->done = sqlite3_column_int64(s, 11);
	r->done_on_time = sqlite3_column_int64(s, 12);
	r->done_judged = sqlite3_column_int64(s, 15);
	r->open = sqlite3_column_int64(s, 13);
	r->overdue = sqlite3_column_int64(s, 14);
}

static void free_records(void *arr, size_t n) { person_records_free(arr, n); }

enum store_rc sqlite_person_records(struct store *st, cx_date today, bool with_archived,
				    struct person_record **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_RECORDS);
	bind_int(s, 1, with_archived);
	bind_date(s, 2, today);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_record, free_records,
			    "reading the people's records");
}

enum store_rc sqlite_person_set_stance(struct store *st, store_id id, enum stance influence,
				       enum stance support)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_SET_STANCE);
	bind_text(s, 1, stance_name(influence));
	bind_text(s, 2, stance_name(support));
	bind_id(s, 3, id);
	return stmt_update_one(st, s, "placing a person on the stakeholder map");
}

