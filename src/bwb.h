/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * bwb.h: streaming reader for Dutch statutory XML from the Basiswettenbestand
 * (BWB): the modern <toestand> format (schemas 2015-1, 2015-2, 2016-1) and
 * the older <wetgeving> format (bwb-plus-meta DTD).
 *
 * The reader is a SAX parser over the file in fixed-size chunks: memory does
 * not grow with the size of the file, only with the size of one article.
 * It calls the handler once with the law's metadata (before the first
 * article) and once for every <artikel> element, in document order,
 * repealed (vervallen) articles included.  It never touches the database.
 * An <artikel> is reported at its end tag, so an article nested in another
 * comes before the one around it (and its text is not part of that one).
 * Text outside articles (preamble, a bijlage that holds only tables) is
 * not reported.
 *
 * Parsing is safe as described in xmlsec.h: no network, no DTD loading, no
 * entity substitution; a DTD that declares entities is refused (PT_EUNSAFE).
 *
 * Ownership: every pointer in the structs passed to the callbacks is
 * borrowed and valid only during the call; copy what you keep.
 */
#ifndef PROEFTOETS_BWB_H
#define PROEFTOETS_BWB_H

#include <stddef.h>

#include "err.h"

enum bwb_format {
	BWB_FORMAT_TOESTAND =
	    1, /* <toestand bwb-id=... inwerkingtreding=...> */
	BWB_FORMAT_WETGEVING = 2 /* <wetgeving bwb-id=...> (older, no date) */
};

struct bwb_meta {
	enum bwb_format format;
	const char *bwb_id;      /* "BWBR0034925" */
	const char *citeertitel; /* citeertitel, else intitule; may be NULL */
	const char *soort;       /* wetgeving/@soort: "wet", "AMvB",
	                            "ministeriele-regeling", ...; may be NULL */
	const char *inwerkingtreding; /* toestand/@inwerkingtreding
	                                 "YYYY-MM-DD"; NULL for <wetgeving> */
};

enum bwb_ref_kind { BWB_REF_INTREF = 1, BWB_REF_EXTREF = 2 };

struct bwb_ref {
	enum bwb_ref_kind kind;
	const char *target; /* @doc (a Juriconnect id or URL), else
	                       @bwb-id/@bwb-ng-variabel-deel; never NULL */
	const char *text;   /* the reference's visible text */
};

struct bwb_lid {
	const char *nr;   /* lidnr as written: "1", "2a" */
	const char *text; /* full text of the lid */
};

struct bwb_article {
	const char
	    *nr; /* kop/nr as written: "3.2", "255", "265b"; "" if none */
	const char *label; /* @label, else "Artikel " + nr */
	const char *title; /* kop/titel; may be NULL */
	const char
	    *status; /* @status: "goed", "vervallen", ...; "vervallen" also when
	                the article holds only a <redactie type="vervallen">;
	                "goed" when there is no @status */
	const char
	    *path; /* structural path: "Hoofdstuk 3 / Afdeling 3.1"; "" at top
	              level; "Bijlage 1" for articles inside a bijlage */
	const char *jci; /* the article's own jci verwijzing or korte-verwijzing
	                    (of the highest jci @versie); may be NULL */
	const char *inwerking; /* artikel/@inwerking; may be NULL */
	const char *text;      /* full text, see below */
	const struct bwb_lid *leden;
	size_t nleden;
	const struct bwb_ref *refs;
	size_t nrefs;
	long line; /* line of the <artikel> start tag */
};

/*
 * The text of an article or lid is plain UTF-8 with whitespace collapsed:
 * - paragraphs (<al>) are separated by "\n";
 * - a lid starts with its number: "1. Het college ...";
 * - list items (<li>) are on their own line, indented two spaces per level,
 *   starting with their <li.nr>: "  a. het fungeren als meldpunt ...";
 * - a table (CALS <table>) becomes one line per row, cells separated by
 *   " | " (a row without text gives no line);
 * - footnotes (<noot>) are appended at the end as "[noot N] text";
 * - <redactie> text (e.g. "[Vervallen per 01-01-2015]") is kept as written.
 */

struct bwb_handler {
	enum pt_status (*meta)(void *ctx, const struct bwb_meta *meta,
	                       struct pt_err *err);
	enum pt_status (*article)(void *ctx, const struct bwb_article *art,
	                          struct pt_err *err);
	void *ctx;
	/* Optional (NULL): every chunk of the input as it is read, before it
	 * is parsed; the importer hashes the file this way. */
	void (*chunk)(void *ctx, const char *data, size_t len);
};

/*
 * Limits.  Every string the reader repeats in each article (the law's id,
 * the structural path) is bounded, and so is the depth of the element tree:
 * without them a small file could make the registry grow with the square of
 * its size.  Real BWB files stay far below them (depth 15, paths of about
 * 100 bytes).  DTD attribute defaults are not applied: an attribute is what
 * the file says.
 */
#define BWB_MAX_DEPTH 256  /* open elements, as libxml2's tree parser */
#define BWB_MAX_PATH  1024 /* bytes of bwb_article.path */
#define BWB_MAX_ID    64   /* bytes of bwb_meta.bwb_id */

/*
 * Parse a file.  Returns PT_OK after the whole file was read and every
 * callback returned PT_OK.  Errors (err gets file:line:col):
 *   PT_EIO     the file cannot be opened or read;
 *   PT_EINPUT  empty, not well-formed, not UTF-8, or the root is neither
 *              <toestand> nor <wetgeving>, or bwb-id is missing; a limit
 *              above is exceeded;
 *   PT_EUNSAFE the document declares entities;
 *   anything a callback returned (its err is kept).
 * On error the handler may already have seen some articles: the caller
 * (import.c) runs the whole file in one transaction and rolls back.
 */
enum pt_status bwb_parse_file(const char *path, const struct bwb_handler *h,
                              struct pt_err *err);

/* The same for a document in memory; name is used in messages. */
enum pt_status bwb_parse_memory(const char *data, size_t len, const char *name,
                                const struct bwb_handler *h,
                                struct pt_err *err);

#endif
