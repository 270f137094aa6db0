/* templates.h - agenda templates as they are kept: their steps are saved
 * only once the rules of agenda.h allow them. */
#ifndef CXMEET_TEMPLATES_H
#define CXMEET_TEMPLATES_H

#include "cxmeet/agenda.h"
#include "cxmeet/store.h"

/* Replaces all of template id's steps with t's (store_template_save_steps),
 * when agenda_check allows them; else STORE_INVALID, with its message in
 * store_errmsg, and nothing written. */
enum store_rc template_save_steps(struct store *st, store_id id, const struct agenda_template *t);

#endif
