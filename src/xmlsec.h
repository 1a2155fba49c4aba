/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * xmlsec.h: the one way proeftoets reads XML (designs, rules, BWB).
 *
 * Every XML input is untrusted.  The parser is run with no network access
 * (XML_PARSE_NONET), without loading an external DTD subset, without
 * substituting entities, and with an external-entity loader that refuses
 * every load.  A document whose DTD declares an entity (the shape of both
 * XXE and entity-expansion "billion laughs" attacks) is refused with
 * PT_EUNSAFE before any entity is expanded.  A DOCTYPE that only names an
 * external subset (as older BWB files do) is allowed: the subset is never
 * fetched.
 *
 * Ownership: xmlsec_parse_file() returns an xmlDoc the caller frees with
 * xmlFreeDoc().  Strings passed in are borrowed.
 */
#ifndef PROEFTOETS_XMLSEC_H
#define PROEFTOETS_XMLSEC_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "err.h"

/* Largest design or rule file read whole (BWB files are streamed), and
 * the deepest nesting of elements in one.  Within these, no part of a
 * document (a text, a comment, a name) has a limit of its own. */
#define XMLSEC_MAX_DOCUMENT (64 << 20)
#define XMLSEC_MAX_DEPTH    256

/* Parser options for every input: safe, with line numbers past 65535. */
#define XMLSEC_PARSE_OPTIONS                                                   \
	(XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

/*
 * Install the process-wide guards (external entity loader that refuses
 * everything).  Idempotent; every reader calls it.
 */
void xmlsec_init(void);

/*
 * Parse a whole file (at most XMLSEC_MAX_DOCUMENT bytes) into a tree.
 * On failure returns NULL and fills err
 * with file:line:col: PT_EIO when the file cannot be read, PT_EINPUT when
 * it is empty, not well-formed or not UTF-8, PT_EUNSAFE for entity
 * declarations.
 */
xmlDocPtr xmlsec_parse_file(const char *path, struct pt_err *err);

/*
 * Read a design or rule file whole for parsing (fileio_read() with
 * XMLSEC_MAX_DOCUMENT as the cap): a non-regular file is refused with
 * PT_EIO, a larger one and an empty one with PT_EINPUT.
 */
enum pt_status xmlsec_read_document(const char *path, struct pt_buf *b,
                                    struct pt_err *err);

/* The same for a document in memory (fuzzing, tests); name is for messages. */
xmlDocPtr xmlsec_parse_memory(const char *data, size_t len, const char *name,
                              struct pt_err *err);

/*
 * Validate doc against a RELAX NG schema held in memory (compiled on first
 * use and kept until xmlsec_cleanup()).  On failure fills
 * err with the file, line and libxml2's message, and returns PT_EINPUT.
 */
enum pt_status xmlsec_validate_rng(xmlDocPtr doc, const char *schema,
                                   size_t schema_len, const char *path,
                                   struct pt_err *err);

/*
 * Turn a libxml2 error into err (status PT_EINPUT, or PT_EUNSAFE for entity
 * problems).  Used by the SAX importer too.
 */
enum pt_status xmlsec_error(const xmlError *e, const char *path,
                            struct pt_err *err);

/*
 * Free the schemas compiled by xmlsec_validate_rng (they are kept for the
 * rest of the run).  Called once when the program is done.
 */
void xmlsec_cleanup(void);

/* Return the line of a node (0 when unknown). */
long xmlsec_line(const xmlNode *node);

/* Embedded schemas (generated src/schemas.c). */
extern const char schema_proeftuin[];
extern const size_t schema_proeftuin_len;
extern const char schema_regels[];
extern const size_t schema_regels_len;

#endif
