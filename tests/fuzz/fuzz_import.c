/* fuzz_import.c - the readers of `cxmeet import` on any bytes: the CSV
 * reader (every record's fields are NUL-ended, lines only go forward, the
 * end is reached) and the JSON reader (a tree or a refusal with a line). */
#include "cxmeet/import.h"
#include "cxmeet/json_read.h"
#include "cxmeet/util.h"
#include "fuzz_common.h"

static size_t count(const struct json *v)
{
	size_t n = 1;
	for (size_t i = 0; i < v->n; i++)
		n += count(&v->items[i]);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 16)
		return 0;
	static char none[1]; /* fmemopen needs a size: an empty input is one byte read past */
	FILE *fp = size ? fmemopen((void *)data, size, "rb") : fmemopen(none, 1, "rb");
	if (!fp)
		return 0;
	if (!size)
		fgetc(fp);
	struct csv_reader r;
	char err[512];
	csv_open(&r, fp);
	long last = 0;
	size_t records = 0;
	int got;
	while ((got = csv_next(&r, err, sizeof err)) != 0) {
		FUZZ_CHECK(r.line >= last && r.line >= 1, "line %ld after %ld", r.line, last);
		last = r.line;
		FUZZ_CHECK(++records <= size + 1, "%zu records of %zu bytes", records, size);
		if (got < 0 && (feof(fp) || ferror(fp)))
			break;
		for (size_t i = 0; got > 0 && i < r.nf; i++)
			FUZZ_CHECK(strlen(r.fields[i]) <= size, "a field longer than the input");
	}
	csv_close(&r);
	fclose(fp);

	struct json v;
	long line = 0;
	if (json_parse((const char *)data, size, &v, err, sizeof err, &line) == 0) {
		FUZZ_CHECK(count(&v) <= size, "%zu values of %zu bytes", count(&v), size);
		json_free(&v);
	} else {
		FUZZ_CHECK(line >= 1 && *err, "a refusal without a line or a reason");
		FUZZ_CHECK(v.n == 0 && !v.items, "a refusal keeps values");
	}
	return 0;
}
