/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bwb.c: streaming reader for BWB statutory XML (see bwb.h).
 *
 * A SAX2 push parser is fed the input in 64 KiB chunks.  The reader keeps a
 * stack with one small frame per open element and, per open <artikel>, a
 * set of buffers that are reset (not freed) between articles, so memory
 * depends on the size of the largest article, not of the file.
 *
 * Every frame records where character data inside it goes (its "target"):
 * nowhere, the article text, a footnote, the article number, ... .  Text is
 * appended with whitespace collapsed; block elements (al, lid, li, row) start
 * a new line, inline contexts (table cells, footnotes) join blocks with a
 * space.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "buf.h"
#include "bwb.h"
#include "xmlsec.h"
#include "i18n.h"

#define BWB_CHUNK (64 * 1024)

#define BWB_STR2(x) #x
#define BWB_STR(x)  BWB_STR2(x)

/* Element kinds. */
enum kind {
	K_OTHER = 0, /* unknown: its borders separate words */
	K_INLINE,    /* nadruk, sup, sub, ...: text flows through */
	K_AL,        /* a paragraph-like block */
	K_ARTIKEL,
	K_BIJLAGE,
	K_CITEERTITEL,
	K_DIVISION,
	K_ENTRY,
	K_EXTREF,
	K_INTITULE,
	K_INTREF,
	K_JCI,
	K_JCIS,
	K_KOP,
	K_LABEL,
	K_LI,
	K_LID,
	K_LIDNR,
	K_LIJST,
	K_LINR,
	K_METADATA,
	K_NOOT,
	K_NOOTNR,
	K_NR,
	K_REDACTIE,
	K_ROW,
	K_TABLE,
	K_TITEL,
	K_TOESTAND,
	K_WETGEVING
};

struct kindname {
	const char *name;
	enum kind kind;
};

static const struct kindname kinds[] = {/* sorted by name (strcmp) */
                                        {"afdeling", K_DIVISION},
                                        {"al", K_AL},
                                        {"al-groep", K_AL},
                                        {"artikel", K_ARTIKEL},
                                        {"bijlage", K_BIJLAGE},
                                        {"boek", K_DIVISION},
                                        {"citeertitel", K_CITEERTITEL},
                                        {"considerans.al", K_AL},
                                        {"deel", K_DIVISION},
                                        {"divisie", K_DIVISION},
                                        {"entry", K_ENTRY},
                                        {"entrytbl", K_ENTRY},
                                        {"extref", K_EXTREF},
                                        {"hoofdstuk", K_DIVISION},
                                        {"inf", K_INLINE},
                                        {"intitule", K_INTITULE},
                                        {"intref", K_INTREF},
                                        {"jci", K_JCI},
                                        {"jcis", K_JCIS},
                                        {"kop", K_KOP},
                                        {"label", K_LABEL},
                                        {"li", K_LI},
                                        {"li.nr", K_LINR},
                                        {"lid", K_LID},
                                        {"lidnr", K_LIDNR},
                                        {"lijst", K_LIJST},
                                        {"meta-data", K_METADATA},
                                        {"nadruk", K_INLINE},
                                        {"noot", K_NOOT},
                                        {"noot.al", K_AL},
                                        {"noot.nr", K_NOOTNR},
                                        {"nr", K_NR},
                                        {"paragraaf", K_DIVISION},
                                        {"redactie", K_REDACTIE},
                                        {"row", K_ROW},
                                        {"sub", K_INLINE},
                                        {"sub-afdeling", K_DIVISION},
                                        {"sub-paragraaf", K_DIVISION},
                                        {"sup", K_INLINE},
                                        {"table", K_TABLE},
                                        {"title", K_AL},
                                        {"titel", K_TITEL},
                                        {"titeldeel", K_DIVISION},
                                        {"toestand", K_TOESTAND},
                                        {"tussenkop", K_AL},
                                        {"wetgeving", K_WETGEVING}};

/* Where character data goes. */
enum target {
	T_NONE = 0,
	T_TEXT,   /* article text */
	T_NOTES,  /* footnotes of the article */
	T_NOTENR, /* noot.nr */
	T_NR,     /* the article's kop/nr */
	T_TITLE,  /* the article's kop/titel */
	T_LIDNR,  /* lidnr */
	T_INTITULE,
	T_CITEERTITEL,
	T_DLABEL, /* kop/label of a division */
	T_DNR     /* kop/nr of a division */
};

#define F_AKOP 0x01 /* the kop of the current article */
#define F_DKOP 0x02 /* the kop of a division (outside articles) */
#define F_REF  0x04 /* the intref/extref whose text is being collected */
#define F_LID  0x08 /* a lid of the article (mark is its index) */
#define F_SKIP 0x10 /* inside <meta-data>: ignored */

struct frame {
	unsigned char kind;
	unsigned char out; /* enum target inside this element */
	unsigned char flags;
	size_t mark; /* path length, lid index or cell count */
};

/* A text buffer with whitespace collapsing. */
struct tbuf {
	struct pt_buf b;
	int pending;   /* a space is owed before the next word */
	int at_prefix; /* the line holds only a lid/li number */
};

struct lid_ent {
	size_t nr;     /* offset in leden store, or (size_t)-1 */
	size_t text;   /* offset in leden store */
	size_t start;  /* offset in article text where the lid starts */
	size_t nstart; /* offset in the notes where the lid starts */
};

struct ref_ent {
	enum bwb_ref_kind kind;
	size_t target; /* offsets in the ref store */
	size_t text;
};

/* The state of one open <artikel>. */
struct art {
	struct tbuf text, notes, notenr, nr, title, lidnr, reftext;
	struct pt_buf label, status, inwerking, jci, jciv;
	struct pt_buf store; /* NUL-separated strings for leden and refs */
	struct lid_ent *leden;
	size_t nleden, capleden;
	struct ref_ent *refs;
	size_t nrefs, caprefs;
	struct bwb_lid *olid; /* what the callback sees */
	size_t capolid;
	struct bwb_ref *oref;
	size_t caporef;
	size_t frame; /* index of the <artikel> frame */
	long line;
	int lvl;           /* open <lijst> elements */
	int inl;           /* open table cells and footnotes */
	int redactie;      /* open <redactie> elements */
	int red_vervallen; /* saw <redactie type="vervallen"> */
	int has_other;     /* saw text outside <redactie> */
	int note_hdr;      /* "[noot N]" still to be written */
	int ref_open;
};

#define KIND_CACHE 61

struct kindcache {
	const xmlChar *name;
	unsigned char kind;
};

struct state {
	/*
	 * The first three members have the layout of the guard that
	 * xmlsec.c's external entity loader expects in ctxt->_private.
	 */
	struct pt_err *err;
	const char *name;
	int failed;

	enum pt_status status;
	xmlParserCtxtPtr ctxt;
	const struct bwb_handler *h;

	struct frame *fr;
	size_t nfr, capfr;

	struct art **arts; /* open articles; buffers kept for reuse */
	size_t nart, capart;
	struct art *art; /* innermost open article or NULL */

	enum bwb_format format;
	struct pt_buf bwb_id, date, soort, path;
	struct tbuf intitule, citeertitel, dlabel, dnr;
	int have_date, have_soort, have_intitule, have_cit;
	int meta_done;
	int root_done;
	int nonws; /* the input holds more than whitespace */
	struct kindcache cache[KIND_CACHE];
};

static int
cmp_kind(const void *key, const void *elem)
{
	return strcmp(key, ((const struct kindname *)elem)->name);
}

static enum kind
lookup(const xmlChar *name)
{
	const void *p;

	p = bsearch(name, kinds, sizeof kinds / sizeof kinds[0],
	            sizeof kinds[0], cmp_kind);
	return p ? ((const struct kindname *)p)->kind : K_OTHER;
}

/*
 * Element names come from the parser's dictionary: one pointer per name
 * for the whole parse, so a small cache keyed by the pointer saves the
 * string compares.
 */
static enum kind
lookup_cached(struct state *s, const xmlChar *name)
{
	struct kindcache *c;

	c = &s->cache[((uintptr_t)name >> 3) % KIND_CACHE];
	if (c->name != name) {
		c->name = name;
		c->kind = (unsigned char)lookup(name);
	}
	return (enum kind)c->kind;
}

/* Text buffers. */

#define IS_WS(c) ((c) == ' ' || (c) == '\n' || (c) == '\t' || (c) == '\r')

static void
tb_reset(struct tbuf *t)
{
	pt_buf_reset(&t->b);
	t->pending = 0;
	t->at_prefix = 0;
}

static void
tb_release(struct tbuf *t)
{
	pt_buf_release(&t->b);
}

static char
tb_last(const struct tbuf *t)
{
	return t->b.len ? t->b.s[t->b.len - 1] : '\n';
}

/*
 * Append text, collapsing runs of whitespace into one space.  The output
 * is never longer than n + 1 bytes, so the buffer grows once per call.
 */
static int
tb_add(struct tbuf *t, const char *p, size_t n)
{
	const char *e = p + n;
	char *d, *s;
	int words = 0;

	pt_buf_grow(&t->b, n + 1);
	s = t->b.s;
	d = s + t->b.len;
	for (; p < e; p++) {
		if (IS_WS(*p)) {
			t->pending = 1;
			continue;
		}
		if (t->pending) {
			if (d > s && d[-1] != '\n' && d[-1] != ' ')
				*d++ = ' ';
			t->pending = 0;
		}
		*d++ = *p;
		words = 1;
	}
	t->b.len = (size_t)(d - s);
	s[t->b.len] = '\0';
	if (words)
		t->at_prefix = 0;
	return words;
}

/* Append literal bytes (prefixes, separators). */
static void
tb_raw(struct tbuf *t, const char *s)
{
	pt_buf_adds(&t->b, s);
	t->pending = 0;
}

/* End the current line, if any. */
static void
tb_newline(struct tbuf *t)
{
	if (tb_last(t) != '\n')
		pt_buf_addc(&t->b, '\n');
	t->pending = 0;
	t->at_prefix = 0;
}

/* The start of a block: a new line, or a space in an inline context. */
static void
tb_block(struct tbuf *t, int inl)
{
	if (t->at_prefix) {
		t->at_prefix = 0;
		return;
	}
	if (inl)
		t->pending = 1;
	else
		tb_newline(t);
}

/* Remove leading and trailing whitespace of s[start..len). */
static void
trim_range(const char *s, size_t *start, size_t *end)
{
	while (*start < *end && IS_WS(s[*start]))
		(*start)++;
	while (*end > *start && IS_WS(s[*end - 1]))
		(*end)--;
}

/* Attributes of startElementNs: (localname, prefix, URI, value, end). */
static const xmlChar *
attr(int n, const xmlChar **a, const char *name, size_t *len)
{
	int i;

	for (i = 0; i < n; i++, a += 5) {
		if (a[2] == NULL && strcmp((const char *)a[0], name) == 0) {
			*len = (size_t)(a[4] - a[3]);
			return a[3];
		}
	}
	return NULL;
}

/*
 * Copy an attribute value.  Without entity substitution libxml2 hands
 * '&' in attribute values over as "&#38;"; turn that back into '&'.
 */
static int
attr_copy(struct pt_buf *b, int n, const xmlChar **a, const char *name)
{
	const char *v, *e, *amp;
	size_t len;

	pt_buf_reset(b);
	if ((v = (const char *)attr(n, a, name, &len)) == NULL)
		return 0;
	e = v + len;
	while ((amp = memchr(v, '&', (size_t)(e - v))) != NULL) {
		pt_buf_add(b, v, (size_t)(amp - v));
		if (e - amp >= 5 && memcmp(amp, "&#38;", 5) == 0) {
			pt_buf_addc(b, '&');
			v = amp + 5;
		} else {
			pt_buf_addc(b, '&');
			v = amp + 1;
		}
	}
	pt_buf_add(b, v, (size_t)(e - v));
	return 1;
}

static int
attr_is(int n, const xmlChar **a, const char *name, const char *value)
{
	const xmlChar *v;
	size_t len;

	v = attr(n, a, name, &len);
	return v != NULL && len == strlen(value) && memcmp(v, value, len) == 0;
}

/* Errors. */

static void
fail(struct state *s, enum pt_status code, const char *fmt, const char *arg)
{
	if (s->failed)
		return;
	s->failed = 1;
	s->status = code;
	pt_err_set(s->err, code, s->name, xmlSAX2GetLineNumber(s->ctxt),
	           xmlSAX2GetColumnNumber(s->ctxt), fmt, arg);
	xmlStopParser(s->ctxt);
}

/* A callback returned an error: keep its err, stop. */
static void
fail_cb(struct state *s, enum pt_status code)
{
	s->failed = 1;
	s->status = code;
	xmlStopParser(s->ctxt);
}

/* Articles. */

static struct art *
art_new(void)
{
	struct art *a = xcalloc(1, sizeof *a);

	pt_buf_init(&a->text.b);
	pt_buf_init(&a->notes.b);
	pt_buf_init(&a->notenr.b);
	pt_buf_init(&a->nr.b);
	pt_buf_init(&a->title.b);
	pt_buf_init(&a->lidnr.b);
	pt_buf_init(&a->reftext.b);
	pt_buf_init(&a->label);
	pt_buf_init(&a->status);
	pt_buf_init(&a->inwerking);
	pt_buf_init(&a->jci);
	pt_buf_init(&a->jciv);
	pt_buf_init(&a->store);
	return a;
}

static void
art_free(struct art *a)
{
	tb_release(&a->text);
	tb_release(&a->notes);
	tb_release(&a->notenr);
	tb_release(&a->nr);
	tb_release(&a->title);
	tb_release(&a->lidnr);
	tb_release(&a->reftext);
	pt_buf_release(&a->label);
	pt_buf_release(&a->status);
	pt_buf_release(&a->inwerking);
	pt_buf_release(&a->jci);
	pt_buf_release(&a->jciv);
	pt_buf_release(&a->store);
	free(a->leden);
	free(a->refs);
	free(a->olid);
	free(a->oref);
	free(a);
}

static void
art_reset(struct art *a)
{
	tb_reset(&a->text);
	tb_reset(&a->notes);
	tb_reset(&a->notenr);
	tb_reset(&a->nr);
	tb_reset(&a->title);
	tb_reset(&a->lidnr);
	tb_reset(&a->reftext);
	pt_buf_reset(&a->label);
	pt_buf_reset(&a->status);
	pt_buf_reset(&a->inwerking);
	pt_buf_reset(&a->jci);
	pt_buf_reset(&a->jciv);
	pt_buf_reset(&a->store);
	a->nleden = 0;
	a->nrefs = 0;
	a->lvl = a->inl = a->redactie = 0;
	a->red_vervallen = a->has_other = a->note_hdr = a->ref_open = 0;
}

/* Store a NUL-terminated copy of s[0..n) in the article; return offset. */
static size_t
art_keep(struct art *a, const char *s, size_t n)
{
	size_t off = a->store.len;

	pt_buf_add(&a->store, s, n);
	pt_buf_addc(&a->store, '\0');
	return off;
}

static struct tbuf *
target(struct state *s, unsigned char t)
{
	struct art *a = s->art;

	switch (t) {
	case T_INTITULE:
		return &s->intitule;
	case T_CITEERTITEL:
		return &s->citeertitel;
	case T_DLABEL:
		return &s->dlabel;
	case T_DNR:
		return &s->dnr;
	default:
		break;
	}
	if (a == NULL)
		return NULL;
	switch (t) {
	case T_TEXT:
		return &a->text;
	case T_NOTES:
		return &a->notes;
	case T_NOTENR:
		return &a->notenr;
	case T_NR:
		return &a->nr;
	case T_TITLE:
		return &a->title;
	case T_LIDNR:
		return &a->lidnr;
	default:
		return NULL;
	}
}

/* Write "[noot N]" before the first text of a footnote. */
static void
note_header(struct art *a)
{
	size_t i = 0, j = a->notenr.b.len;

	a->note_hdr = 0;
	if (a->notes.b.len)
		tb_newline(&a->notes);
	trim_range(a->notenr.b.s, &i, &j);
	tb_raw(&a->notes, "[noot");
	if (j > i) {
		pt_buf_addc(&a->notes.b, ' ');
		pt_buf_add(&a->notes.b, a->notenr.b.s + i, j - i);
	}
	tb_raw(&a->notes, "]");
	a->notes.pending = 1;
}

static void
emit_meta(struct state *s)
{
	struct bwb_meta m;
	const char *cit = NULL;
	enum pt_status rc;

	if (s->meta_done || s->failed)
		return;
	s->meta_done = 1;
	if (s->have_cit && s->citeertitel.b.len)
		cit = s->citeertitel.b.s;
	else if (s->have_intitule && s->intitule.b.len)
		cit = s->intitule.b.s;
	m.format = s->format;
	m.bwb_id = s->bwb_id.s;
	m.citeertitel = cit;
	m.soort = s->have_soort ? s->soort.s : NULL;
	m.inwerkingtreding = s->have_date ? s->date.s : NULL;
	if (s->h->meta != NULL &&
	    (rc = s->h->meta(s->h->ctx, &m, s->err)) != PT_OK)
		fail_cb(s, rc);
}

static void
art_start(struct state *s, int n, const xmlChar **attrs)
{
	struct art *a;

	/*
	 * xmlStopParser() frees the input, attrs with it: after a failed
	 * callback nothing may look at them.
	 */
	emit_meta(s);
	if (s->failed)
		return;
	if (s->nart == s->capart) {
		s->capart = s->capart ? 2 * s->capart : 4;
		s->arts = xreallocarray(s->arts, s->capart, sizeof *s->arts);
		memset(s->arts + s->nart, 0,
		       (s->capart - s->nart) * sizeof *s->arts);
	}
	if (s->arts[s->nart] == NULL)
		s->arts[s->nart] = art_new();
	a = s->arts[s->nart++];
	art_reset(a);
	a->frame = s->nfr - 1;
	a->line = xmlSAX2GetLineNumber(s->ctxt);
	attr_copy(&a->label, n, attrs, "label");
	if (!attr_copy(&a->status, n, attrs, "status"))
		pt_buf_adds(&a->status, "goed");
	attr_copy(&a->inwerking, n, attrs, "inwerking");
	s->art = a;
}

static void
art_end(struct state *s)
{
	struct art *a = s->art;
	struct bwb_article out;
	const char *st;
	size_t i, j;
	enum pt_status rc;

	/* Text: trimmed, footnotes at the end. */
	pt_buf_rtrim(&a->text.b);
	if (a->notes.b.len) {
		if (a->text.b.len)
			pt_buf_addc(&a->text.b, '\n');
		pt_buf_add(&a->text.b, a->notes.b.s, a->notes.b.len);
		pt_buf_rtrim(&a->text.b);
	}
	pt_buf_rtrim(&a->nr.b);
	pt_buf_rtrim(&a->title.b);
	if (a->label.len == 0) {
		pt_buf_adds(&a->label, "Artikel");
		if (a->nr.b.len) {
			pt_buf_addc(&a->label, ' ');
			pt_buf_add(&a->label, a->nr.b.s, a->nr.b.len);
		}
	}
	if (a->red_vervallen && !a->has_other) {
		pt_buf_reset(&a->status);
		pt_buf_adds(&a->status, "vervallen");
	}

	if (a->nleden > a->capolid) {
		a->capolid = a->nleden;
		a->olid = xreallocarray(a->olid, a->capolid, sizeof *a->olid);
	}
	st = a->store.s;
	for (i = 0; i < a->nleden; i++) {
		a->olid[i].nr =
		    a->leden[i].nr == (size_t)-1 ? "" : st + a->leden[i].nr;
		a->olid[i].text = st + a->leden[i].text;
	}
	if (a->nrefs > a->caporef) {
		a->caporef = a->nrefs;
		a->oref = xreallocarray(a->oref, a->caporef, sizeof *a->oref);
	}
	for (j = 0; j < a->nrefs; j++) {
		a->oref[j].kind = a->refs[j].kind;
		a->oref[j].target = st + a->refs[j].target;
		a->oref[j].text = st + a->refs[j].text;
	}

	memset(&out, 0, sizeof out);
	out.nr = a->nr.b.s;
	out.label = a->label.s;
	out.title = a->title.b.len ? a->title.b.s : NULL;
	out.status = a->status.s;
	out.path = s->path.s;
	out.jci = a->jci.len ? a->jci.s : NULL;
	out.inwerking = a->inwerking.len ? a->inwerking.s : NULL;
	out.text = a->text.b.s;
	out.leden = a->olid;
	out.nleden = a->nleden;
	out.refs = a->oref;
	out.nrefs = a->nrefs;
	out.line = a->line;

	s->nart--;
	s->art = s->nart ? s->arts[s->nart - 1] : NULL;
	if (s->h->article != NULL &&
	    (rc = s->h->article(s->h->ctx, &out, s->err)) != PT_OK)
		fail_cb(s, rc);
}

/* Leden. */

static void
lid_start(struct state *s, struct frame *f, struct tbuf *t)
{
	struct art *a = s->art;
	struct lid_ent *l;

	tb_newline(t);
	if (a->nleden == a->capleden) {
		a->capleden = a->capleden ? 2 * a->capleden : 16;
		a->leden =
		    xreallocarray(a->leden, a->capleden, sizeof *a->leden);
	}
	l = &a->leden[a->nleden];
	l->nr = (size_t)-1;
	l->text = art_keep(a, "", 0);
	l->start = a->text.b.len;
	l->nstart = a->notes.b.len;
	f->mark = a->nleden++;
	f->flags |= F_LID;
}

static void
lid_end(struct state *s, struct frame *f)
{
	struct art *a = s->art;
	struct lid_ent *l = &a->leden[f->mark];
	size_t i = l->start, j = a->text.b.len, ni = l->nstart,
	       nj = a->notes.b.len;

	trim_range(a->text.b.s, &i, &j);
	trim_range(a->notes.b.s, &ni, &nj);
	l->text = a->store.len;
	pt_buf_add(&a->store, a->text.b.s + i, j - i);
	if (nj > ni) {
		if (j > i)
			pt_buf_addc(&a->store, '\n');
		pt_buf_add(&a->store, a->notes.b.s + ni, nj - ni);
	}
	pt_buf_addc(&a->store, '\0');
}

/* The lid number is known: write "N. " at the start of the lid. */
static void
lidnr_end(struct state *s, struct frame *parent, struct tbuf *t)
{
	struct art *a = s->art;
	size_t i = 0, j = a->lidnr.b.len;
	char c;

	trim_range(a->lidnr.b.s, &i, &j);
	if (parent != NULL && (parent->flags & F_LID) &&
	    a->leden[parent->mark].nr == (size_t)-1)
		a->leden[parent->mark].nr =
		    art_keep(a, a->lidnr.b.s + i, j - i);
	/* A lidnr inside a lidnr writes into the buffer it reads from: the
	 * inner number is part of the outer one's text already. */
	if (j == i || t == NULL || t == &a->lidnr)
		return;
	if (tb_last(t) != '\n')
		tb_newline(t);
	pt_buf_add(&t->b, a->lidnr.b.s + i, j - i);
	c = a->lidnr.b.s[j - 1];
	if (c != '.' && c != ')' && c != ':')
		pt_buf_addc(&t->b, '.');
	t->pending = 1;
	t->at_prefix = 1;
}

/* References. */

static void
ref_start(struct state *s, enum kind k, struct frame *f, int n,
          const xmlChar **attrs)
{
	struct art *a = s->art;
	struct ref_ent *r;
	struct pt_buf tmp = PT_BUF_INIT;

	if (a->ref_open)
		return;
	if (!attr_copy(&tmp, n, attrs, "doc") &&
	    !attr_copy(&tmp, n, attrs, "bwb-id"))
		attr_copy(&tmp, n, attrs, "bwb-ng-variabel-deel");
	if (a->nrefs == a->caprefs) {
		a->caprefs = a->caprefs ? 2 * a->caprefs : 16;
		a->refs = xreallocarray(a->refs, a->caprefs, sizeof *a->refs);
	}
	r = &a->refs[a->nrefs++];
	r->kind = k == K_INTREF ? BWB_REF_INTREF : BWB_REF_EXTREF;
	r->target = art_keep(a, tmp.s, tmp.len);
	r->text = art_keep(a, "", 0);
	pt_buf_release(&tmp);
	tb_reset(&a->reftext);
	a->ref_open = 1;
	f->flags |= F_REF;
}

static void
ref_end(struct state *s)
{
	struct art *a = s->art;

	a->ref_open = 0;
	pt_buf_rtrim(&a->reftext.b);
	a->refs[a->nrefs - 1].text =
	    art_keep(a, a->reftext.b.s, a->reftext.b.len);
}

/* The article's own <meta-data><jcis><jci>: keep the newest version. */
static void
jci_start(struct state *s, int n, const xmlChar **attrs)
{
	struct art *a = s->art;
	struct pt_buf v = PT_BUF_INIT;

	if (a == NULL || s->nfr < 4 || a->frame != s->nfr - 4 ||
	    s->fr[s->nfr - 2].kind != K_JCIS ||
	    s->fr[s->nfr - 3].kind != K_METADATA)
		return;
	attr_copy(&v, n, attrs, "versie");
	if (a->jci.len == 0 || strcmp(v.s, a->jciv.s) > 0) {
		if (attr_copy(&a->jci, n, attrs, "verwijzing") ||
		    attr_copy(&a->jci, n, attrs, "korte-verwijzing")) {
			pt_buf_reset(&a->jciv);
			pt_buf_add(&a->jciv, v.s, v.len);
		}
	}
	pt_buf_release(&v);
}

/* Refuse a structural path over the limit (it is stored per article). */
static void
path_check(struct state *s)
{
	if (s->path.len > BWB_MAX_PATH)
		fail(s, PT_EINPUT,
		     N_("the structural path of the divisions is "
		        "longer than %s bytes"),
		     BWB_STR(BWB_MAX_PATH));
}

/* Divisions: the path component of a division whose kop has ended. */
static void
div_kop_end(struct state *s, struct frame *div)
{
	size_t li = 0, lj = s->dlabel.b.len, ni = 0, nj = s->dnr.b.len;

	trim_range(s->dlabel.b.s, &li, &lj);
	trim_range(s->dnr.b.s, &ni, &nj);
	if (lj == li && nj == ni)
		return;
	s->path.len = div->mark;
	s->path.s[s->path.len] = '\0';
	if (s->path.len)
		pt_buf_adds(&s->path, " / ");
	if (lj > li)
		pt_buf_add(&s->path, s->dlabel.b.s + li, lj - li);
	else if (div->kind == K_BIJLAGE)
		pt_buf_adds(&s->path, "Bijlage");
	else
		pt_buf_adds(&s->path, "Onderdeel");
	if (nj > ni) {
		pt_buf_addc(&s->path, ' ');
		pt_buf_add(&s->path, s->dnr.b.s + ni, nj - ni);
	}
	path_check(s);
}

/* The root element. */
static void
root_start(struct state *s, enum kind k, const xmlChar *name,
           const xmlChar *uri, int n, const xmlChar **attrs)
{
	s->root_done = 1;
	if (uri != NULL || (k != K_TOESTAND && k != K_WETGEVING)) {
		fail(s, PT_EINPUT,
		     N_("not a BWB document: the root element is "
		        "'%s', not 'toestand' or 'wetgeving'"),
		     (const char *)name);
		return;
	}
	s->format =
	    k == K_TOESTAND ? BWB_FORMAT_TOESTAND : BWB_FORMAT_WETGEVING;
	if (!attr_copy(&s->bwb_id, n, attrs, "bwb-id") || s->bwb_id.len == 0) {
		fail(s, PT_EINPUT, N_("the root element '%s' has no bwb-id"),
		     (const char *)name);
		return;
	}
	if (s->bwb_id.len > BWB_MAX_ID) {
		fail(s, PT_EINPUT, N_("the bwb-id is longer than %s bytes"),
		     BWB_STR(BWB_MAX_ID));
		return;
	}
	if (k == K_TOESTAND)
		s->have_date =
		    attr_copy(&s->date, n, attrs, "inwerkingtreding");
	else
		s->have_soort = attr_copy(&s->soort, n, attrs, "soort");
}

/* SAX callbacks. */

/* The start of an element outside every article: metadata and the
 * structure (divisions, their headings, annexes). */
static void
start_structure(struct state *s, struct frame *f, const struct frame *p,
                enum kind k, int n, const xmlChar **attrs)
{
	switch (k) {
	case K_ARTIKEL:
		art_start(s, n, attrs);
		f->out = T_TEXT;
		break;
	case K_WETGEVING:
		if (!s->have_soort)
			s->have_soort = attr_copy(&s->soort, n, attrs, "soort");
		break;
	case K_INTITULE:
		if (!s->have_intitule) {
			s->have_intitule = 1;
			f->out = T_INTITULE;
		}
		break;
	case K_CITEERTITEL:
		if (!s->have_cit) {
			s->have_cit = 1;
			f->out = T_CITEERTITEL;
		}
		break;
	case K_DIVISION:
	case K_BIJLAGE:
		if (attr_copy(&s->dlabel.b, n, attrs, "label") &&
		    s->dlabel.b.len) {
			if (s->path.len)
				pt_buf_adds(&s->path, " / ");
			pt_buf_add(&s->path, s->dlabel.b.s, s->dlabel.b.len);
		} else if (k == K_BIJLAGE) {
			if (s->path.len)
				pt_buf_adds(&s->path, " / ");
			pt_buf_adds(&s->path, "Bijlage");
		}
		path_check(s);
		break;
	case K_KOP:
		if (p->kind != K_TOESTAND && p->kind != K_WETGEVING) {
			f->flags |= F_DKOP;
			tb_reset(&s->dlabel);
			tb_reset(&s->dnr);
		}
		break;
	case K_LABEL:
		if (p->flags & F_DKOP)
			f->out = T_DLABEL;
		break;
	case K_NR:
		if (p->flags & F_DKOP)
			f->out = T_DNR;
		break;
	case K_TITEL:
		if (p->flags & F_DKOP)
			f->out = T_NONE;
		break;
	default:
		break;
	}
}

/* The start of an element inside article a: its heading, leden,
 * lists, tables, notes and references. */
static void
start_in_article(struct state *s, struct frame *f, struct frame *p,
                 struct art *a, enum kind k, int n, const xmlChar **attrs)
{
	struct tbuf *t;
	int i;

	t = target(s, f->out);
	switch (k) {
	case K_ARTIKEL:
		art_start(s, n, attrs);
		f->out = T_TEXT;
		break;
	case K_KOP:
		if (p->kind == K_ARTIKEL && s->nfr - 2 == a->frame) {
			f->flags |= F_AKOP;
			f->out = T_NONE;
		} else if (t != NULL) {
			tb_block(t, a->inl);
		}
		break;
	case K_NR:
		if (p->flags & F_AKOP)
			f->out = T_NR;
		else if (t != NULL)
			t->pending = 1;
		break;
	case K_TITEL:
		if (p->flags & F_AKOP)
			f->out = T_TITLE;
		else if (t != NULL)
			t->pending = 1;
		break;
	case K_LID:
		if (f->out == T_TEXT)
			lid_start(s, f, t);
		break;
	case K_LIDNR:
		tb_reset(&a->lidnr);
		f->out = T_LIDNR;
		break;
	case K_AL:
		if (t != NULL)
			tb_block(t, a->inl);
		break;
	case K_LIJST:
		a->lvl++;
		break;
	case K_LI:
		if (t == NULL)
			break;
		if (a->inl) {
			t->pending = 1;
			break;
		}
		tb_newline(t);
		for (i = 0; i < a->lvl; i++)
			pt_buf_add(&t->b, "  ", 2);
		t->at_prefix = 1;
		break;
	case K_TABLE:
	case K_ROW:
		if (t != NULL)
			tb_block(t, a->inl);
		f->mark = 0;
		break;
	case K_ENTRY:
		if (t != NULL && p->kind == K_ROW && p->mark++ > 0) {
			if (tb_last(t) != ' ')
				pt_buf_addc(&t->b, ' ');
			tb_raw(t, "| ");
		} else if (t != NULL) {
			t->pending = 1;
		}
		a->inl++;
		break;
	case K_NOOT:
		a->inl++;
		tb_reset(&a->notenr);
		a->note_hdr = 1;
		f->out = T_NOTES;
		break;
	case K_NOOTNR:
		if (p->kind == K_NOOT)
			f->out = T_NOTENR;
		break;
	case K_REDACTIE:
		a->redactie++;
		if (attr_is(n, attrs, "type", "vervallen"))
			a->red_vervallen = 1;
		break;
	case K_INTREF:
	case K_EXTREF:
		ref_start(s, k, f, n, attrs);
		break;
	case K_INLINE:
	case K_LINR:
		break;
	default:
		if (t != NULL)
			t->pending = 1;
		break;
	}
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
         const xmlChar *uri, int nns, const xmlChar **ns, int n, int ndef,
         const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *s = ctxt->_private;
	struct frame *f, *p;
	enum kind k;

	(void)prefix;
	(void)nns;
	(void)ns;
	if (s->failed)
		return;
	/* The last ndef attributes are DTD defaults, not in the file. */
	n -= ndef;
	if (s->nfr >= BWB_MAX_DEPTH) {
		fail(s, PT_EINPUT, N_("elements nested more than %s deep"),
		     BWB_STR(BWB_MAX_DEPTH));
		return;
	}
	k = lookup_cached(s, name);
	if (s->nfr == s->capfr) {
		s->capfr = s->capfr ? 2 * s->capfr : 64;
		s->fr = xreallocarray(s->fr, s->capfr, sizeof *s->fr);
	}
	p = s->nfr > 0 ? &s->fr[s->nfr - 1] : NULL;
	f = &s->fr[s->nfr++];
	f->kind = (unsigned char)k;
	f->out = p ? p->out : T_NONE;
	f->flags = 0;
	f->mark = s->path.len;
	if (p == NULL) {
		root_start(s, k, name, uri, n, attrs);
		return;
	}
	if (p->kind == K_METADATA || (p->flags & F_SKIP)) {
		f->flags = F_SKIP;
		f->out = T_NONE;
		if (k == K_JCI)
			jci_start(s, n, attrs);
		return;
	}
	if (k == K_METADATA) {
		f->out = T_NONE;
		return;
	}
	if (s->art == NULL)
		start_structure(s, f, p, k, n, attrs);
	else
		start_in_article(s, f, p, s->art, k, n, attrs);
}

static void
on_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
       const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *s = ctxt->_private;
	struct frame *f, *p;
	struct art *a;
	struct tbuf *t;

	(void)name;
	(void)prefix;
	(void)uri;
	if (s->failed || s->nfr == 0)
		return;
	f = &s->fr[s->nfr - 1];
	if ((f->flags & F_SKIP) || (f->kind == K_METADATA && s->art != NULL)) {
		s->nfr--;
		return;
	}
	p = s->nfr > 1 ? f - 1 : NULL;
	a = s->art;
	if (a == NULL || f->kind == K_ARTIKEL) {
		if (f->kind == K_ARTIKEL && a != NULL &&
		    a->frame == s->nfr - 1) {
			art_end(s);
		} else if ((f->flags & F_DKOP) && p != NULL) {
			div_kop_end(s, p);
		} else if (f->kind == K_INTITULE || f->kind == K_CITEERTITEL) {
			t = target(s, f->out);
			if (t != NULL)
				pt_buf_rtrim(&t->b);
		}
		if (p == NULL)
			emit_meta(s);
		/* Leaving a division drops its path component. */
		if (s->art == NULL && s->path.len > f->mark &&
		    f->kind != K_KOP) {
			s->path.len = f->mark;
			s->path.s[f->mark] = '\0';
		}
		s->nfr--;
		return;
	}
	t = p ? target(s, p->out) : NULL;
	switch (f->kind) {
	case K_LID:
		if (f->flags & F_LID)
			lid_end(s, f);
		else if (t != NULL)
			t->pending = 1;
		break;
	case K_LIDNR:
		lidnr_end(s, p, t);
		break;
	case K_LIJST:
		a->lvl--;
		break;
	case K_LINR:
		if (t != NULL) {
			t->pending = 1;
			t->at_prefix = 1;
		}
		break;
	case K_ENTRY:
		a->inl--;
		break;
	case K_NOOT:
		if (a->note_hdr)
			note_header(a);
		a->inl--;
		if (t != NULL)
			t->pending = 1;
		break;
	case K_REDACTIE:
		a->redactie--;
		break;
	case K_INTREF:
	case K_EXTREF:
		if (f->flags & F_REF)
			ref_end(s);
		break;
	case K_INLINE:
	case K_NOOTNR:
		break;
	default:
		/* The end of a block or of an unknown element ends a word. */
		if (t != NULL && !(p->flags & F_AKOP))
			t->pending = 1;
		break;
	}
	s->nfr--;
}

static void
on_chars(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *s = ctxt->_private;
	struct art *a;
	struct tbuf *t;
	unsigned char out;

	if (s->failed || s->nfr == 0 || len <= 0)
		return;
	out = s->fr[s->nfr - 1].out;
	if (out == T_NONE)
		return;
	if ((t = target(s, out)) == NULL)
		return;
	a = s->art;
	if (out == T_NOTES && a->note_hdr) {
		int i;

		for (i = 0; i < len && IS_WS(ch[i]); i++)
			;
		if (i == len)
			return;
		note_header(a);
	}
	if (tb_add(t, (const char *)ch, (size_t)len) && a != NULL &&
	    !a->redactie && (out == T_TEXT || out == T_NOTES))
		a->has_other = 1;
	if (a != NULL && a->ref_open && out != T_NOTENR && out != T_LIDNR)
		tb_add(&a->reftext, (const char *)ch, (size_t)len);
}

/* Any entity declaration refuses the document (cf. xmlsec.c). */
static void
on_entity_decl(void *ctx, const xmlChar *name, int type,
               const xmlChar *publicId, const xmlChar *systemId,
               xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *s = ctxt->_private;

	(void)type;
	(void)publicId;
	(void)content;
	fail(s, PT_EUNSAFE,
	     systemId ? "refused: the document declares external entity '%s' "
	                "(entity declarations are not accepted)"
	              : "refused: the document declares an entity '%s' "
	                "(entity declarations are not accepted)",
	     (const char *)name);
}

/* A reference to an entity that is not predefined (none are declared). */
static void
on_reference(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct state *s = ctxt->_private;

	fail(s, PT_EUNSAFE, N_("reference to undeclared entity '%s'"),
	     (const char *)name);
}

static void
on_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* Driver. */

static int
has_content(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!IS_WS(p[i]))
			return 1;
	return 0;
}

/*
 * A libxml2 error.  Two of its messages say little in a push parser: the
 * end of a document with open elements and a document of only whitespace
 * both come as "Extra content at the end of the document".
 */
static enum pt_status
xml_error(struct state *s, const xmlError *e)
{
	xmlParserCtxtPtr ctxt = s->ctxt;
	long line = e ? e->line : xmlSAX2GetLineNumber(ctxt);
	long col = e ? e->int2 : xmlSAX2GetColumnNumber(ctxt);
	enum pt_status rc;
	char *nl;

	if (!s->nonws)
		return pt_err_set(s->err, PT_EINPUT, s->name, line, col,
		                  "empty file: only whitespace, no XML "
		                  "document");
	if (e != NULL && e->code == XML_ERR_DOCUMENT_END && ctxt->nameNr > 0 &&
	    ctxt->name != NULL)
		return pt_err_set(s->err, PT_EINPUT, s->name, line, col,
		                  "unexpected end of the document: element "
		                  "'%s' is not closed",
		                  (const char *)ctxt->name);
	rc = xmlsec_error(e, s->name, s->err);
	while ((nl = strchr(s->err->msg, '\n')) != NULL)
		*nl = ' ';
	return rc;
}

static void
state_release(struct state *s)
{
	size_t i;

	for (i = 0; i < s->capart; i++)
		if (s->arts[i] != NULL)
			art_free(s->arts[i]);
	free(s->arts);
	free(s->fr);
	pt_buf_release(&s->bwb_id);
	pt_buf_release(&s->date);
	pt_buf_release(&s->soort);
	pt_buf_release(&s->path);
	tb_release(&s->intitule);
	tb_release(&s->citeertitel);
	tb_release(&s->dlabel);
	tb_release(&s->dnr);
}

struct source {
	int fd;           /* -1 for memory */
	const char *data; /* memory */
	size_t len, off;
	char *buf; /* file chunk */
};

/*
 * Next chunk: returns its length (0 at the end) and sets *p, or -1 with
 * errno set on a read error.
 */
static ssize_t
source_next(struct source *src, const char **p)
{
	ssize_t n;
	size_t m;

	if (src->fd < 0) {
		m = src->len - src->off;
		if (m > BWB_CHUNK)
			m = BWB_CHUNK;
		*p = src->data + src->off;
		src->off += m;
		return (ssize_t)m;
	}
	do
		n = read(src->fd, src->buf, BWB_CHUNK);
	while (n < 0 && errno == EINTR);
	*p = src->buf;
	return n;
}

static enum pt_status
parse(struct source *src, const char *name, const struct bwb_handler *h,
      struct pt_err *err)
{
	xmlSAXHandler sax;
	struct state s;
	xmlParserCtxtPtr ctxt;
	const char *p;
	ssize_t n;
	int rc = 0, first = 4;
	enum pt_status ret;

	xmlsec_init();
	n = source_next(src, &p);
	if (n < 0)
		return pt_err_set(err, PT_EIO, name, 0, 0, "cannot read: %s",
		                  strerror(errno));
	if (n == 0)
		return pt_err_set(err, PT_EINPUT, name, 1, 1, "empty file");
	if (h->chunk != NULL)
		h->chunk(h->ctx, p, (size_t)n);

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_chars;
	sax.ignorableWhitespace = on_chars;
	sax.cdataBlock = on_chars;
	sax.entityDecl = on_entity_decl;
	sax.reference = on_reference;
	sax.serror = on_error;

	memset(&s, 0, sizeof s);
	s.err = err;
	s.name = name;
	s.h = h;
	pt_buf_init(&s.bwb_id);
	pt_buf_init(&s.date);
	pt_buf_init(&s.soort);
	pt_buf_init(&s.path);
	pt_buf_init(&s.intitule.b);
	pt_buf_init(&s.citeertitel.b);
	pt_buf_init(&s.dlabel.b);
	pt_buf_init(&s.dnr.b);

	s.nonws = has_content(p, (size_t)n);
	if (n < first)
		first = (int)n;
	ctxt = xmlCreatePushParserCtxt(&sax, NULL, p, first, name);
	if (ctxt == NULL)
		return pt_err_set(err, PT_EINTERNAL, name, 0, 0,
		                  "out of memory");
	xmlCtxtUseOptions(ctxt, XMLSEC_PARSE_OPTIONS);
	ctxt->_private = &s;
	s.ctxt = ctxt;
	p += first;
	n -= first;
	for (;;) {
		if (n > 0)
			rc = xmlParseChunk(ctxt, p, (int)n, 0);
		if (s.failed || rc != 0 || !ctxt->wellFormed)
			break;
		n = source_next(src, &p);
		if (n < 0) {
			pt_err_set(err, PT_EIO, name,
			           xmlSAX2GetLineNumber(ctxt), 0,
			           "cannot read: %s", strerror(errno));
			s.failed = 1;
			s.status = PT_EIO;
			break;
		}
		if (n == 0) {
			rc = xmlParseChunk(ctxt, NULL, 0, 1);
			break;
		}
		if (h->chunk != NULL)
			h->chunk(h->ctx, p, (size_t)n);
		if (!s.nonws)
			s.nonws = has_content(p, (size_t)n);
	}
	if (s.failed) {
		ret = s.status != PT_OK ? s.status : err->code;
	} else if (rc != 0 || !ctxt->wellFormed) {
		ret = xml_error(&s, xmlCtxtGetLastError(ctxt));
	} else {
		emit_meta(&s); /* no root end seen cannot happen; safe */
		ret = s.failed ? s.status : PT_OK;
	}
	/*
	 * For "expat compatibility" libxml2 records a declared entity in a
	 * document of its own even in SAX mode (after our hook refused it).
	 */
	if (ctxt->myDoc != NULL) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	state_release(&s);
	return ret;
}

enum pt_status
bwb_parse_file(const char *path, const struct bwb_handler *h,
               struct pt_err *err)
{
	struct source src;
	enum pt_status rc;

	memset(&src, 0, sizeof src);
	src.fd = open(path, O_RDONLY);
	if (src.fd < 0)
		return pt_err_set(err, PT_EIO, path, 0, 0, "cannot open: %s",
		                  strerror(errno));
	src.buf = xmalloc(BWB_CHUNK);
	rc = parse(&src, path, h, err);
	free(src.buf);
	close(src.fd);
	return rc;
}

enum pt_status
bwb_parse_memory(const char *data, size_t len, const char *name,
                 const struct bwb_handler *h, struct pt_err *err)
{
	struct source src;

	memset(&src, 0, sizeof src);
	src.fd = -1;
	src.data = data ? data : "";
	src.len = data ? len : 0;
	return parse(&src, name, h, err);
}
