/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * xmlsec.c: safe XML parsing and RELAX NG validation (see xmlsec.h).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "buf.h"
#include "fileio.h"
#include "xmlsec.h"

struct guard {
	struct pt_err *err;
	const char *path;
	int failed;
	unsigned depth;
	startElementNsSAX2Func start; /* libxml2's own tree builders */
	endElementNsSAX2Func end;
};

static xmlParserInputPtr
refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	if (ctxt != NULL && ctxt->_private != NULL) {
		struct guard *g = ctxt->_private;

		if (!g->failed) {
			g->failed = 1;
			pt_err_set(g->err, PT_EUNSAFE, g->path,
			           ctxt->input ? ctxt->input->line : 0,
			           ctxt->input ? ctxt->input->col : 0,
			           "refused to load external resource '%s'",
			           url ? url : "(none)");
		}
	}
	return NULL;
}

static void
quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_errors(void *ctx, xmlErrorPtr e);

static void
init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_loader);
}

void
xmlsec_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	/* libxml2 keeps the error handlers per thread. */
	static __thread int done;

	pthread_once(&once, init_once);
	if (done)
		return;
	done = 1;
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_errors);
}

long
xmlsec_line(const xmlNode *node)
{
	return node ? (long)xmlGetLineNo(node) : 0;
}

enum pt_status
xmlsec_error(const xmlError *e, const char *path, struct pt_err *err)
{
	struct pt_buf msg = PT_BUF_INIT;
	enum pt_status code = PT_EINPUT;

	pt_buf_adds(&msg, e && e->message ? e->message : "XML error");
	pt_buf_rtrim(&msg);
	if (e && (e->code == XML_ERR_INVALID_CHAR ||
	          e->code == XML_ERR_INVALID_ENCODING ||
	          e->code == XML_ERR_UNKNOWN_ENCODING ||
	          e->code == XML_ERR_UNSUPPORTED_ENCODING))
		pt_buf_adds(&msg, " (the file must be UTF-8)");
	if (e && (e->code == XML_ERR_ENTITY_LOOP ||
	          e->code == XML_ERR_ENTITY_BOUNDARY ||
	          e->code == XML_WAR_UNDECLARED_ENTITY ||
	          e->code == XML_ERR_UNDECLARED_ENTITY))
		code = PT_EUNSAFE;
	pt_err_set(err, code, path, e ? e->line : 0, e ? e->int2 : 0, "%s",
	           msg.s);
	pt_buf_release(&msg);
	return code;
}

/* SAX hook: any entity declaration refuses the document. */
static void
refuse_entity_decl(void *ctx, const xmlChar *name, int type,
                   const xmlChar *publicId, const xmlChar *systemId,
                   xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;

	(void)type;
	(void)publicId;
	(void)content;
	if (!g->failed) {
		g->failed = 1;
		pt_err_set(g->err, PT_EUNSAFE, g->path,
		           ctxt->input ? ctxt->input->line : 0,
		           ctxt->input ? ctxt->input->col : 0,
		           "refused: the document declares %s entity '%s' "
		           "(entity declarations are not accepted)",
		           systemId ? "external" : "an", (const char *)name);
	}
	xmlStopParser(ctxt);
}

/*
 * The depth limit, kept here: XML_PARSE_HUGE (see parse_ctxt) would lift
 * libxml2's own.
 */
static void
depth_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
            const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
            int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;

	if (++g->depth > XMLSEC_MAX_DEPTH) {
		if (!g->failed) {
			g->failed = 1;
			pt_err_set(g->err, PT_EINPUT, g->path,
			           ctxt->input ? ctxt->input->line : 0,
			           ctxt->input ? ctxt->input->col : 0,
			           "Excessive depth: elements nested more than "
			           "%d deep",
			           XMLSEC_MAX_DEPTH);
		}
		xmlStopParser(ctxt);
		return;
	}
	g->start(ctx, localname, prefix, uri, nns, ns, nattrs, ndefaulted,
	         attrs);
}

static void
depth_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
          const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct guard *g = ctxt->_private;

	g->depth--;
	g->end(ctx, localname, prefix, uri);
}

static void
quiet_errors(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static xmlDocPtr
parse_ctxt(xmlParserCtxtPtr ctxt, struct guard *g, const char *data, size_t len,
           const char *path)
{
	xmlDocPtr doc;
	xmlErrorPtr e;

	ctxt->_private = g;
	ctxt->sax->entityDecl = refuse_entity_decl;
	g->start = ctxt->sax->startElementNs;
	g->end = ctxt->sax->endElementNs;
	ctxt->sax->startElementNs = depth_start;
	ctxt->sax->endElementNs = depth_end;
	/*
	 * XML_PARSE_HUGE lifts libxml2's own limits of 10,000,000 bytes per
	 * text node, comment or name, which would refuse some documents
	 * under the cap and not others; the document is at most
	 * XMLSEC_MAX_DOCUMENT bytes, which bounds every part of it, and the
	 * depth stays bounded (libxml2's 2048 levels with this option).
	 */
	xmlCtxtUseOptions(ctxt, XMLSEC_PARSE_OPTIONS | XML_PARSE_HUGE);
	if (data != NULL)
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
		                        XMLSEC_PARSE_OPTIONS | XML_PARSE_HUGE);
	else
		doc = xmlCtxtReadFile(ctxt, path, NULL,
		                      XMLSEC_PARSE_OPTIONS | XML_PARSE_HUGE);
	if (g->failed) {
		xmlFreeDoc(doc);
		return NULL;
	}
	e = xmlCtxtGetLastError(ctxt);
	if (doc == NULL || !ctxt->wellFormed ||
	    (e != NULL && e->level >= XML_ERR_ERROR)) {
		if (e != NULL && e->code != XML_ERR_OK)
			xmlsec_error(e, path, g->err);
		else
			pt_err_set(g->err, PT_EINPUT, path, 0, 0,
			           "not well-formed XML");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (doc->intSubset != NULL && doc->intSubset->entities != NULL) {
		pt_err_set(g->err, PT_EUNSAFE, path,
		           xmlsec_line((xmlNodePtr)doc->intSubset), 0,
		           "refused: the document declares entities");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static xmlDocPtr
parse_common(const char *data, size_t len, const char *path, struct pt_err *err)
{
	struct guard g = {err, path, 0, 0, NULL, NULL};
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	xmlsec_init();
	if (data != NULL && len == 0) {
		pt_err_set(err, PT_EINPUT, path, 1, 1, "empty document");
		return NULL;
	}
	if (data != NULL && len > 0x7fffffff) {
		pt_err_set(err, PT_EINPUT, path, 0, 0, "document too large");
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		pt_err_set(err, PT_EINTERNAL, path, 0, 0, "out of memory");
		return NULL;
	}
	ctxt->sax->serror = quiet_errors;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	doc = parse_ctxt(ctxt, &g, data, len, path);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

enum pt_status
xmlsec_read_document(const char *path, struct pt_buf *b, struct pt_err *err)
{
	enum pt_status rc;

	if ((rc = fileio_read(path, XMLSEC_MAX_DOCUMENT, b, err)) != PT_OK)
		return rc;
	if (b->len == 0)
		return pt_err_set(err, PT_EINPUT, fileio_name(path), 1, 1,
		                  "empty file: no XML document");
	return PT_OK;
}

xmlDocPtr
xmlsec_parse_file(const char *path, struct pt_err *err)
{
	struct pt_buf b = PT_BUF_INIT;
	xmlDocPtr doc = NULL;

	/*
	 * The file is read here and parsed from memory: the external-entity
	 * loader refuses every load, the document itself included.
	 */
	if (xmlsec_read_document(path, &b, err) == PT_OK)
		doc = parse_common(b.s, b.len, fileio_name(path), err);
	pt_buf_release(&b);
	return doc;
}

xmlDocPtr
xmlsec_parse_memory(const char *data, size_t len, const char *name,
                    struct pt_err *err)
{
	return parse_common(data ? data : "", len, name, err);
}

struct rng_errs {
	struct pt_err *err;
	const char *path;
	int n;
};

static void
rng_error(void *ctx, xmlErrorPtr e)
{
	struct rng_errs *r = ctx;

	if (r->n++ == 0) {
		struct pt_buf m = PT_BUF_INIT;

		pt_buf_adds(&m, e->message ? e->message : "invalid");
		pt_buf_rtrim(&m);
		pt_err_set(r->err, PT_EINPUT, r->path, e->line, 0,
		           "does not follow the schema: %s", m.s);
		pt_buf_release(&m);
	}
}

/*
 * Compiled schemas, keyed by the address of the embedded schema text.
 * Compiling a schema costs more than validating a design against it, so
 * a run that checks many designs compiles each schema once.
 */
static struct {
	const char *schema;
	xmlRelaxNGPtr rng;
} compiled[4];

/* The web workspace validates designs from several threads. */
static pthread_mutex_t compiled_mu = PTHREAD_MUTEX_INITIALIZER;

static xmlRelaxNGPtr
compile_locked(const char *schema, size_t schema_len)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGPtr rng;
	size_t i;

	for (i = 0; i < sizeof compiled / sizeof compiled[0]; i++)
		if (compiled[i].schema == schema)
			return compiled[i].rng;
	pctxt = xmlRelaxNGNewMemParserCtxt(schema, (int)schema_len);
	if (pctxt == NULL)
		return NULL;
	xmlRelaxNGSetParserStructuredErrors(pctxt, quiet_errors, NULL);
	rng = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	for (i = 0; rng != NULL && i < sizeof compiled / sizeof compiled[0];
	     i++)
		if (compiled[i].schema == NULL) {
			compiled[i].schema = schema;
			compiled[i].rng = rng;
			return rng;
		}
	return rng; /* cache full: the caller frees it */
}

static xmlRelaxNGPtr
compile(const char *schema, size_t schema_len)
{
	xmlRelaxNGPtr rng;

	pthread_mutex_lock(&compiled_mu);
	rng = compile_locked(schema, schema_len);
	pthread_mutex_unlock(&compiled_mu);
	return rng;
}

static int
is_cached(xmlRelaxNGPtr rng)
{
	size_t i;
	int found = 0;

	pthread_mutex_lock(&compiled_mu);
	for (i = 0; i < sizeof compiled / sizeof compiled[0]; i++)
		if (compiled[i].rng == rng)
			found = 1;
	pthread_mutex_unlock(&compiled_mu);
	return found;
}

void
xmlsec_cleanup(void)
{
	size_t i;

	for (i = 0; i < sizeof compiled / sizeof compiled[0]; i++) {
		xmlRelaxNGFree(compiled[i].rng);
		compiled[i].rng = NULL;
		compiled[i].schema = NULL;
	}
}

enum pt_status
xmlsec_validate_rng(xmlDocPtr doc, const char *schema, size_t schema_len,
                    const char *path, struct pt_err *err)
{
	xmlRelaxNGPtr rng;
	xmlRelaxNGValidCtxtPtr vctxt;
	struct rng_errs r = {err, path, 0};
	int rc;

	xmlsec_init();
	rng = compile(schema, schema_len);
	if (rng == NULL)
		return pt_err_set(
		    err, PT_EINTERNAL, path, 0, 0,
		    "internal error: embedded schema does not parse");
	vctxt = xmlRelaxNGNewValidCtxt(rng);
	if (vctxt == NULL) {
		if (!is_cached(rng))
			xmlRelaxNGFree(rng);
		return pt_err_set(err, PT_EINTERNAL, path, 0, 0,
		                  "out of memory");
	}
	xmlRelaxNGSetValidStructuredErrors(vctxt, rng_error, &r);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	if (!is_cached(rng))
		xmlRelaxNGFree(rng);
	if (rc != 0) {
		if (r.n == 0)
			pt_err_set(err, PT_EINPUT, path, 0, 0,
			           "does not follow the schema");
		return PT_EINPUT;
	}
	return PT_OK;
}
