/* modal.c - the one key loop of the modal boxes (modal.h). */
#include <time.h>

#include "draw.h"
#include "modal.h"
#include "screen.h"

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The view whose time goes on under the box: the view shown, or the one the
 * help is drawn over (the help's own view ticks nothing). */
static const struct view_ops *ticking(const struct tui *t)
{
	const struct view *v = t->view;
	if (v && !v->ops->tick && v->ops->over && v->parent)
		v = v->parent;
	return v && v->ops->tick ? v->ops : NULL;
}

static enum modal_rc modal_loop(struct tui *t, const struct modal *m, void *ctx)
{
	const struct view_ops *under = ticking(t);
	int every = under ? (under->tick_ms ? under->tick_ms : 1000) : 0;
	long tick_at = now_ms() + every; /* the view's next tick */
	long box_since = now_ms();       /* the box's wait counts from here */
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
		/* Whichever comes first: the box's own wait, or the view's tick
		 * (at least a millisecond: a wait, not a peek). */
		int box = m->wait_ms ? m->wait_ms(ctx) : -1, wait = box;
		long now = now_ms();
		if (box >= 0)
			wait = now - box_since >= box ? 0 : (int)(box - (now - box_since));
		if (under) {
			long left = tick_at - now;
			int tw = left < 1 ? 1 : left > every ? every : (int)left;
			wait = wait < 0 || tw < wait ? tw : wait;
		}
		bool got = m->text ? tui_read_text(t, &ch, &is_key, wait)
				   : tui_read_key(t, &ch, &is_key, wait);
		now = now_ms();
		if (!got) {
			/* The view under the box goes on: a meeting's timer on its
			 * status line, its bell, its hold; redrawn with the box over it
			 * at the next pass. */
			bool tick_due = under && now >= tick_at;
			if (tick_due && !t->quit) {
				tick_at = now + every;
				under->tick(t);
			}
			/* The box's idle: its wait is over, or the read ended otherwise
			 * (a resize, the end); not a tick of the view alone. */
			if (m->idle && (!tick_due || (box >= 0 && now - box_since >= box))) {
				m->idle(t, ctx);
				box_since = now;
			}
			if (t->quit)
				return MODAL_CANCEL;
			continue;
		}
		box_since = now;
		if (m->text)
			curs_set(0);
		enum modal_rc rc = m->key(t, ctx, ch, is_key);
		if (rc != MODAL_GO_ON)
			return rc;
	}
}

enum modal_rc modal_run(struct tui *t, const struct modal *m, void *ctx)
{
	t->modal_depth++;
	enum modal_rc rc = modal_loop(t, m, ctx);
	t->modal_depth--;
	return rc;
}
