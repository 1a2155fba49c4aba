/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * diff.c: word-level diff with Myers' O(ND) algorithm (see diff.h).
 *
 * E. W. Myers, "An O(ND) difference algorithm and its variations",
 * Algorithmica 1 (1986): the greedy forward search over diagonals, with
 * the furthest-reaching x of every diagonal kept for each D so that the
 * path can be traced back.  The trace takes (D+1)^2 ints, which is why D
 * is bounded.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/* Comparisons after which the search stops, like the edit limit. */
#define DIFF_MAX_WORK 50000000UL

struct tok {
	const char *s;
	size_t len;
	int nl;        /* a line break */
	size_t indent; /* line break: spaces at the start of the next line */
};

struct toks {
	struct tok *t;
	size_t n, cap;
};

/* One step of the edit script: an op on token i of a (delete) or b. */
struct step {
	enum diff_op op;
	size_t i;
};

struct steps {
	struct step *s;
	size_t n, cap;
};

static void
tokenize(const char *s, struct toks *out)
{
	const char *p = s, *start;
	struct tok *t;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return;
	while (*p != '\0') {
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		PT_ARRAY_PUSH(out->t, out->n, out->cap);
		t = &out->t[out->n - 1];
		memset(t, 0, sizeof *t);
		if (*p == '\n') {
			t->nl = 1;
			t->s = p++;
			t->len = 1;
			while (*p == ' ' || *p == '\t') {
				t->indent++;
				p++;
			}
			continue;
		}
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' &&
		       *p != '\n')
			p++;
		t->s = start;
		t->len = (size_t)(p - start);
	}
	/* A line break at the very start or end carries nothing. */
	while (out->n > 0 && out->t[out->n - 1].nl)
		out->n--;
	if (out->n > 0 && out->t[0].nl) {
		memmove(out->t, out->t + 1, (out->n - 1) * sizeof *out->t);
		out->n--;
	}
}

static int
tok_eq(const struct tok *a, const struct tok *b)
{
	return a->nl == b->nl && a->len == b->len &&
	       memcmp(a->s, b->s, a->len) == 0;
}

static void
push_step(struct steps *st, enum diff_op op, size_t i)
{
	PT_ARRAY_PUSH(st->s, st->n, st->cap);
	st->s[st->n - 1].op = op;
	st->s[st->n - 1].i = i;
}

/*
 * Edit script for a[0..n) -> b[0..m) (offsets ao, bo into the token
 * arrays), appended to st in reverse order.  Returns 1 when the limit was
 * reached and the tail was replaced whole.
 */
static int
myers(const struct tok *a, size_t ao, long n, const struct tok *b, size_t bo,
      long m, long max_d, struct steps *st)
{
	long dmax, d, k, x, y, best_k, prev_k, mid_x, i;
	int *v, *trace, *vp, limited = 0;
	size_t tsize = 0;
	unsigned long work = 0;

	dmax = n + m;
	if (dmax > max_d)
		dmax = max_d;
	v = xcalloc((size_t)(2 * dmax + 3), sizeof *v);
	trace =
	    xmalloc((size_t)(dmax + 1) * (size_t)(dmax + 1) * sizeof *trace);
#define V(kk) v[(kk) + dmax + 1]
	for (d = 0; d <= dmax; d++) {
		for (k = -d; k <= d; k += 2) {
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && V(k - 1) < V(k + 1)))
				x = V(k + 1);
			else
				x = V(k - 1) + 1;
			y = x - k;
			while (x < n && y < m &&
			       tok_eq(&a[ao + x], &b[bo + y])) {
				x++;
				y++;
				work++;
			}
			V(k) = (int)x;
			work++;
			if (x == n && y == m)
				break;
		}
		/* Keep V(-d..d) of this round. */
		memcpy(trace + tsize, &V(-d),
		       (size_t)(2 * d + 1) * sizeof *trace);
		tsize += (size_t)(2 * d + 1);
		if (k <= d)
			break;
		if (work > DIFF_MAX_WORK) {
			limited = 1;
			break;
		}
	}
	if (d > dmax) {
		d = dmax;
		limited = 1;
	}
	/* The end point: (n, m), or the furthest point of the last round. */
	if (!limited) {
		x = n;
		k = n - m;
	} else {
		best_k = LONG_MIN;
		for (k = -d; k <= d; k += 2) {
			long xk = V(k), yk = xk - k;

			if (yk < 0 || yk > m || xk > n)
				continue;
			if (best_k == LONG_MIN ||
			    xk + yk > V(best_k) + V(best_k) - best_k)
				best_k = k;
		}
		if (best_k == LONG_MIN) {
			/* No point inside the grid: replace everything. */
			d = 0;
			best_k = 0;
			V(0) = 0;
		}
		k = best_k;
		x = V(k);
		/* Everything after the point is replaced whole. */
		for (i = m - 1; i >= x - k; i--)
			push_step(st, DIFF_INSERT, bo + (size_t)i);
		for (i = n - 1; i >= x; i--)
			push_step(st, DIFF_DELETE, ao + (size_t)i);
	}
#undef V
	/* Trace back from round d. */
	for (; d > 0; d--) {
		/* Round d-1 starts at offset (d-1)^2 and covers k =
		 * -(d-1)..d-1. */
		vp =
		    trace + (size_t)(d - 1) * (size_t)(d - 1) + (size_t)(d - 1);
		if (k == -d || (k != d && vp[k - 1] < vp[k + 1]))
			prev_k = k + 1;
		else
			prev_k = k - 1;
		mid_x = prev_k == k + 1 ? vp[prev_k] : vp[prev_k] + 1;
		for (; x > mid_x; x--)
			push_step(st, DIFF_EQUAL, bo + (size_t)(x - 1 - k));
		if (prev_k == k + 1)
			push_step(st, DIFF_INSERT, bo + (size_t)(x - k - 1));
		else
			push_step(st, DIFF_DELETE, ao + (size_t)(x - 1));
		x = vp[prev_k];
		k = prev_k;
	}
	for (; x > 0; x--)
		push_step(st, DIFF_EQUAL, bo + (size_t)(x - 1));
	free(trace);
	free(v);
	return limited;
}

/* Add one token to a chunk's text. */
static void
chunk_add(struct pt_buf *b, const struct tok *t)
{
	size_t i;

	if (t->nl) {
		pt_buf_addc(b, '\n');
		for (i = 0; i < t->indent; i++)
			pt_buf_addc(b, ' ');
		return;
	}
	if (b->len > 0 && b->s[b->len - 1] != '\n' && b->s[b->len - 1] != ' ')
		pt_buf_addc(b, ' ');
	pt_buf_add(b, t->s, t->len);
}

struct builder {
	struct diff *d;
	size_t cap;
	struct pt_buf del, ins, eq;
	size_t ndel, nins, neq;
};

static void
emit(struct builder *bd, enum diff_op op, struct pt_buf *b, size_t *words)
{
	struct diff_chunk *c;

	if (b->len == 0)
		return;
	PT_ARRAY_PUSH(bd->d->chunks, bd->d->n, bd->cap);
	c = &bd->d->chunks[bd->d->n - 1];
	c->op = op;
	c->words = *words;
	c->text = pt_buf_detach(b);
	*words = 0;
}

static void
flush_changes(struct builder *bd)
{
	emit(bd, DIFF_DELETE, &bd->del, &bd->ndel);
	emit(bd, DIFF_INSERT, &bd->ins, &bd->nins);
}

static void
build(struct builder *bd, const struct toks *ta, const struct toks *tb,
      enum diff_op op, size_t i)
{
	const struct tok *t = op == DIFF_DELETE ? &ta->t[i] : &tb->t[i];

	switch (op) {
	case DIFF_EQUAL:
		if (bd->del.len > 0 || bd->ins.len > 0) {
			flush_changes(bd);
		}
		chunk_add(&bd->eq, t);
		if (!t->nl) {
			bd->neq++;
			bd->d->equal++;
		}
		break;
	case DIFF_DELETE:
	case DIFF_INSERT:
		emit(bd, DIFF_EQUAL, &bd->eq, &bd->neq);
		chunk_add(op == DIFF_DELETE ? &bd->del : &bd->ins, t);
		if (!t->nl) {
			if (op == DIFF_DELETE) {
				bd->ndel++;
				bd->d->deleted++;
			} else {
				bd->nins++;
				bd->d->inserted++;
			}
		}
		break;
	}
}

void
diff_words_limit(const char *a, const char *b, size_t max_edits,
                 struct diff *out)
{
	struct toks ta, tb;
	struct steps st;
	struct builder bd;
	size_t pre = 0, suf = 0, i;
	long n, m;

	memset(out, 0, sizeof *out);
	memset(&st, 0, sizeof st);
	memset(&bd, 0, sizeof bd);
	pt_buf_init(&bd.del);
	pt_buf_init(&bd.ins);
	pt_buf_init(&bd.eq);
	bd.d = out;
	tokenize(a, &ta);
	tokenize(b, &tb);
	while (pre < ta.n && pre < tb.n && tok_eq(&ta.t[pre], &tb.t[pre]))
		pre++;
	while (suf < ta.n - pre && suf < tb.n - pre &&
	       tok_eq(&ta.t[ta.n - 1 - suf], &tb.t[tb.n - 1 - suf]))
		suf++;
	n = (long)(ta.n - pre - suf);
	m = (long)(tb.n - pre - suf);
	if (max_edits > INT_MAX / 4)
		max_edits = INT_MAX / 4;
	if (n > 0 || m > 0) {
		if (n > INT_MAX / 4 || m > INT_MAX / 4) {
			for (i = (size_t)m; i > 0; i--)
				push_step(&st, DIFF_INSERT, pre + i - 1);
			for (i = (size_t)n; i > 0; i--)
				push_step(&st, DIFF_DELETE, pre + i - 1);
			out->approximate = 1;
		} else if (n == 0 || m == 0) {
			for (i = (size_t)m; i > 0; i--)
				push_step(&st, DIFF_INSERT, pre + i - 1);
			for (i = (size_t)n; i > 0; i--)
				push_step(&st, DIFF_DELETE, pre + i - 1);
		} else {
			out->approximate = myers(ta.t, pre, n, tb.t, pre, m,
			                         (long)max_edits, &st);
		}
	}
	for (i = 0; i < pre; i++)
		build(&bd, &ta, &tb, DIFF_EQUAL, i);
	for (i = st.n; i > 0; i--)
		build(&bd, &ta, &tb, st.s[i - 1].op, st.s[i - 1].i);
	for (i = 0; i < suf; i++)
		build(&bd, &ta, &tb, DIFF_EQUAL, tb.n - suf + i);
	flush_changes(&bd);
	emit(&bd, DIFF_EQUAL, &bd.eq, &bd.neq);
	pt_buf_release(&bd.del);
	pt_buf_release(&bd.ins);
	pt_buf_release(&bd.eq);
	free(st.s);
	free(ta.t);
	free(tb.t);
}

void
diff_words(const char *a, const char *b, struct diff *out)
{
	diff_words_limit(a, b, DIFF_MAX_EDITS, out);
}

void
diff_free(struct diff *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		free(d->chunks[i].text);
	free(d->chunks);
	memset(d, 0, sizeof *d);
}

int
diff_changed(const struct diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->chunks[i].op != DIFF_EQUAL)
			return 1;
	return 0;
}

const char *
diff_op_name(enum diff_op op)
{
	switch (op) {
	case DIFF_EQUAL:
		return "equal";
	case DIFF_DELETE:
		return "delete";
	case DIFF_INSERT:
		return "insert";
	}
	return "?";
}

void
diff_plain(struct pt_buf *b, const struct diff *d, int color)
{
	size_t i, start = b->len;
	const struct diff_chunk *c;

	for (i = 0; i < d->n; i++) {
		c = &d->chunks[i];
		if (b->len > start && b->s[b->len - 1] != '\n' &&
		    b->s[b->len - 1] != ' ' && c->text[0] != '\n')
			pt_buf_addc(b, ' ');
		switch (c->op) {
		case DIFF_EQUAL:
			pt_buf_adds(b, c->text);
			break;
		case DIFF_DELETE:
			pt_buf_addf(b, "%s[-%s-]%s", color ? "\033[31m" : "",
			            c->text, color ? "\033[m" : "");
			break;
		case DIFF_INSERT:
			pt_buf_addf(b, "%s{+%s+}%s", color ? "\033[32m" : "",
			            c->text, color ? "\033[m" : "");
			break;
		}
	}
}
