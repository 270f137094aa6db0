/* fuzz_agenda.c - agenda_parse on any input; what it accepts must render to a
 * text that parses again to the same template (and renders the same). */
#include "cxmeet/agenda.h"
#include "fuzz_common.h"

static int streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	char *s = fuzz_cstr(data, size);
	char err[512];
	struct agenda_template t;
	if (agenda_parse(s, &t, err, sizeof err) == 0) {
		FUZZ_CHECK(t.n_steps <= AGENDA_MAX_STEPS, "%zu steps", t.n_steps);
		char *text = agenda_render(&t);
		struct agenda_template t2;
		FUZZ_CHECK(agenda_parse(text, &t2, err, sizeof err) == 0,
			   "the rendered template does not parse: %s\n%s", err, text);
		FUZZ_CHECK(streq(t.name, t2.name), "name '%s' became '%s'", t.name, t2.name);
		FUZZ_CHECK(t.n_steps == t2.n_steps, "%zu steps became %zu", t.n_steps,
			   t2.n_steps);
		for (size_t i = 0; i < t.n_steps; i++) {
			const struct agenda_step *a = &t.steps[i], *b = &t2.steps[i];
			FUZZ_CHECK(streq(a->title, b->title), "step %zu title '%s' became '%s'",
				   i + 1, a->title, b->title);
			FUZZ_CHECK(a->kind == b->kind && a->minutes == b->minutes,
				   "step %zu kind/minutes changed", i + 1);
			FUZZ_CHECK(a->minutes >= 0 && a->minutes <= AGENDA_MAX_MINUTES,
				   "step %zu: %d minutes", i + 1, a->minutes);
			FUZZ_CHECK(streq(a->prompt, b->prompt), "step %zu prompt '%s' became '%s'",
				   i + 1, a->prompt ? a->prompt : "(null)",
				   b->prompt ? b->prompt : "(null)");
		}
		char *text2 = agenda_render(&t2);
		FUZZ_CHECK(strcmp(text, text2) == 0, "rendering is not stable:\n%s\n---\n%s", text,
			   text2);
		free(text2);
		free(text);
		agenda_free(&t2);
		agenda_free(&t);
	} else {
		FUZZ_CHECK(strncmp(err, "line ", 5) == 0, "message without a line: '%s'", err);
		agenda_free(&t);
	}
	free(s);
	return 0;
}
