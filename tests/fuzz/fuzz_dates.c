/* fuzz_dates.c - date_parse_due, date_parse (back), date_parse_iso and clock_parse on any input.
 * Whatever they accept must be in range and survive a format/parse round trip. */
#include <time.h>

#include "cxmeet/dates.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = fuzz_cstr(data, size);
	char buf[64];

	cx_date d;
	if (date_parse_iso(s, &d)) {
		int y, m, day;
		date_to_ymd(d, &y, &m, &day);
		FUZZ_CHECK(date_valid_ymd(y, m, day), "'%s' -> %d", s, (int)d);
		date_format(d, buf, sizeof buf);
		cx_date again;
		FUZZ_CHECK(date_parse_iso(buf, &again) && again == d, "'%s' -> '%s'", s, buf);
	}

	/* Two contexts: with and without a known next meeting, on fixed days. */
	static const struct date_context ctxs[] = {
		{20415, DATE_NONE},   /* 2025-11-23 */
		{20415, 20429},
		{0, DATE_NONE},       /* 1970-01-01 */
		{2932500, 2932530},   /* near the year 9999 */
	};
	for (size_t i = 0; i < sizeof ctxs / sizeof ctxs[0]; i++) {
		char err[512];
		cx_date due = DATE_NONE;
		if (date_parse_due(s, &ctxs[i], &due, err, sizeof err) == 0) {
			FUZZ_CHECK(due != DATE_NONE && due >= ctxs[i].today,
				   "'%s' -> %d before today %d", s, (int)due, (int)ctxs[i].today);
			int y, m, day;
			date_to_ymd(due, &y, &m, &day);
			FUZZ_CHECK(date_valid_ymd(y, m, day), "'%s' -> %d", s, (int)due);
		} else {
			FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL && err[0] != '\0',
				   "'%s': no message", s);
		}
	}
	/* The same grammar looking back (--since): any date it gives is on the
	 * calendar, and a refusal says why. */
	for (size_t i = 0; i < sizeof ctxs / sizeof ctxs[0]; i++) {
		char err[512];
		cx_date d = DATE_NONE;
		if (date_parse(s, &ctxs[i], DATE_BACK, &d, err, sizeof err) == 0) {
			int y, m, day;
			date_to_ymd(d, &y, &m, &day);
			FUZZ_CHECK(date_valid_ymd(y, m, day), "'%s' back -> %d", s, (int)d);
		} else {
			FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL && err[0] != '\0',
				   "'%s': no message looking back", s);
		}
	}

	time_t t;
	if (clock_parse(s, &t)) {
		clock_format_utc(t, buf, sizeof buf);
		time_t again;
		FUZZ_CHECK(clock_parse(buf, &again) && again == t, "'%s' -> '%s'", s, buf);
	}

	free(s);
	return 0;
}
