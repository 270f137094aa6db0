/* keymap.c - the one table of shared actions (from TUI_ACTIONS), their
 * default key bindings, and the lookup in a view's own keymap. The help
 * screen is generated from these tables. */
#include <stdio.h>
#include <string.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "keymap.h"
#include "cxmeet/model.h"
#include "cxmeet/util.h"

static const char *const help_text[ACT_COUNT] = {
#define X(name, help, group) [ACT_##name] = help,
	TUI_ACTIONS(X)
#undef X
};

static const char *const group_text[ACT_COUNT] = {
#define X(name, help, group) [ACT_##name] = group,
	TUI_ACTIONS(X)
#undef X
};

_Static_assert(sizeof help_text / sizeof help_text[0] == ACT_COUNT, "one help text per action");

const struct binding tui_bindings[] = {
	{'?', false, ACT_HELP, "?"},
	{'q', false, ACT_QUIT, "q"},
	{CTRL('c'), false, ACT_QUIT, "Ctrl-C"}, /* raw mode: read as a key, not a signal */
	{CTRL('l'), false, ACT_REDRAW, "Ctrl-L"},
	{KEY_UP, true, ACT_UP, "Up"},
	{'k', false, ACT_UP, "k"},
	{KEY_DOWN, true, ACT_DOWN, "Down"},
	{'j', false, ACT_DOWN, "j"},
	{KEY_PPAGE, true, ACT_PAGE_UP, "PgUp"},
	{KEY_NPAGE, true, ACT_PAGE_DOWN, "PgDn"},
	{KEY_HOME, true, ACT_TOP, "Home"},
	{'g', false, ACT_TOP, "g"},
	{KEY_END, true, ACT_BOTTOM, "End"},
	{'G', false, ACT_BOTTOM, "G"},
	{KEY_RIGHT, true, ACT_STEP_NEXT, "Right"},
	{'l', false, ACT_STEP_NEXT, "l"},
	{']', false, ACT_STEP_NEXT, "]"},
	{'>', false, ACT_STEP_NEXT, ">"},
	{KEY_LEFT, true, ACT_STEP_PREV, "Left"},
	{'h', false, ACT_STEP_PREV, "h"},
	{'[', false, ACT_STEP_PREV, "["},
	{'<', false, ACT_STEP_PREV, "<"},
	{'1', false, ACT_STEP_JUMP, "1-9, 0"},
	{'\n', false, ACT_SELECT, "Enter"},
	{'\r', false, ACT_SELECT, NULL},
	{KEY_ENTER, true, ACT_SELECT, NULL},
	{' ', false, ACT_SELECT, "Space"},
	{'e', false, ACT_EDIT, "e"},
	{'X', false, ACT_DELETE, "X"},
	{KEY_DC, true, ACT_DELETE, "Delete"},
	{'K', false, ACT_MOVE_UP, "K"},
	{'J', false, ACT_MOVE_DOWN, "J"},
	{'+', false, ACT_ADD_PERSON, "+"},
	{'E', false, ACT_END_MEETING, "E"},
	{'T', false, ACT_TAKE_OVER, "T"},
	{'d', false, ACT_CAPTURE_DECISION, "d"},
	{'a', false, ACT_CAPTURE_ACTION, "a"},
	{'w', false, ACT_CAPTURE_WIN, "w"},
	{'s', false, ACT_CAPTURE_STORY, "s"},
	{'i', false, ACT_CAPTURE_INSIGHT, "i"},
	{'n', false, ACT_CAPTURE_NOTE, "n"},
	{'p', false, ACT_CAPTURE_PARKED, "p"},
	{'m', false, ACT_CAPTURE_MESSAGE, "m"},
	{'c', false, ACT_CAPTURE_DEFAULT, "c"},
};

const size_t tui_binding_count = ARRAY_SIZE(tui_bindings);

const char *action_help(enum action a) { return a < ACT_COUNT ? help_text[a] : ""; }
const char *action_group(enum action a) { return a < ACT_COUNT ? group_text[a] : ""; }

bool action_everywhere(enum action a)
{
	const char *g = action_group(a);
	return strcmp(g, "General") == 0 || strcmp(g, "Moving") == 0;
}

enum action keymap_lookup(wint_t ch, bool is_key)
{
	if (!is_key && ((ch >= '2' && ch <= '9') || ch == '0'))
		return ACT_STEP_JUMP;
	for (size_t i = 0; i < tui_binding_count; i++)
		if (tui_bindings[i].is_key == is_key && (wint_t)tui_bindings[i].key == ch)
			return tui_bindings[i].action;
	return ACT_NONE;
}

int action_capture_kind(enum action a)
{
	switch (a) {
	case ACT_CAPTURE_DECISION: return ITEM_DECISION;
	case ACT_CAPTURE_ACTION: return ITEM_ACTION;
	case ACT_CAPTURE_WIN: return ITEM_WIN;
	case ACT_CAPTURE_STORY: return ITEM_STORY;
	case ACT_CAPTURE_INSIGHT: return ITEM_INSIGHT;
	case ACT_CAPTURE_NOTE: return ITEM_NOTE;
	case ACT_CAPTURE_PARKED: return ITEM_PARKED;
	case ACT_CAPTURE_MESSAGE: return ITEM_MESSAGE;
	default: return -1;
	}
}

int keymap_find(const struct keymap *km, wint_t ch, bool is_key)
{
	for (size_t i = 0; km && i < km->n; i++)
		for (const struct view_key *k = km->entries[i].keys;
		     k < km->entries[i].keys + KEYMAP_KEYS && k->code; k++)
			if (k->is_key == is_key && (wint_t)k->code == ch)
				return km->entries[i].action;
	return ACT_NONE;
}

int keymap_key_of(const struct keymap *km, int action)
{
	for (size_t i = 0; km && i < km->n; i++)
		if (km->entries[i].action == action && !km->entries[i].keys[0].is_key)
			return km->entries[i].keys[0].code;
	return 0;
}

void key_label(int code, bool is_key, char *buf, size_t len)
{
	static const struct {
		int code;
		const char *name;
	} fn[] = {
		{KEY_UP, "Up"},         {KEY_DOWN, "Down"},       {KEY_LEFT, "Left"},
		{KEY_RIGHT, "Right"},   {KEY_PPAGE, "PgUp"},      {KEY_NPAGE, "PgDn"},
		{KEY_HOME, "Home"},     {KEY_END, "End"},         {KEY_ENTER, "Enter"},
		{KEY_DC, "Delete"},     {KEY_BTAB, "Shift-Tab"},  {KEY_SR, "Shift-Up"},
		{KEY_SF, "Shift-Down"}, {KEY_BACKSPACE, "Backspace"},
	};
	if (is_key) {
		for (size_t i = 0; i < ARRAY_SIZE(fn); i++)
			if (fn[i].code == code) {
				snprintf(buf, len, "%s", fn[i].name);
				return;
			}
		const char *name = keyname(code);
		snprintf(buf, len, "%s", name ? name : "?");
	} else if (code == ' ') {
		snprintf(buf, len, "Space");
	} else if (code == '\t') {
		snprintf(buf, len, "Tab");
	} else if (code == '\n' || code == '\r') {
		snprintf(buf, len, "Enter");
	} else if (code == ESC) {
		snprintf(buf, len, "Esc");
	} else if (code == 0x7f) {
		snprintf(buf, len, "Backspace");
	} else if (code < 0x20) {
		snprintf(buf, len, "Ctrl-%c", (char)(code ^ 0x40));
	} else {
		snprintf(buf, len, "%lc", (wint_t)code);
	}
}

/* Adds a key's label to the list in buf unless it is there already
 * (Enter is three keys: \n, \r and KEY_ENTER). */
static void label_add(char *buf, size_t len, const char *label)
{
	size_t n = strlen(buf);
	for (const char *p = buf; (p = strstr(p, label)) != NULL; p += strlen(label)) {
		bool start = p == buf || p[-1] == ' ';
		bool end = p[strlen(label)] == '\0' || p[strlen(label)] == ',';
		if (start && end)
			return;
	}
	snprintf(buf + n, len - n, "%s%s", n ? ", " : "", label);
}

void keymap_entry_keys(const struct keymap_entry *e, char *buf, size_t len)
{
	char one[32];
	buf[0] = '\0';
	for (size_t i = 0; e->action > ACT_NONE && e->action < ACT_COUNT && i < tui_binding_count;
	     i++)
		if ((int)tui_bindings[i].action == e->action && tui_bindings[i].label)
			label_add(buf, len, tui_bindings[i].label);
	for (const struct view_key *k = e->keys; k < e->keys + KEYMAP_KEYS && k->code; k++) {
		key_label(k->code, k->is_key, one, sizeof one);
		label_add(buf, len, one);
	}
}
