/* fuzz_import.c - the readers of `cxmeet import` on any bytes: the CSV
 * reader (every record's fields are NUL-ended, lines only go forward, the
 * end is reached) and the JSON reader (the document skipped whole, or a
 * refusal with a reason and a line of the input). */
#include "cxmeet/import.h"
#include "cxmeet/json_read.h"
#include "cxmeet/util.h"
#include "fuzz_common.h"

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

	fp = size ? fmemopen((void *)data, size, "rb") : fmemopen(none, 1, "rb");
	if (!fp)
		return 0;
	if (!size)
		fgetc(fp);
	struct json_reader jr;
	struct strbuf tmp;
	sb_init(&tmp);
	json_reader_init(&jr, fp, "fuzz", err, sizeof err);
	json_skip_value(&jr, &tmp, 0);
	bool ok = json_end(&jr);
	long lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	FUZZ_CHECK(jr.bytes <= (long)size, "%ld bytes read of %zu", jr.bytes, size);
	FUZZ_CHECK(ok || (jr.fail_line >= 1 && jr.fail_line <= lines && *jr.msg),
		   "a refusal without a reason or a line of the input (line %ld)", jr.fail_line);
	FUZZ_CHECK(!ok || jr.bytes == (long)size, "a document not read to its end");
	sb_free(&tmp);
	fclose(fp);
	return 0;
}
