/* scope.c - reading every council at once (store_read_all_councils): the
 * wide form of the statements of the action list, search and the decision
 * log. Their
 * council filter, the session's council, is widened to every council the
 * role sees (the councils table, which row security shows it: those it
 * belongs to, every one for cxmeet_reader); row security still decides
 * each row, as for every statement. A list's rows name their council in a
 * last column, read with the row: no second pass, the same keyset pages
 * (ids are unique across councils); an open action's carried count is of
 * its own council's meetings. The forms are made from the
 * statements' own text, once, so that the two never drift apart. */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

#define ONE_COUNCIL "i.council_id = " COUNCIL
#define EVERY_COUNCIL "i.council_id IN (SELECT c.id FROM councils c)"
#define ITEMS " FROM items i"
#define NAMED ", (SELECT c.name FROM councils c WHERE c.id = i.council_id)" ITEMS

/* The statements read across councils: lists (their rows name their
 * council) and counts. */
static const enum pg_stmt lists[] = {
	PGS_ACTION_LATE_F, PGS_ACTION_LATE_B, PGS_ACTION_NODUE_F, PGS_ACTION_NODUE_B,
	PGS_ACTION_REST_F, PGS_ACTION_REST_B, PGS_ACTION_UNDATED_F, PGS_ACTION_UNDATED_B,
	PGS_SEARCH_F, PGS_SEARCH_B, PGS_SEARCH_PLAIN_F, PGS_SEARCH_PLAIN_B, PGS_SEARCH_LIST,
	PGS_DEC_DUE_F, PGS_DEC_DUE_B, PGS_DEC_REST_F, PGS_DEC_REST_B,
};
static const enum pg_stmt counts[] = {PGS_ACTION_COUNT, PGS_SEARCH_COUNT, PGS_SEARCH_NEWEST,
				      PGS_DEC_COUNTS, PGS_DEC_DUE_COUNT, PGS_DEC_WINDOW};

/* text with every `from` made `to` (at most `max` of them; 0: all). */
static char *replace(const char *text, const char *from, const char *to, int max)
{
	struct strbuf sb;
	sb_init(&sb);
	const char *p = text, *hit;
	int done = 0;
	while ((hit = strstr(p, from)) && (max == 0 || done < max)) {
		sb_addn(&sb, p, (size_t)(hit - p));
		sb_add(&sb, to);
		p = hit + strlen(from);
		done++;
	}
	sb_add(&sb, p);
	return sb.s;
}

static char *widen(enum pg_stmt id, bool named)
{
	char *each = replace(pg_statement_sql(id), PG_LAST_SEQ, PG_LAST_SEQ_OF_ROW, 0);
	char *wide = replace(each, ONE_COUNCIL, EVERY_COUNCIL, 0);
	free(each);
	if (!named)
		return wide;
	char *out = replace(wide, ITEMS, NAMED, 1);
	free(wide);
	return out;
}

const char *pg_wide_sql(enum pg_stmt id)
{
	static char *made[PGS_COUNT];
	static bool tried[PGS_COUNT];
	if (tried[id])
		return made[id];
	tried[id] = true;
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		if (lists[i] == id)
			made[id] = widen(id, true);
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++)
		if (counts[i] == id)
			made[id] = widen(id, false);
	return made[id];
}

enum store_rc pg_read_all_councils(struct store *st, bool on)
{
	PG(st)->all_councils = on;
	return STORE_OK;
}

/* The council a row of a wide list names (its last column), or NULL for a
 * row of the session's council alone. */
char *pg_row_council(const PGresult *r, int row, int own_columns)
{
	int n = PQnfields(r);
	return n > own_columns ? pgc_text(r, row, n - 1) : NULL;
}
