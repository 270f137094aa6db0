/* keymap.c - the one table of actions (from TUI_ACTIONS) and the default key
 * bindings. The help screen is generated from these two tables. */
#include "tui_int.h"
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

#define CTRL(c) ((c) & 0x1f)

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
	{'1', false, ACT_STEP_JUMP, "1-9"},
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

enum action keymap_lookup(wint_t ch, bool is_key)
{
	if (!is_key && ch >= '2' && ch <= '9')
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
