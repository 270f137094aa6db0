/* test_keymap.c - the one keymap table: every action has a key, no key is
 * bound twice, and the man page documents every action with the same words the
 * help screen uses (so the two cannot drift apart). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "src/tui/keymap.h"
#include "cxmeet/util.h"

static char *man_page(void)
{
	const char *path = getenv("CXMEET_MAN");
	assert_non_null(path);
	char *text = tu_slurp(path, NULL);
	assert_non_null(text);
	return text;
}

static void keymap__every_action_has_a_labelled_key(void **state)
{
	(void)state;
	for (int a = 1; a < ACT_COUNT; a++) {
		bool found = false;
		for (size_t i = 0; i < tui_binding_count; i++)
			found = found || (tui_bindings[i].action == (enum action)a && tui_bindings[i].label);
		if (!found)
			fail_msg("action '%s' has no key shown in help", action_help((enum action)a));
	}
}

static void keymap__no_key_is_bound_twice(void **state)
{
	(void)state;
	for (size_t i = 0; i < tui_binding_count; i++)
		for (size_t j = i + 1; j < tui_binding_count; j++)
			if (tui_bindings[i].key == tui_bindings[j].key &&
			    tui_bindings[i].is_key == tui_bindings[j].is_key)
				fail_msg("key %d is bound twice", tui_bindings[i].key);
}

static void keymap__lookup_finds_each_binding(void **state)
{
	(void)state;
	for (size_t i = 0; i < tui_binding_count; i++)
		assert_int_equal(keymap_lookup((wint_t)tui_bindings[i].key, tui_bindings[i].is_key),
				 tui_bindings[i].action);
	for (wint_t c = '2'; c <= '9'; c++)
		assert_int_equal(keymap_lookup(c, false), ACT_STEP_JUMP);
	assert_int_equal(keymap_lookup('Z', false), ACT_NONE);
}

static void man__documents_every_action_as_help_does(void **state)
{
	(void)state;
	char *man = man_page();
	const char *captures = strstr(man, ".It Cm d a w s i n p m");
	assert_non_null(captures);
	for (int a = 1; a < ACT_COUNT; a++) {
		const char *help = action_help((enum action)a);
		if (action_capture_kind((enum action)a) >= 0 || a == ACT_CAPTURE_DEFAULT) {
			/* Captures share one line of the man page; each key must be on it. */
			for (size_t i = 0; i < tui_binding_count; i++)
				if (tui_bindings[i].action == (enum action)a && a != ACT_CAPTURE_DEFAULT) {
					char key[4] = {' ', (char)tui_bindings[i].key, 0};
					const char *eol = strchr(captures, '\n');
					char *line = xstrndup(captures, (size_t)(eol - captures));
					if (!strstr(line, key) && line[strlen(line) - 1] != key[1])
						fail_msg("capture key %s missing from the man page", key);
					free(line);
				}
			if (a != ACT_CAPTURE_DEFAULT)
				continue;
		}
		if (!strstr(man, help))
			fail_msg("the man page does not say: %s", help);
	}
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap__every_action_has_a_labelled_key),
		cmocka_unit_test(keymap__no_key_is_bound_twice),
		cmocka_unit_test(keymap__lookup_finds_each_binding),
		cmocka_unit_test(man__documents_every_action_as_help_does),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
