/* test_keymap.c - the one keymap table: every action has a key, no key is
 * bound twice, and the man page documents every action with the same words the
 * help screen uses (so the two cannot drift apart). Each view's own keymap:
 * every view has one, a key means one action in a view, every entry is named
 * and helped, and the lookup and the help's key labels read it as declared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "src/tui/draw.h" /* curses: the KEY_ codes */
#include "src/tui/keymap.h"
#include "src/tui/views.h"
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

static const struct view_ops *const every_view[] = {
	&view_home,     &view_meeting, &view_cadence, &view_actions,     &view_decisions,
	&view_people,   &view_council, &view_setup,   &view_stakeholders, &view_history,
	&view_agenda,   &view_prepare, &view_present,
};

static void view_keymap__every_view_declares_its_keys(void **state)
{
	(void)state;
	for (size_t v = 0; v < ARRAY_SIZE(every_view); v++) {
		const struct keymap *km = every_view[v]->keymap;
		if (!km || !km->n || !km->title)
			fail_msg("the %s view declares no keys", every_view[v]->name);
		for (size_t i = 0; i < km->n; i++) {
			const struct keymap_entry *e = &km->entries[i];
			if (!e->help || (e->action != ACT_NONE && !e->name))
				if (!(e->action > ACT_NONE && e->action < ACT_COUNT && e->name))
					fail_msg("the %s view has an entry without name or help",
						 every_view[v]->name);
			char keys[128];
			keymap_entry_keys(e, keys, sizeof keys);
			if (e->action != ACT_NONE && !keys[0])
				fail_msg("the %s view's %s has no key", every_view[v]->name, e->name);
		}
	}
}

static void view_keymap__a_key_means_one_action_in_a_view(void **state)
{
	(void)state;
	for (size_t v = 0; v < ARRAY_SIZE(every_view); v++) {
		const struct keymap *km = every_view[v]->keymap;
		for (size_t i = 0; i < km->n; i++)
			for (const struct view_key *k = km->entries[i].keys;
			     k < km->entries[i].keys + KEYMAP_KEYS && k->code; k++)
				if (keymap_find(km, (wint_t)k->code, k->is_key) != km->entries[i].action)
					fail_msg("in the %s view, key %d is %s and another action",
						 every_view[v]->name, k->code, km->entries[i].name);
	}
}

enum { T_FILTER = ACT_VIEW, T_HISTORY };

static const struct keymap_entry test_keys[] = {
	KM_HEADING("A view"),
	{T_FILTER, "filter", "Next filter", {KM_CH('f'), KM_CH('\t')}},
	{T_HISTORY, "history", "History", {KM_CH('v'), KM_FN(KEY_BTAB)}},
	{ACT_QUIT, "back", "Back", {KM_CH(ESC)}},
	{ACT_SELECT, "open", "Open", {{0, false}}},
	{T_FILTER, "editor", "In $EDITOR", {KM_CH(CTRL('e'))}},
};
static const struct keymap test_keymap = KEYMAP("a view", test_keys);

static void view_keymap__lookup_finds_the_views_own_keys(void **state)
{
	(void)state;
	assert_int_equal(keymap_find(&test_keymap, 'f', false), T_FILTER);
	assert_int_equal(keymap_find(&test_keymap, '\t', false), T_FILTER);
	assert_int_equal(keymap_find(&test_keymap, CTRL('e'), false), T_FILTER);
	assert_int_equal(keymap_find(&test_keymap, KEY_BTAB, true), T_HISTORY);
	assert_int_equal(keymap_find(&test_keymap, ESC, false), ACT_QUIT);
	/* A shared action's shared keys are the shared table's to find. */
	assert_int_equal(keymap_find(&test_keymap, 'q', false), ACT_NONE);
	assert_int_equal(keymap_find(&test_keymap, '\n', false), ACT_NONE);
	/* A character is not the function key of the same number. */
	assert_int_equal(keymap_find(&test_keymap, 'v', true), ACT_NONE);
	assert_int_equal(keymap_key_of(&test_keymap, T_HISTORY), 'v');
	assert_int_equal(keymap_key_of(&test_keymap, ACT_SELECT), 0);
}

static void view_keymap__help_writes_the_keys_as_declared(void **state)
{
	(void)state;
	char keys[128];
	keymap_entry_keys(&test_keys[1], keys, sizeof keys);
	assert_string_equal(keys, "f, Tab");
	keymap_entry_keys(&test_keys[2], keys, sizeof keys);
	assert_string_equal(keys, "v, Shift-Tab");
	keymap_entry_keys(&test_keys[3], keys, sizeof keys); /* shared keys first */
	assert_string_equal(keys, "q, Ctrl-C, Esc");
	keymap_entry_keys(&test_keys[4], keys, sizeof keys);
	assert_string_equal(keys, "Enter, Space");
	keymap_entry_keys(&test_keys[5], keys, sizeof keys);
	assert_string_equal(keys, "Ctrl-E");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap__every_action_has_a_labelled_key),
		cmocka_unit_test(keymap__no_key_is_bound_twice),
		cmocka_unit_test(keymap__lookup_finds_each_binding),
		cmocka_unit_test(man__documents_every_action_as_help_does),
		cmocka_unit_test(view_keymap__every_view_declares_its_keys),
		cmocka_unit_test(view_keymap__a_key_means_one_action_in_a_view),
		cmocka_unit_test(view_keymap__lookup_finds_the_views_own_keys),
		cmocka_unit_test(view_keymap__help_writes_the_keys_as_declared),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
