/* scorecard.c - the CX scorecard's rules (scorecard.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/leaders.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static const char *const freq_labels[FREQ_COUNT] = {"each meeting", "weekly", "monthly",
						    "quarterly"};

const char *measure_freq_label(enum measure_freq f)
{
	return f >= 0 && f < FREQ_COUNT ? freq_labels[f] : freq_labels[0];
}

cx_date measure_period(enum measure_freq f, cx_date day)
{
	int y, m, d;
	switch (f) {
	case FREQ_WEEKLY:
		return day - date_weekday(day);
	case FREQ_MONTHLY:
		date_to_ymd(day, &y, &m, &d);
		return date_from_ymd(y, m, 1);
	case FREQ_QUARTERLY:
		date_to_ymd(day, &y, &m, &d);
		return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
	default:
		return day;
	}
}

void measure_period_text(enum measure_freq f, cx_date period, char *buf, size_t len)
{
	int y, m, d;
	char day[16];
	date_format(period, day, sizeof day);
	date_to_ymd(period, &y, &m, &d);
	switch (f) {
	case FREQ_WEEKLY: snprintf(buf, len, "week of %s", day); break;
	case FREQ_MONTHLY: snprintf(buf, len, "%04d-%02d", y, m); break;
	case FREQ_QUARTERLY: snprintf(buf, len, "%04d-Q%d", y, (m + 2) / 3); break;
	default: snprintf(buf, len, "%s", day); break;
	}
}

int measure_value_parse(const char *s, double *out, char *err, size_t errlen)
{
	const char *p = s ? s : "";
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p) {
		snprintf(err, errlen, "a value is needed: a number such as 92.5");
		return -1;
	}
	/* a plain decimal: no hexadecimal, no "inf" or "nan" */
	for (const char *q = p; *q; q++)
		if (!strchr("0123456789.-+eE \t", *q)) {
			char *safe = text_printable_line(s);
			snprintf(err, errlen, "'%s' is not a number (write it as 92.5, with a point)",
				 safe);
			free(safe);
			return -1;
		}
	char *end;
	errno = 0;
	double v = strtod(p, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == p || *end || errno == EINVAL) {
		char *safe = text_printable_line(s);
		snprintf(err, errlen, "'%s' is not a number (write it as 92.5, with a point)", safe);
		free(safe);
		return -1;
	}
	if (!isfinite(v) || fabs(v) > SCORECARD_VALUE_MAX) {
		snprintf(err, errlen, "the value is too large to be a measure's (at most %g either way)",
			 SCORECARD_VALUE_MAX);
		return -1;
	}
	*out = v == 0 ? 0 : v; /* no "-0" */
	return 0;
}

void measure_value_unit(const struct measure *m, double v, char *buf, size_t len)
{
	char n[40];
	measure_value_text(v, n, sizeof n);
	const char *u = m->unit && *m->unit ? m->unit : NULL;
	snprintf(buf, len, "%s%s%s", n, u && strcmp(u, "%") != 0 ? " " : "", u ? u : "");
}

int measure_on_track(const struct measure *m, double value)
{
	if (!m->has_target)
		return -1;
	return m->lower_is_better ? value <= m->target : value >= m->target;
}

const char *measure_track_word(int track)
{
	return track < 0 ? "no target" : track ? "on track" : "off track";
}

bool measure_needs_cause(const struct measure *m, bool has_prev, double prev, double value)
{
	int now = measure_on_track(m, value);
	if (now == 0 && (!has_prev || measure_on_track(m, prev) != 0))
		return true;
	if (!has_prev)
		return false;
	double base = fabs(prev);
	if (base == 0)
		return value != 0;
	return fabs(value - prev) * 100 >= base * SCORECARD_MOVE_PCT;
}

void measure_sparkline(const double *values, size_t n, bool utf8, char *buf, size_t len)
{
	static const char *const blocks[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	static const char ascii[8] = {'_', '.', '-', '=', '+', '*', '#', '@'};
	size_t used = 0;
	if (len)
		buf[0] = '\0';
	if (n == 0)
		return;
	double lo = values[0], hi = values[0];
	for (size_t i = 1; i < n; i++) {
		lo = values[i] < lo ? values[i] : lo;
		hi = values[i] > hi ? values[i] : hi;
	}
	for (size_t i = 0; i < n; i++) {
		int k = hi > lo ? (int)((values[i] - lo) / (hi - lo) * 7 + 0.5) : 3;
		const char *c = utf8 ? blocks[k] : (char[2]){ascii[k], 0};
		size_t cl = strlen(c);
		if (used + cl + 1 > len)
			break;
		memcpy(buf + used, c, cl);
		used += cl;
		buf[used] = '\0';
	}
}

enum store_rc scorecard_measures(struct store *st, struct measure **out, size_t *n)
{
	enum store_rc rc = store_measure_list(st, MEASURE_ANY, 0, false, out, n);
	if (rc != STORE_OK)
		return rc;
	struct measure *m = *out;
	measures_sort(m, *n);
	size_t k = 0; /* the success statement's first, in their order */
	for (size_t i = 0; i < *n; i++)
		if (m[i].kind == MEASURE_SUCCESS) {
			struct measure x = m[i];
			memmove(&m[k + 1], &m[k], (i - k) * sizeof x);
			m[k++] = x;
		}
	return STORE_OK;
}

void measure_free(struct measure *m)
{
	free(m->name);
	free(m->dept_name);
	free(m->person_name);
	free(m->unit);
	memset(m, 0, sizeof *m);
}

enum store_rc measure_lookup(struct store *st, const char *name, store_id dept, bool with_archived,
			     struct measure *out)
{
	struct measure *m;
	size_t n;
	memset(out, 0, sizeof *out);
	enum store_rc rc = store_measure_list(st, MEASURE_ANY, dept > 0 ? dept : 0, with_archived,
					      &m, &n);
	if (rc != STORE_OK)
		return rc;
	size_t found = n, matches = 0;
	for (size_t i = 0; i < n; i++)
		if (text_ieq(m[i].name, name ? name : "") && (dept < 0 || m[i].dept_id == dept)) {
			if (found == n)
				found = i;
			matches++;
		}
	if (matches == 1) {
		*out = m[found];
		memset(&m[found], 0, sizeof m[found]);
	}
	measure_list_free(m, n);
	if (matches > 1)
		return store_refuse(st, STORE_INVALID, "measures of that name are kept by several "
						       "departments: name the department (--dept)");
	if (matches == 0)
		return store_refuse(st, STORE_NOTFOUND, "there is no measure of that name");
	return STORE_OK;
}

enum store_rc measure_record(struct store *st, store_id id, cx_date day, cx_date today,
			     double value, bool correct, time_t at, cx_date *period)
{
	struct measure *m;
	size_t n;
	enum store_rc rc = store_measure_list(st, MEASURE_ANY, 0, true, &m, &n);
	if (rc != STORE_OK)
		return rc;
	size_t i = 0;
	while (i < n && m[i].id != id)
		i++;
	if (i == n) {
		measure_list_free(m, n);
		return store_refuse(st, STORE_NOTFOUND, "there is no such measure");
	}
	enum measure_freq f = m[i].frequency;
	bool archived = m[i].archived;
	measure_list_free(m, n);
	*period = measure_period(f, day);
	if (archived)
		return store_refuse(st, STORE_INVALID,
				    "the measure is archived: its values are kept, no new one is taken");
	if (*period > measure_period(f, today))
		return store_refuse(st, STORE_INVALID, "that period has not begun yet");
	if ((rc = store_begin(st)) != STORE_OK)
		return rc;
	double was;
	rc = store_measure_value_get(st, id, *period, &was);
	bool filled = rc == STORE_OK;
	if (rc == STORE_NOTFOUND)
		rc = STORE_OK;
	if (rc == STORE_OK && filled && !correct) {
		char p[32];
		measure_period_text(f, *period, p, sizeof p);
		char msg[160];
		snprintf(msg, sizeof msg, "%s has a value already: correct it (--correct) rather "
					  "than add a second", p);
		rc = store_refuse(st, STORE_INVALID, msg);
	}
	if (rc == STORE_OK)
		rc = store_measure_value_add(st, id, *period, value, at);
	if (rc == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}
