/* fuzz_cadence.c - cadence_parse on any input. What it accepts must be within
 * the documented ranges, and its formatted form must parse back to the same. */
#include "cxmeet/cadence.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = fuzz_cstr(data, size);
	char err[512];
	struct cadence c;
	if (cadence_parse(s, &c, err, sizeof err) == 0) {
		int max = c.unit == CADENCE_DAYS ? 366 : c.unit == CADENCE_WEEKS ? 52 : 12;
		FUZZ_CHECK(c.unit >= CADENCE_DAYS && c.unit <= CADENCE_MONTHS && c.n >= 1 &&
				   c.n <= max,
			   "'%s' -> unit %d n %d", s, (int)c.unit, c.n);
		char buf[128];
		cadence_format(&c, buf, sizeof buf);
		struct cadence again;
		FUZZ_CHECK(cadence_parse(buf, &again, err, sizeof err) == 0 &&
				   cadence_days(&again) == cadence_days(&c),
			   "'%s' -> '%s' does not parse back", s, buf);
		cx_date next = cadence_next(&c, 20415);
		FUZZ_CHECK(next > 20415, "'%s': next meeting %d", s, (int)next);
	} else {
		FUZZ_CHECK(err[0] != '\0', "'%s': no message", s);
	}
	free(s);
	return 0;
}
