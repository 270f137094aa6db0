/* templates.c - agenda templates as they are kept (templates.h). */
#include "cxmeet/templates.h"

enum store_rc template_save_steps(struct store *st, store_id id, const struct agenda_template *t)
{
	char err[256];
	if (agenda_check(t, err, sizeof err) != 0)
		return store_refuse(st, STORE_INVALID, err);
	return store_template_save_steps(st, id, t);
}
