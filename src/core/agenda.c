/* agenda.c - the plain-text agenda template format (data/agenda-standard.txt):
 *
 *   template NAME
 *   step MINUTES KIND TITLE
 *     indented prompt lines
 *
 * Comments start with # in the first column. Errors name the line they
 * were found on. */
#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/agenda.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static const char *const step_kinds[STEP_KIND_COUNT] = {
	"roll-call", "mission", "story", "action-review", "insights",
	"priorities", "wins", "new-actions", "wrap-up", "topic", "initiatives",
};

const char *step_kind_name(enum step_kind k)
{
	return (int)k >= 0 && k < STEP_KIND_COUNT ? step_kinds[k] : "topic";
}

int step_kind_parse(const char *s)
{
	for (int i = 0; s && i < STEP_KIND_COUNT; i++)
		if (text_ieq(s, step_kinds[i]))
			return i;
	return -1;
}

void agenda_free(struct agenda_template *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_steps; i++) {
		free(t->steps[i].title);
		free(t->steps[i].prompt);
	}
	free(t->steps);
	free(t->name);
	memset(t, 0, sizeof *t);
}

struct parser {
	struct agenda_template *t;
	struct strbuf prompt;
	int line;
	char *err;
	size_t errlen;
};

static int fail(struct parser *p, const char *fmt, const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg);
	errf(p->err, p->errlen, "line %d: %s", p->line, msg);
	return -1;
}

/* Attaches the prompt gathered so far to the last step. */
static int flush_prompt(struct parser *p)
{
	if (p->t->n_steps == 0 || p->prompt.len == 0) {
		sb_free(&p->prompt);
		return 0;
	}
	struct agenda_step *s = &p->t->steps[p->t->n_steps - 1];
	char err[256];
	char *clean = text_clean(p->prompt.s, TEXT_LONG, "prompt", err, sizeof err);
	sb_free(&p->prompt);
	if (!clean)
		return fail(p, "%s", err);
	free(s->prompt);
	s->prompt = clean;
	return 0;
}

static int parse_step(struct parser *p, const char *rest)
{
	char *end;
	char kind[32];
	int used = 0;
	errno = 0;
	long minutes = strtol(rest, &end, 10);
	if (end == rest || !isspace((unsigned char)*end))
		return fail(p, "expected 'step MINUTES KIND TITLE'%s", "");
	if (errno || minutes < 0 || minutes > AGENDA_MAX_MINUTES)
		return fail(p, "planned minutes must be 0 to 240%s", "");
	if (sscanf(end, " %31s %n", kind, &used) != 1 || used == 0)
		return fail(p, "expected 'step MINUTES KIND TITLE'%s", "");
	int k = step_kind_parse(kind);
	if (k < 0)
		return fail(p, "unknown step kind '%s' (roll-call, mission, story, action-review, "
			       "initiatives, insights, priorities, wins, new-actions, wrap-up, "
			       "topic)", kind);
	char err[256];
	char *title = text_clean(end + used, TEXT_NAME, "step title", err, sizeof err);
	if (!title)
		return fail(p, "%s", err);
	if (p->t->n_steps >= AGENDA_MAX_STEPS) {
		free(title);
		return fail(p, "an agenda has at most 50 steps%s", "");
	}
	p->t->steps = xrealloc(p->t->steps, (p->t->n_steps + 1) * sizeof *p->t->steps);
	p->t->steps[p->t->n_steps++] = (struct agenda_step){
		.title = title, .kind = (enum step_kind)k, .minutes = (int)minutes,
		.prompt = xstrdup("")};
	return 0;
}

static int parse_line(struct parser *p, char *line)
{
	size_t len = strlen(line);
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	if (!text_valid_utf8(line, len))
		return fail(p, "not valid UTF-8 text%s", "");
	/* Comments start in the first column; indented text is always a prompt,
	 * so a prompt that begins with '#' survives a render and parse. */
	if (line[0] == '#')
		return 0;
	char *s = line;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		/* One blank line or several: one paragraph break, as render writes it. */
		if (p->prompt.len && p->prompt.s[p->prompt.len - 1] != '\n')
			sb_add(&p->prompt, "\n");
		return 0;
	}
	if (s != line) { /* indented: prompt text */
		if (p->t->n_steps == 0)
			return fail(p, "prompt text before any step%s", "");
		/* Check the line now, so an error names this line, not the next step's. */
		char err[256];
		char *clean = text_clean(s, TEXT_LONG, "prompt", err, sizeof err);
		if (!clean)
			return fail(p, "%s", err);
		free(clean);
		/* Lines of a paragraph join with a space; a blank line starts a new one. */
		if (p->prompt.len && p->prompt.s[p->prompt.len - 1] != '\n')
			sb_add(&p->prompt, " ");
		sb_add(&p->prompt, s);
		return 0;
	}
	if (flush_prompt(p) != 0)
		return -1;
	if (strncmp(s, "template", 8) == 0 && (s[8] == ' ' || s[8] == '\t')) {
		if (p->t->name)
			return fail(p, "a second 'template' line%s", "");
		if (p->t->n_steps)
			return fail(p, "'template' must come before the steps%s", "");
		char err[256];
		p->t->name = text_clean(s + 9, TEXT_NAME, "template name", err, sizeof err);
		return p->t->name ? 0 : fail(p, "%s", err);
	}
	if (strncmp(s, "step", 4) == 0 && (s[4] == ' ' || s[4] == '\t'))
		return parse_step(p, s + 5);
	char word[24] = "";
	sscanf(s, "%23s", word);
	return fail(p, "unknown line starting '%s' (expected 'template', 'step', an indented "
		       "prompt or a # comment)", word);
}

int agenda_parse(const char *text, struct agenda_template *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	struct parser p = {.t = out, .err = err, .errlen = errlen};
	sb_init(&p.prompt);
	const char *pos = text ? text : "";
	int rc = 0;
	while (*pos && rc == 0) {
		const char *nl = strchr(pos, '\n');
		size_t n = nl ? (size_t)(nl - pos) : strlen(pos);
		p.line++;
		if (n > 4096) {
			rc = fail(&p, "line too long%s", "");
			break;
		}
		char *line = xstrndup(pos, n);
		if (memchr(pos, '\0', n) == NULL)
			rc = parse_line(&p, line);
		free(line);
		pos = nl ? nl + 1 : pos + n;
	}
	if (rc == 0)
		rc = flush_prompt(&p);
	if (rc == 0 && !out->name) {
		p.line = p.line ? p.line : 1;
		rc = fail(&p, "no 'template NAME' line%s", "");
	}
	if (rc == 0 && out->n_steps == 0)
		rc = fail(&p, "the agenda has no steps%s", "");
	if (rc != 0) {
		sb_free(&p.prompt);
		agenda_free(out);
	}
	return rc;
}

/* Stored text is printed through text_printable: an agenda written into the
 * database behind the program's back must not carry escapes into the file. */
char *agenda_render(const struct agenda_template *t)
{
	struct strbuf sb;
	sb_init(&sb);
	char *name = text_printable_line(t->name ? t->name : "Unnamed");
	sb_addf(&sb, "template %s\n", name);
	free(name);
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct agenda_step *s = &t->steps[i];
		char *title = text_printable_line(s->title);
		sb_addf(&sb, "\nstep %d %s %s\n", s->minutes, step_kind_name(s->kind), title);
		free(title);
		char *prompt = text_printable(s->prompt ? s->prompt : "");
		const char *para = prompt;
		bool first = true;
		while (*para) {
			const char *nl = strchr(para, '\n');
			size_t n = nl ? (size_t)(nl - para) : strlen(para);
			if (n) {
				sb_add(&sb, first ? "  " : "\n  ");
				sb_addn(&sb, para, n);
				sb_add(&sb, "\n");
				first = false;
			}
			para = nl ? nl + 1 : para + n;
		}
		free(prompt);
	}
	return sb_take(&sb);
}

int agenda_check(const struct agenda_template *t, char *err, size_t errlen)
{
	if (t->n_steps == 0)
		return errf(err, errlen, "an agenda needs at least one step"), -1;
	if (t->n_steps > AGENDA_MAX_STEPS)
		return errf(err, errlen, "an agenda has at most %d steps", AGENDA_MAX_STEPS), -1;
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct agenda_step *s = &t->steps[i];
		char why[256];
		char *clean = text_clean(s->title ? s->title : "", TEXT_NAME, "step title", why,
					 sizeof why);
		if (!clean)
			return errf(err, errlen, "step %zu: %s", i + 1, why), -1;
		free(clean);
		if (s->minutes < 0 || s->minutes > AGENDA_MAX_MINUTES)
			return errf(err, errlen, "step %zu: planned minutes must be 0 to %d", i + 1,
				    AGENDA_MAX_MINUTES), -1;
	}
	return 0;
}

static struct agenda_step step_dup(const struct agenda_step *s)
{
	return (struct agenda_step){.title = xstrdup(s->title ? s->title : ""),
				    .kind = s->kind,
				    .minutes = s->minutes,
				    .prompt = xstrdup(s->prompt ? s->prompt : ""),
				    .skipped = s->skipped};
}

void agenda_copy(const struct agenda_template *src, struct agenda_template *dst)
{
	memset(dst, 0, sizeof *dst);
	dst->name = src->name ? xstrdup(src->name) : NULL;
	dst->steps = xcalloc(src->n_steps ? src->n_steps : 1, sizeof *dst->steps);
	for (size_t i = 0; i < src->n_steps; i++)
		dst->steps[i] = step_dup(&src->steps[i]);
	dst->n_steps = src->n_steps;
}

int agenda_insert_step(struct agenda_template *t, size_t at, const struct agenda_step *step)
{
	if (t->n_steps >= AGENDA_MAX_STEPS)
		return -1;
	if (at > t->n_steps)
		at = t->n_steps;
	t->steps = xrealloc(t->steps, (t->n_steps + 1) * sizeof *t->steps);
	memmove(&t->steps[at + 1], &t->steps[at], (t->n_steps - at) * sizeof *t->steps);
	t->steps[at] = step_dup(step);
	t->n_steps++;
	return 0;
}

void agenda_remove_step(struct agenda_template *t, size_t at)
{
	if (at >= t->n_steps)
		return;
	free(t->steps[at].title);
	free(t->steps[at].prompt);
	memmove(&t->steps[at], &t->steps[at + 1], (t->n_steps - at - 1) * sizeof *t->steps);
	t->n_steps--;
}

void agenda_swap_steps(struct agenda_template *t, size_t i, size_t j)
{
	if (i >= t->n_steps || j >= t->n_steps)
		return;
	struct agenda_step tmp = t->steps[i];
	t->steps[i] = t->steps[j];
	t->steps[j] = tmp;
}

int agenda_minutes_parse(const char *text)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (end == text || *end || errno || v < 1 || v > AGENDA_MAX_MINUTES)
		return -1;
	return (int)v;
}

int agenda_toggle_skip(struct agenda_template *t, size_t i, char *err, size_t errlen)
{
	if (i >= t->n_steps)
		return errf(err, errlen, "there is no step %zu", i + 1), -1;
	struct agenda_step *s = &t->steps[i];
	if (!s->skipped) {
		/* The wrap-up is where the meeting is rated and ended: it always runs. */
		if (s->kind == STEP_WRAP_UP)
			return errf(err, errlen, "The wrap-up ends the meeting: it cannot be "
						 "skipped."), -1;
		size_t kept = 0;
		for (size_t k = 0; k < t->n_steps; k++)
			kept += !t->steps[k].skipped;
		if (kept <= 1)
			return errf(err, errlen, "A meeting needs at least one step."), -1;
	}
	s->skipped = !s->skipped;
	return 0;
}

int agenda_minutes(const struct agenda_template *t)
{
	int total = 0;
	for (size_t i = 0; i < t->n_steps; i++)
		if (!t->steps[i].skipped)
			total += t->steps[i].minutes;
	return total;
}
