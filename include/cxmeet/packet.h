/* packet.h - the sponsor's progress packet: one self-contained page for the
 * executive sponsor and the council. Wins and their heroes by department,
 * the story -> action -> win chains, what waits on the sponsor (escalated
 * actions, decisions due for a revisit), overdue actions by department,
 * cadence health and the buy-in ledger; in HTML with charts drawn as inline
 * SVG (no external file, no script, no network; it prints), or in Markdown.
 *
 * Wins, stories and meetings are counted from `since` (by the stored UTC
 * day, as the ledger counts); the ledger and the on-time share by department
 * from since's quarter (ledger.h); overdue and waiting as of today; cadence
 * health as `cxmeet cadence` reports it. */
#ifndef CXMEET_PACKET_H
#define CXMEET_PACKET_H

#include "cxmeet/output.h"
#include "cxmeet/store.h"

/* At most this many of each are listed (the counts say how many there are). */
#define PACKET_WINS_LISTED 20
#define PACKET_CHAINS 8
#define PACKET_WAITING 25
#define PACKET_HEROES 3

/* The packet from since to today as format (OUT_HTML or OUT_MD) in *out
 * (caller frees). */
enum store_rc packet_render(struct store *st, cx_date since, cx_date today, enum out_format format,
			    char **out);

#endif
