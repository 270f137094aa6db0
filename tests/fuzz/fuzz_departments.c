/* fuzz_departments.c - setup_parse_departments on any input. */
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	char *s = fuzz_cstr(data, size);
	char err[512];
	struct default_dept *d = NULL;
	size_t n = 0;
	if (setup_parse_departments(s, &d, &n, err, sizeof err) == 0) {
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(d[i].name && d[i].name[0], "department %zu has no name", i);
			FUZZ_CHECK(strlen(d[i].name) <= TEXT_MAX_NAME &&
					   text_valid_utf8(d[i].name, strlen(d[i].name)),
				   "department %zu: a name that is not clean", i);
		}
		setup_departments_free(d, n);
	} else {
		FUZZ_CHECK(strncmp(err, "line ", 5) == 0, "message without a line: '%s'", err);
	}
	free(s);
	return 0;
}
