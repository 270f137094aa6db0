/* modal.c - the one key loop of the modal boxes (modal.h). */
#include "draw.h"
#include "modal.h"
#include "screen.h"

enum modal_rc modal_run(struct tui *t, const struct modal *m, void *ctx)
{
	for (;;) {
		tui_redraw(t);
		if (!t->too_small && !tui_hold_drawing(t)) {
			if (m->draw) {
				m->draw(t, ctx);
				refresh();
			} else {
				doupdate();
			}
		}
		wint_t ch;
		bool is_key;
		int wait = m->wait_ms ? m->wait_ms(ctx) : -1;
		bool got = m->text ? tui_read_text(t, &ch, &is_key, wait)
				   : tui_read_key(t, &ch, &is_key, wait);
		if (!got) {
			if (m->idle)
				m->idle(t, ctx);
			if (t->quit)
				return MODAL_CANCEL;
			continue;
		}
		if (m->text)
			curs_set(0);
		enum modal_rc rc = m->key(t, ctx, ch, is_key);
		if (rc != MODAL_GO_ON)
			return rc;
	}
}
