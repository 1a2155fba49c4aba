/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * check_badinput.c: the bad-input catalogue.
 *
 * Each row of the table below is one thing a user or an attacker can hand
 * proeftoets: a file to import or check, a rule directory, a registry, an
 * argument.  It runs end to end through proeftoets_main(), as the command
 * line does, against a copy of a registry that holds a law and a saved
 * proeftuin.  The row says the exit status (the table in the README) and a
 * part of the message; and, unless the input is meant to be accepted, the
 * registry must be unchanged afterwards: every row of every table (or, for
 * a broken registry file, every byte of the file).  Inputs are written at
 * test time into a temporary directory that is removed after each row.
 *
 * Placeholders in a row's arguments: {in} the input, {db} the registry,
 * {rules} the bundled rules, {design} the example design noord.xml, {law}
 * a bundled law.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "cli.h"
#include "digest.h"
#include "json.h"
#include "suites.h"
#include "testlib.h"

#define FINDING "noord/jw-3.2-1-uitvoering/rvt-noord"
#define MB      (1024 * 1024)

/* Text that must come back exactly: SQL, markup, quotes, controls. */
#define HOSTILE                                                                \
	"'); DROP TABLE review_log; -- \"q\" <b>&amp; \\ \t\x01\x1b[0m "       \
	"\xe2\x80\x94 \xf0\x9f\x98\x80"

enum mk {
	MK_DATA = 0,          /* write .data (.len bytes, or strlen) */
	MK_NONE,              /* no input file */
	MK_GARBAGE,           /* 64 KiB of pseudo-random bytes */
	MK_TRUNCATED,         /* the first 3000 bytes of a real law */
	MK_DEEP_BWB,          /* 100,000 nested elements in a law */
	MK_DEEP_DESIGN,       /* 100,000 nested elements in a design */
	MK_BIGATTR_BWB,       /* a 100 MB attribute in a law */
	MK_BIGATTR_DESIGN,    /* a 100 MB attribute in a design */
	MK_BIGCOMMENT_DESIGN, /* a valid design with an 11 MB comment */
	MK_BIGNAME_DESIGN,    /* a valid design whose naam is 11 MB */
	MK_UNREADABLE,        /* a law without read permission */
	MK_DIR,               /* a directory where a file is wanted */
	MK_LOOP,              /* a directory with a symbolic link to itself */
	MK_FIFO,              /* a named pipe with no writer */
	MK_RULEDIR,           /* a rule directory holding .data as bad.xml */
	MK_DB_GARBAGE,        /* a registry file of random bytes */
	MK_DB_TRUNCATED,      /* a registry cut in half */
	MK_DB_READONLY,       /* a registry that cannot be written */
	MK_DB_FULL,           /* a registry on a full disk (RLIMIT_FSIZE) */
	MK_DB_FOREIGN,        /* another program's SQLite database */
	MK_DB_NEWER,          /* a registry of a newer schema version */
	MK_DB_DIR,            /* a directory where the registry should be */
	MK_LONGARG            /* {in} is 1 MB of 'a' (a value, not a file) */
};

struct row {
	const char *name; /* what the input is */
	enum mk mk;
	const char *data;
	size_t len; /* 0 = strlen(data); MK_DB_FULL: the disk's KiB (0 = 64) */
	const char *argv[12]; /* after "proeftoets" */
	int status;           /* expected exit status */
	const char *msg;      /* part of stderr ("" = anything) */
	int accepted;         /* the input is valid: the registry may change */
	enum { V_NONE, V_NOTE, V_LAWTEXT } verify; /* what comes back exactly */
};

#define IMPORT                                                                 \
	{                                                                      \
		"--db", "{db}", "import", "-q", "{in}"                         \
	}
#define CHECK                                                                  \
	{                                                                      \
		"--db", "{db}", "check", "--rules", "{rules}", "{in}"          \
	}
#define SAVE                                                                   \
	{                                                                      \
		"--db", "{db}", "check", "--save", "--rules", "{rules}",       \
		    "{in}"                                                     \
	}
#define ADD                                                                    \
	{                                                                      \
		"--db", "{db}", "proeftuin", "add", "--rules", "{rules}",      \
		    "{in}"                                                     \
	}
/* A design without findings: one actor doing what the law gives it. */
#define VALID_BODY                                                             \
	"<actoren><actor id=\"raad\" "                                         \
	"rol=\"raad-voor-de-kinderbescherming\"/></actoren>"                   \
	"<taken><taak id=\"raadsonderzoek\" actor=\"raad\"/></taken>"
#define VALID_DESIGN                                                           \
	"<proeftuin id=\"groot\" peildatum=\"2026-01-01\">"                    \
	"<naam>Groot</naam>" VALID_BODY "</proeftuin>"
#define RULES                                                                  \
	{                                                                      \
		"--db", "{db}", "check", "--rules", "{in}", "{design}"         \
	}
#define LAWS(db)                                                               \
	{                                                                      \
		"--db", db, "laws"                                             \
	}
#define T(root, body) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" root body

static const char bw_toestand[] =
    "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">";
#define BWB_ART "<artikel><kop><nr>1</nr></kop><al>tekst</al></artikel>"

static const struct row rows[] = {
    /* --- laws (import) ---------------------------------------------- */
    {"empty law file", MK_DATA, "", 0, IMPORT, 3, "empty file", 0, V_NONE},
    {"law of only whitespace", MK_DATA, " \n\t\n", 0, IMPORT, 3,
     "only whitespace", 0, V_NONE},
    {"binary garbage as a law", MK_GARBAGE, NULL, 0, IMPORT, 3, ":1:", 0,
     V_NONE},
    {"truncated law", MK_TRUNCATED, NULL, 0, IMPORT, 3, "is not closed", 0,
     V_NONE},
    {"wrong root element", MK_DATA, T("<html>", "<body/></html>"), 0, IMPORT, 3,
     "not a BWB document: the root element is 'html'", 0, V_NONE},
    {"root in a namespace", MK_DATA,
     T("<toestand xmlns=\"urn:x\" bwb-id=\"BWBR0000099\">", "</toestand>"), 0,
     IMPORT, 3, "not a BWB document", 0, V_NONE},
    {"law without bwb-id", MK_DATA, T("<toestand>", BWB_ART "</toestand>"), 0,
     IMPORT, 3, "has no bwb-id", 0, V_NONE},
    {"invalid UTF-8 in a law", MK_DATA,
     T("<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>caf\xe9</al></artikel></toestand>"),
     0, IMPORT, 3, "the file must be UTF-8", 0, V_NONE},
    {"control character in a law", MK_DATA,
     T("<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>a\x01z</al></artikel></toestand>"),
     0, IMPORT, 3, "PCDATA invalid Char value 1", 0, V_NONE},
    {"bad date of entry into force", MK_DATA,
     T("<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-13-45\">",
       BWB_ART "</toestand>"),
     0, IMPORT, 3, "bad date of entry into force '2020-13-45'", 0, V_NONE},
    {"100,000 nested elements in a law", MK_DEEP_BWB, NULL, 0, IMPORT, 3,
     "elements nested more than 256 deep", 0, V_NONE},
    {"100 MB attribute in a law", MK_BIGATTR_BWB, NULL, 0, IMPORT, 3,
     "input.xml:1:", 0, V_NONE},
    {"bwb-id of 100 KB", MK_DATA, NULL, 0, IMPORT, 3,
     "the bwb-id is longer than 64 bytes", 0, V_NONE},
    {"XXE: external entity on a file", MK_DATA,
     T("<!DOCTYPE toestand [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
       "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>&x;</al></artikel></toestand>"),
     0, IMPORT, 4, "declares external entity 'x'", 0, V_NONE},
    {"XXE: external entity on the network", MK_DATA,
     T("<!DOCTYPE toestand [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n"
       "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>&x;</al></artikel></toestand>"),
     0, IMPORT, 4, "declares external entity 'x'", 0, V_NONE},
    {"XXE: external parameter entity", MK_DATA,
     T("<!DOCTYPE toestand [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> "
       "%p;]>\n"
       "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       BWB_ART "</toestand>"),
     0, IMPORT, 4, "declares external entity 'p'", 0, V_NONE},
    {"billion laughs", MK_DATA,
     T("<!DOCTYPE toestand [<!ENTITY a \"aaaaaaaaaa\">"
       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
       "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
       "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
       "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>&d;&d;&d;&d;&d;&d;&d;&d;</al></artikel></toestand>"),
     0, IMPORT, 4, "declares an entity 'a'", 0, V_NONE},
    {"reference to an undeclared entity", MK_DATA,
     T("<toestand bwb-id=\"BWBR0000099\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><al>&nbsp;</al></artikel></toestand>"),
     0, IMPORT, 4, "nbsp", 0, V_NONE},
    {"DTD default supplies the bwb-id", MK_DATA,
     T("<!DOCTYPE toestand [<!ATTLIST toestand bwb-id CDATA "
       "\"BWBR0000098\">]>\n"
       "<toestand inwerkingtreding=\"2020-01-01\">",
       BWB_ART "</toestand>"),
     0, IMPORT, 3, "has no bwb-id", 0, V_NONE},
    {"external DTD subset (BW 2012 style): not fetched, imported", MK_DATA,
     T("<!DOCTYPE wetgeving SYSTEM \"http://127.0.0.1:9/bwb-plus-meta.dtd\">\n"
       "<wetgeving bwb-id=\"BWBR0000097\" soort=\"wet\">",
       "<intitule>Proefwet</intitule>" BWB_ART "</wetgeving>"),
     0, IMPORT, 0, "", 1, V_NONE},
    {"the real BW Boek 1 of 2012 with its DOCTYPE", MK_NONE,
     "xml/bwb/BWBR0002656_wettenbestand-2012.xml", 0, IMPORT, 0, "", 1, V_NONE},
    {"SQL and control text in a law round-trips", MK_DATA,
     T("<toestand bwb-id=\"BWBR0000096\" inwerkingtreding=\"2020-01-01\">",
       "<artikel><kop><nr>1</nr></kop><al>'); DROP TABLE provision; -- "
       "\"q\" &lt;b&gt; &amp; \\ \xe2\x80\x94</al></artikel></toestand>"),
     0, IMPORT, 0, "", 1, V_LAWTEXT},
    {"unreadable law file", MK_UNREADABLE, T("", ""), 0, IMPORT, 5,
     "Permission denied", 0, V_NONE},
    {"directory of laws that links to itself", MK_LOOP, NULL, 0, IMPORT, 5,
     "directories nested too deeply", 0, V_NONE},
    {"named pipe as a law (no hang)", MK_FIFO, NULL, 0, IMPORT, 5,
     "not a regular file", 0, V_NONE},
    {"character device as a law (no hang)",
     MK_NONE,
     "/dev/zero",
     0,
     {"--db", "{db}", "import", "-q", "/dev/zero"},
     5,
     "not a regular file",
     0,
     V_NONE},
    {"missing law file",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "import", "-q", "{db}.missing.xml"},
     5,
     "No such file or directory",
     0,
     V_NONE},

    /* --- designs (check) -------------------------------------------- */
    {"empty design", MK_DATA, "", 0, CHECK, 3, "empty file", 0, V_NONE},
    {"binary garbage as a design", MK_GARBAGE, NULL, 0, CHECK, 3, ":1:", 0,
     V_NONE},
    {"design with the wrong root", MK_DATA, T("<toestand/>", ""), 0, CHECK, 3,
     "does not follow the schema", 0, V_NONE},
    {"invalid UTF-8 in a design", MK_DATA,
     T("<proeftuin id=\"x\">", "<naam>caf\xe9</naam></proeftuin>"), 0, CHECK, 3,
     "the file must be UTF-8", 0, V_NONE},
    {"100,000 nested elements in a design", MK_DEEP_DESIGN, NULL, 0, CHECK, 3,
     "Excessive depth", 0, V_NONE},
    {"100 MB attribute in a design", MK_BIGATTR_DESIGN, NULL, 0, CHECK, 3,
     "file larger than 64 MB", 0, V_NONE},
    {"XXE in a design", MK_DATA,
     T("<!DOCTYPE proeftuin [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n",
       "<proeftuin id=\"x\"><naam>&x;</naam></proeftuin>"),
     0, CHECK, 4, "declares external entity 'x'", 0, V_NONE},
    {"billion laughs in a design", MK_DATA,
     T("<!DOCTYPE proeftuin [<!ENTITY a \"aaaaaaaaaa\">"
       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n",
       "<proeftuin id=\"x\"><naam>&b;&b;</naam></proeftuin>"),
     0, CHECK, 4, "declares an entity 'a'", 0, V_NONE},
    {"SQL text as a proeftuin id", MK_DATA,
     T("<proeftuin id=\"x'; DROP TABLE proeftuin; --\" "
       "peildatum=\"2026-01-01\">",
       "<actoren><actor id=\"a\" rol=\"wijkteam\"/></actoren>"
       "<taken><taak id=\"jeugdhulp\" actor=\"a\"/></taken></proeftuin>"),
     0, CHECK, 3, "", 0, V_NONE},
    {"directory as a design", MK_DIR, NULL, 0, CHECK, 5, "is a directory", 0,
     V_NONE},
    {"character device as a design (no hang)",
     MK_NONE,
     "/dev/zero",
     0,
     {"--db", "{db}", "check", "--rules", "{rules}", "/dev/zero"},
     5,
     "not a regular file",
     0,
     V_NONE},
    {"named pipe as a design (no hang)", MK_FIFO, NULL, 0, CHECK, 5,
     "not a regular file", 0, V_NONE},
    /* Saving reads the design the same way: same refusal, nothing stored. */
    /* Under the 64 MB cap every design is read the same, whatever part
     * of it is large (libxml2 refused text over 10 MB on its own). */
    {"11 MB comment in a valid design", MK_BIGCOMMENT_DESIGN, NULL, 0, CHECK, 0,
     "", 0, V_NONE},
    {"11 MB name of a valid design", MK_BIGNAME_DESIGN, NULL, 0, CHECK, 0, "",
     0, V_NONE},
    {"100 MB attribute in a design to save", MK_BIGATTR_DESIGN, NULL, 0, SAVE,
     3, "file larger than 64 MB", 0, V_NONE},
    {"character device as a design to save",
     MK_NONE,
     "/dev/zero",
     0,
     {"--db", "{db}", "check", "--save", "--rules", "{rules}", "/dev/zero"},
     5,
     "not a regular file",
     0,
     V_NONE},
    {"named pipe as a design to save", MK_FIFO, NULL, 0, SAVE, 5,
     "not a regular file", 0, V_NONE},
    {"100 MB attribute in a proeftuin to add", MK_BIGATTR_DESIGN, NULL, 0, ADD,
     3, "file larger than 64 MB", 0, V_NONE},
    {"character device as a proeftuin to add",
     MK_NONE,
     "/dev/zero",
     0,
     {"--db", "{db}", "proeftuin", "add", "--rules", "{rules}", "/dev/zero"},
     5,
     "not a regular file",
     0,
     V_NONE},
    {"named pipe as a proeftuin to add", MK_FIFO, NULL, 0, ADD, 5,
     "not a regular file", 0, V_NONE},
    {"directory as a proeftuin to add", MK_DIR, NULL, 0, ADD, 5,
     "is a directory", 0, V_NONE},
    {"unreadable design", MK_UNREADABLE, T("<proeftuin/>", ""), 0, CHECK, 5,
     "Permission denied", 0, V_NONE},

    /* --- rules -------------------------------------------------------- */
    {"XXE in a rule file", MK_RULEDIR,
     T("<!DOCTYPE regels [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n",
       "<regels>&x;</regels>"),
     0, RULES, 4, "declares external entity 'x'", 0, V_NONE},
    {"truncated rule file", MK_RULEDIR, T("<regels><regel id=\"a\">", ""), 0,
     RULES, 3, "bad.xml:", 0, V_NONE},
    {"empty rule file", MK_RULEDIR, "", 0, RULES, 3, "empty file", 0, V_NONE},

    /* --- the registry ------------------------------------------------- */
    {"registry of random bytes", MK_DB_GARBAGE, NULL, 0, LAWS("{in}"), 6,
     "file is not a database", 0, V_NONE},
    {"registry cut in half",
     MK_DB_TRUNCATED,
     NULL,
     0,
     {"--db", "{in}", "show", "BWBR0034925", "2.1"},
     6,
     "database disk image is malformed",
     0,
     V_NONE},
    {"read-only registry",
     MK_DB_READONLY,
     NULL,
     0,
     {"--db", "{in}", "import", "-q", "{law}"},
     6,
     "readonly database",
     0,
     V_NONE},
    /* Every write command on a read-only registry and on a full disk:
     * the registry stays as it was.  The full disk is simulated with a
     * file-size limit of 64 KiB for the command (a write beyond fails
     * as on a full disk), so no file system needs mounting. */
    {"check --save on a read-only registry",
     MK_DB_READONLY,
     NULL,
     0,
     {"--db", "{in}", "check", "--save", "--rules", "{rules}", "{design2}"},
     6,
     "readonly database",
     0,
     V_NONE},
    {"proeftuin add on a read-only registry",
     MK_DB_READONLY,
     NULL,
     0,
     {"--db", "{in}", "proeftuin", "add", "-q", "--rules", "{rules}",
      "{design2}"},
     6,
     "readonly database",
     0,
     V_NONE},
    {"review set on a read-only registry",
     MK_DB_READONLY,
     NULL,
     0,
     {"--db", "{in}", "review", "set", FINDING, "confirmed", "--by", "x"},
     6,
     "readonly database",
     0,
     V_NONE},
    {"import on a full disk",
     MK_DB_FULL,
     NULL,
     0,
     {"--db", "{in}", "import", "-q", "{law}"},
     6,
     "disk",
     0,
     V_NONE},
    {"check --save on a full disk",
     MK_DB_FULL,
     NULL,
     0,
     {"--db", "{in}", "check", "--save", "--rules", "{rules}", "{design2}"},
     6,
     "disk full?",
     0,
     V_NONE},
    {"proeftuin add on a full disk",
     MK_DB_FULL,
     NULL,
     0,
     {"--db", "{in}", "proeftuin", "add", "-q", "--rules", "{rules}",
      "{design2}"},
     6,
     "disk full?",
     0,
     V_NONE},
    /* A decision's few pages fit in 64 KiB of journal: this row's disk
     * (16 KiB) is full before the registry's shared-memory file fits. */
    {"review set on a full disk",
     MK_DB_FULL,
     NULL,
     16,
     {"--db", "{in}", "review", "set", FINDING, "rejected", "--by", "x",
      "--note", "waarom"},
     6,
     "disk full: no space left",
     0,
     V_NONE},
    {"a report to a file on a full disk",
     MK_DB_FULL,
     NULL,
     0,
     {"--db", "{in}", "check", "--rules", "{rules}", "--format", "json", "-o",
      "{out}", "{design}"},
     5,
     "cannot write",
     0,
     V_NONE},
    {"another program's database", MK_DB_FOREIGN, NULL, 0, LAWS("{in}"), 6,
     "not a proeftoets registry", 0, V_NONE},
    {"registry of a newer version", MK_DB_NEWER, NULL, 0, LAWS("{in}"), 6,
     "use a newer proeftoets", 0, V_NONE},
    {"directory as the registry", MK_DB_DIR, NULL, 0, LAWS("{in}"), 6,
     "cannot open the registry", 0, V_NONE},

    /* --- text in ids, names and notes ------------------------------- */
    {"SQL and control characters in a review note and name round-trip",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "review", "set", FINDING, "rejected", "--by",
      "O'Brien \"B\"; DELETE FROM finding", "--note", HOSTILE},
     0,
     "",
     1,
     V_NOTE},
    {"SQL text as a finding id",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "review", "set", "x' OR '1'='1", "confirmed", "--by",
      "a"},
     7,
     "unknown finding 'x' OR '1'='1'",
     0,
     V_NONE},
    {"SQL text as a BWB id",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "show", "' OR 1=1 --", "1"},
     2,
     "no law of that name",
     0,
     V_NONE},
    {"SQL text as a search query (searched as words)",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "search", "'; DROP TABLE law; --"},
     0,
     "",
     0,
     V_NONE},
    {"invalid UTF-8 as a reviewer",
     MK_NONE,
     NULL,
     0,
     {"--db", "{db}", "review", "set", FINDING, "confirmed", "--by", "A\xff"},
     2,
     "not valid UTF-8",
     0,
     V_NONE},

    /* --- arguments of 1 MB ---------------------------------------------- */
    {"1 MB command name",
     MK_LONGARG,
     NULL,
     0,
     {"--db", "{db}", "{in}"},
     2,
     "unknown command",
     0,
     V_NONE},
    {"1 MB BWB id",
     MK_LONGARG,
     NULL,
     0,
     {"--db", "{db}", "show", "{in}", "1"},
     2,
     "no law of that name",
     0,
     V_NONE},
    {"1 MB file name",
     MK_LONGARG,
     NULL,
     0,
     {"--db", "{db}", "import", "-q", "{in}"},
     5,
     "File name too long",
     0,
     V_NONE},
    {"1 MB registry path", MK_LONGARG, NULL, 0, LAWS("{in}"), 6,
     "cannot open the registry", 0, V_NONE},
    {"1 MB search query",
     MK_LONGARG,
     NULL,
     0,
     {"--db", "{db}", "search", "{in}"},
     2,
     "more than the maximum of 1024",
     0,
     V_NONE},
    {"1 MB review note refused: over 8,000 characters",
     MK_LONGARG,
     NULL,
     0,
     {"--db", "{db}", "review", "set", FINDING, "rejected", "--by", "a",
      "--note", "{in}"},
     2,
     "the note is longer than 8000 characters",
     0,
     V_NONE},
};

#define NROWS ((int)(sizeof rows / sizeof rows[0]))

static char *base, *basedir, *base_fp; /* the registry all rows start from */
static char *dir, *db;                 /* per row */

/*
 * A digest of every row of every table (sqlite_master included), or of the
 * file's bytes when it is not a readable database.  Caller frees.
 */
static char *
fingerprint(const char *path)
{
	struct pt_buf b = PT_BUF_INIT, names = PT_BUF_INIT;
	char hex[DIGEST_SHA256_HEX];
	sqlite3 *h;
	sqlite3_stmt *s;
	const char *name;
	char *data;
	size_t len;
	int c, ok = 1;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) ==
	        SQLITE_OK &&
	    sqlite3_prepare_v2(h,
	                       "SELECT name FROM sqlite_master WHERE type ="
	                       " 'table' ORDER BY name",
	                       -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW) {
			pt_buf_adds(&names,
			            (const char *)sqlite3_column_text(s, 0));
			pt_buf_addc(&names, '\0');
		}
		sqlite3_finalize(s);
		pt_buf_adds(&b, "tables\n");
		for (name = names.s; ok && name < names.s + names.len;
		     name += strlen(name) + 1) {
			char *q = sqlite3_mprintf("SELECT * FROM \"%w\"", name);

			ok =
			    sqlite3_prepare_v2(h, q, -1, &s, NULL) == SQLITE_OK;
			sqlite3_free(q);
			while (ok && sqlite3_step(s) == SQLITE_ROW) {
				for (c = 0; c < sqlite3_column_count(s); c++) {
					const void *v =
					    sqlite3_column_blob(s, c);

					pt_buf_add(
					    &b, v ? v : "\\N",
					    v ? (size_t)sqlite3_column_bytes(s,
					                                     c)
					      : 2);
					pt_buf_addc(&b, '\x1f');
				}
				pt_buf_addc(&b, '\n');
			}
			if (ok)
				sqlite3_finalize(s);
			pt_buf_addf(&b, "-- %s\n", name);
		}
	} else {
		ok = 0;
	}
	sqlite3_close(h);
	pt_buf_release(&names);
	if (!ok || b.len == 0) {
		pt_buf_reset(&b);
		pt_buf_adds(&b, "bytes\n");
		if ((data = t_read(path, &len)) != NULL) {
			pt_buf_add(&b, data, len);
			free(data);
		}
	}
	digest_sha256_mem(b.s, b.len, hex);
	pt_buf_release(&b);
	return xstrdup(hex);
}

/* Run the CLI in-process with an argv array; out/err caller-freed. */
static int
run(char **argv, int argc, char **out, char **err)
{
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *fo, *fe;
	int rc;

	fo = open_memstream(&obuf, &olen);
	fe = open_memstream(&ebuf, &elen);
	rc = proeftoets_main(argc, argv, fo, fe);
	fclose(fo);
	fclose(fe);
	*out = obuf;
	*err = ebuf;
	return rc;
}

enum child_mode {
	CHILD_NOBODY, /* as uid/gid 65534 */
	CHILD_FULL    /* no file may grow beyond full_kib KiB */
};
/* The size of a full disk for CHILD_FULL: a row's len, else 64 KiB. */
static size_t full_kib;

/*
 * Run in a child: as uid/gid 65534 (nobody), for the rows about file
 * permissions when the tests run as root (who may read anything), or with
 * a file-size limit, for the rows about a full disk (SIGXFSZ ignored, so
 * a write beyond the limit fails as on a full disk).  Returns -1 when the
 * child cannot be set up.
 */
static int
run_child(char **argv, int argc, enum child_mode mode, char **out, char **err)
{
	struct pt_buf b = PT_BUF_INIT;
	char chunk[4096];
	ssize_t n;
	pid_t pid;
	int fd[2], st;

	*out = xstrdup("");
	if (pipe(fd) != 0)
		return -1;
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		FILE *fe, *fo;

		close(fd[0]);
		if (mode == CHILD_NOBODY &&
		    (setgid(65534) != 0 || setuid(65534) != 0 || getuid() == 0))
			_exit(255);
		if (mode == CHILD_FULL) {
			rlim_t lim = (rlim_t)(full_kib ? full_kib : 64) * 1024;
			struct rlimit rl = {lim, lim};

			signal(SIGXFSZ, SIG_IGN);
			if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
				_exit(255);
		}
		fe = fdopen(fd[1], "w");
		fo = fopen("/dev/null", "w");
		if (fe == NULL || fo == NULL)
			_exit(254);
		st = proeftoets_main(argc, argv, fo, fe);
		fclose(fe);
		fclose(fo);
		_exit(st);
	}
	close(fd[1]);
	while ((n = read(fd[0], chunk, sizeof chunk)) > 0)
		pt_buf_add(&b, chunk, (size_t)n);
	close(fd[0]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) == 255) {
		pt_buf_release(&b);
		*err = xstrdup("");
		return -1;
	}
	*err = pt_buf_detach(&b);
	return WEXITSTATUS(st);
}

static void
write_big(const char *path, const char *head, char fill, size_t n,
          const char *tail)
{
	char chunk[65536];
	FILE *f = fopen(path, "wb");
	size_t k;

	ck_assert_ptr_nonnull(f);
	memset(chunk, fill, sizeof chunk);
	ck_assert(fputs(head, f) >= 0);
	for (; n > 0; n -= k) {
		k = n < sizeof chunk ? n : sizeof chunk;
		ck_assert_uint_eq(fwrite(chunk, 1, k, f), k);
	}
	ck_assert(fputs(tail, f) >= 0);
	ck_assert_int_eq(fclose(f), 0);
}

/* n times open, then n times close, around mid. */
static void
write_deep(const char *path, const char *head, const char *open,
           const char *mid, const char *close, int n, const char *tail)
{
	FILE *f = fopen(path, "wb");
	int i;

	ck_assert_ptr_nonnull(f);
	fputs(head, f);
	for (i = 0; i < n; i++)
		fputs(open, f);
	fputs(mid, f);
	for (i = 0; i < n; i++)
		fputs(close, f);
	fputs(tail, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void
sql(const char *path, const char *text)
{
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, text, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void
copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = t_read(from, &len);

	ck_assert_ptr_nonnull(data);
	free(t_write(dir, to, data, len));
	free(data);
}

/* Make the input of row r; returns its path or value (caller frees). */
static char *
make_input(const struct row *r, int *privdrop)
{
	char *p, *s, *garbage;
	unsigned x = 12345;
	size_t i, n;

	*privdrop = 0;
	switch (r->mk) {
	case MK_NONE:
		return r->data != NULL && r->data[0] != '/'
		           ? t_src(r->data)
		           : xstrdup(r->data ? r->data : "");
	case MK_DATA:
		if (r->data == NULL) { /* the 100 KB bwb-id */
			struct pt_buf b = PT_BUF_INIT;

			pt_buf_adds(&b, "<toestand bwb-id=\"");
			for (i = 0; i < 100000; i++)
				pt_buf_addc(&b, 'B');
			pt_buf_adds(
			    &b, "\" inwerkingtreding=\"2020-01-01\">" BWB_ART
			        "</toestand>");
			p = t_write(dir, "input.xml", b.s, b.len);
			pt_buf_release(&b);
			return p;
		}
		return t_write(dir, "input.xml", r->data,
		               r->len ? r->len : strlen(r->data));
	case MK_GARBAGE:
		n = 65536;
		garbage = xmalloc(n);
		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			garbage[i] = (char)(x >> 16);
		}
		garbage[0] = '\x8f'; /* not '<': no document at all */
		p = t_write(dir, "input.xml", garbage, n);
		free(garbage);
		return p;
	case MK_TRUNCATED:
		s = t_src("xml/bwb/BWBR0034925_2026-01-01_extract.xml");
		garbage = t_read(s, &n);
		free(s);
		ck_assert_ptr_nonnull(garbage);
		ck_assert_uint_gt(n, 3000);
		p = t_write(dir, "input.xml", garbage, 3000);
		free(garbage);
		return p;
	case MK_DEEP_BWB:
		p = xasprintf("%s/input.xml", dir);
		write_deep(p, bw_toestand, "<al>", "x", "</al>", 100000,
		           "</toestand>");
		return p;
	case MK_DEEP_DESIGN:
		p = xasprintf("%s/input.xml", dir);
		write_deep(p, "<proeftuin id=\"x\">", "<naam>", "x", "</naam>",
		           100000, "</proeftuin>");
		return p;
	case MK_BIGATTR_BWB:
		p = xasprintf("%s/input.xml", dir);
		write_big(p,
		          "<toestand bwb-id=\"BWBR0000099\" inwerkingtreding="
		          "\"2020-01-01\"><artikel label=\"",
		          'a', 100 * MB, "\"><al>x</al></artikel></toestand>");
		return p;
	case MK_BIGATTR_DESIGN:
		p = xasprintf("%s/input.xml", dir);
		write_big(p, "<proeftuin id=\"", 'a', 100 * MB,
		          "\"></proeftuin>");
		return p;
	case MK_BIGCOMMENT_DESIGN:
		p = xasprintf("%s/input.xml", dir);
		write_big(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--",
		          'c', 11 * MB, "-->\n" VALID_DESIGN);
		return p;
	case MK_BIGNAME_DESIGN:
		p = xasprintf("%s/input.xml", dir);
		write_big(
		    p,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<proeftuin id=\"groot\" peildatum=\"2026-01-01\"><naam>",
		    'n', 11 * MB, "</naam>" VALID_BODY "</proeftuin>");
		return p;
	case MK_UNREADABLE:
		p = t_write(dir, "input.xml", r->data, strlen(r->data));
		ck_assert_int_eq(chmod(p, 0), 0);
		*privdrop = 1;
		return p;
	case MK_DIR:
		p = xasprintf("%s/input.xml", dir);
		ck_assert_int_eq(mkdir(p, 0755), 0);
		return p;
	case MK_LOOP:
		p = xasprintf("%s/laws", dir);
		ck_assert_int_eq(mkdir(p, 0755), 0);
		s = xasprintf("%s/loop", p);
		ck_assert_int_eq(symlink(".", s), 0);
		free(s);
		return p;
	case MK_FIFO:
		p = xasprintf("%s/input.xml", dir);
		ck_assert_int_eq(mkfifo(p, 0600), 0);
		return p;
	case MK_RULEDIR:
		p = xasprintf("%s/rules", dir);
		ck_assert_int_eq(mkdir(p, 0755), 0);
		free(t_write(p, "bad.xml", r->data, strlen(r->data)));
		return p;
	case MK_DB_GARBAGE:
		garbage = xmalloc(8192);
		for (i = 0; i < 8192; i++) {
			x = x * 1103515245u + 12345u;
			garbage[i] = (char)(x >> 16);
		}
		p = t_write(dir, "bad.db", garbage, 8192);
		free(garbage);
		return p;
	case MK_DB_TRUNCATED:
		garbage = t_read(base, &n);
		ck_assert_ptr_nonnull(garbage);
		p = t_write(dir, "bad.db", garbage, n / 2);
		free(garbage);
		return p;
	case MK_DB_READONLY:
		copy_file(base, "ro.db");
		p = xasprintf("%s/ro.db", dir);
		ck_assert_int_eq(chmod(p, 0444), 0);
		ck_assert_int_eq(chmod(dir, 0555), 0);
		*privdrop = 1;
		return p;
	case MK_DB_FULL:
		copy_file(base, "full.db");
		return xasprintf("%s/full.db", dir);
	case MK_DB_FOREIGN:
		p = xasprintf("%s/other.db", dir);
		sql(p,
		    "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
		    "INSERT INTO moz_places(url) "
		    "VALUES('https://example.org/');");
		return p;
	case MK_DB_NEWER:
		copy_file(base, "new.db");
		p = xasprintf("%s/new.db", dir);
		sql(p, "PRAGMA user_version = 9999");
		return p;
	case MK_DB_DIR:
		p = xasprintf("%s/reg.d", dir);
		ck_assert_int_eq(mkdir(p, 0755), 0);
		return p;
	case MK_LONGARG:
		p = xmalloc(MB + 1);
		memset(p, 'a', MB);
		p[MB] = '\0';
		return p;
	}
	return NULL;
}

/*
 * The source file rel, or, for a row run as another user, a copy of it in
 * the row's directory: the source tree may not be readable to that user.
 * Caller frees.
 */
static char *
src_file(const char *rel, const char *name, int privdrop)
{
	char *p = t_src(rel);

	if (privdrop) {
		copy_file(p, name);
		free(p);
		p = xasprintf("%s/%s", dir, name);
	}
	return p;
}

/* The rule directory, or a copy of its rule files (see src_file). */
static char *
src_rules(int privdrop)
{
	struct dirent *e;
	char *p, *rel, *name;
	size_t n;
	DIR *d;

	p = t_src("rules");
	if (!privdrop)
		return p;
	d = opendir(p);
	ck_assert_ptr_nonnull(d);
	free(p);
	p = xasprintf("%s/rules-copy", dir);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		rel = xasprintf("rules/%s", e->d_name);
		name = xasprintf("rules-copy/%s", e->d_name);
		free(src_file(rel, name, 1));
		free(rel);
		free(name);
	}
	closedir(d);
	return p;
}

/* Replace the placeholders of row r's arguments. */
static int
build_argv(const struct row *r, const char *in, int privdrop, char **argv,
           char **owned)
{
	int argc = 0, i;

	argv[argc++] = (char *)"proeftoets";
	for (i = 0; i < 12 && r->argv[i] != NULL; i++) {
		const char *a = r->argv[i];

		owned[i] = NULL;
		if (strcmp(a, "{in}") == 0)
			argv[argc++] = (char *)in;
		else if (strcmp(a, "{db}") == 0)
			argv[argc++] = db;
		else if (strcmp(a, "{db}.missing.xml") == 0)
			argv[argc++] = owned[i] =
			    xasprintf("%s.missing.xml", db);
		else if (strcmp(a, "{rules}") == 0)
			argv[argc++] = owned[i] = src_rules(privdrop);
		else if (strcmp(a, "{law}") == 0)
			argv[argc++] = owned[i] = src_file(
			    "xml/bwb/BWBR0024649_2020-07-01_extract.xml",
			    "law.xml", privdrop);
		else if (strcmp(a, "{design}") == 0)
			argv[argc++] = owned[i] =
			    src_file("xml/proeftuinen/noord.xml", "design.xml",
			             privdrop);
		else if (strcmp(a, "{design2}") == 0)
			argv[argc++] = owned[i] =
			    src_file("xml/proeftuinen/rvt-integraal.xml",
			             "design2.xml", privdrop);
		else if (strcmp(a, "{out}") == 0)
			argv[argc++] = owned[i] = xasprintf("%s/out", dir);
		else
			argv[argc++] = (char *)a;
	}
	for (; i < 12; i++)
		owned[i] = NULL;
	argv[argc] = NULL;
	return argc;
}

/* Rows whose input is accepted: what must be true afterwards. */
static void
check_accepted(int i, const struct row *r, const char *in)
{
	struct pt_buf want = PT_BUF_INIT;
	char *out, *err;
	char *argv[8];

	if (r->verify == V_NOTE) {
		/* The note (and name) come back exactly in the JSON log. */
		argv[0] = (char *)"proeftoets";
		argv[1] = (char *)"--db";
		argv[2] = db;
		argv[3] = (char *)"review";
		argv[4] = (char *)"log";
		argv[5] = (char *)FINDING;
		argv[6] = (char *)"--format";
		argv[7] = (char *)"json";
		ck_assert_int_eq(run(argv, 8, &out, &err), 0);
		json_escape(&want, r->mk == MK_LONGARG ? in : HOSTILE);
		ck_assert_msg(t_contains(out, want.s),
		              "row %d (%s): note changed", i, r->name);
		pt_buf_reset(&want);
		if (r->mk != MK_LONGARG) {
			json_escape(&want,
			            "O'Brien \"B\"; DELETE FROM finding");
			ck_assert_msg(t_contains(out, want.s),
			              "row %d (%s): name changed", i, r->name);
		}
		free(out);
		free(err);
	} else if (r->verify == V_LAWTEXT) {
		char *json = NULL;

		argv[0] = (char *)"proeftoets";
		argv[1] = (char *)"--db";
		argv[2] = db;
		argv[3] = (char *)"show";
		argv[4] = (char *)"BWBR0000096";
		argv[5] = (char *)"1";
		argv[6] = (char *)"--format";
		argv[7] = (char *)"json";
		ck_assert_int_eq(run(argv, 8, &json, &err), 0);
		json_escape(&want,
		            "'); DROP TABLE provision; -- \"q\" <b> & \\ "
		            "\xe2\x80\x94");
		ck_assert_msg(t_contains(json, want.s),
		              "row %d (%s): text changed: %s", i, r->name,
		              json);
		free(json);
		free(err);
	}
	pt_buf_release(&want);
}

static void
setup_base(void)
{
	char *path, *rules;

	basedir = t_tmpdir();
	base = xasprintf("%s/base.db", basedir);
	path = t_src("xml/bwb/BWBR0034925_2026-01-01_extract.xml");
	ck_assert_int_eq(
	    t_cli(NULL, NULL, "--db", base, "import", "-q", path, NULL), 0);
	free(path);
	rules = t_src("rules");
	path = t_src("xml/proeftuinen/noord.xml");
	ck_assert_int_eq(t_cli(NULL, NULL, "--db", base, "proeftuin", "add",
	                       "-q", "--rules", rules, path, NULL),
	                 0);
	free(rules);
	free(path);
	base_fp = fingerprint(base);
}

static void
teardown_base(void)
{
	t_tmpdir_cleanup(basedir);
	free(basedir);
	free(base);
	free(base_fp);
}

static void
setup(void)
{
	size_t len;
	char *data;

	dir = t_tmpdir();
	ck_assert_int_eq(chmod(dir, 0755), 0);
	data = t_read(base, &len);
	ck_assert_ptr_nonnull(data);
	db = xasprintf("%s/reg.db", dir);
	free(t_write(dir, "reg.db", data, len));
	free(data);
}

static void
teardown(void)
{
	if (chmod(dir, 0755) != 0)
		fprintf(stderr, "warning: chmod %s: %s\n", dir,
		        strerror(errno));
	t_tmpdir_cleanup(dir);
	free(dir);
	free(db);
}

START_TEST(test_badinput_catalogue)
{
	const struct row *r = &rows[_i];
	char *in, *out = NULL, *err = NULL, *before, *after, *target;
	char *argv[16], *owned[12];
	int argc, rc, privdrop, k;

	in = make_input(r, &privdrop);
	target = r->mk >= MK_DB_GARBAGE && r->mk <= MK_DB_DIR ? in : db;
	before = fingerprint(target);
	privdrop = privdrop && geteuid() == 0;
	if (privdrop && r->mk == MK_DB_READONLY)
		ck_assert_int_eq(chmod(dir, 0755), 0);
	argc = build_argv(r, in, privdrop, argv, owned);
	if (privdrop && r->mk == MK_DB_READONLY)
		ck_assert_int_eq(chmod(dir, 0555), 0);
	if (privdrop) {
		/* Root reads and writes anything: run this row as nobody. */
		if (r->mk == MK_UNREADABLE) {
			ck_assert_int_eq(chmod(db, 0666), 0);
			ck_assert_int_eq(chmod(dir, 0777), 0);
		}
		rc = run_child(argv, argc, CHILD_NOBODY, &out, &err);
		if (rc < 0) {
			fprintf(
			    stderr,
			    "check_badinput: row %d (%s) skipped: "
			    "running as root and cannot drop to uid 65534\n",
			    _i, r->name);
			goto done;
		}
	} else if (r->mk == MK_DB_FULL) {
		full_kib = r->len;
		rc = run_child(argv, argc, CHILD_FULL, &out, &err);
		ck_assert_msg(rc >= 0, "row %d (%s): no child", _i, r->name);
	} else {
		rc = run(argv, argc, &out, &err);
	}
	ck_assert_msg(rc == r->status,
	              "row %d (%s): exit status %d, want %d; stderr: %.300s",
	              _i, r->name, rc, r->status, err);
	ck_assert_msg(t_contains(err, r->msg),
	              "row %d (%s): stderr lacks '%s': %.300s", _i, r->name,
	              r->msg, err);
	/* Nothing crashed, so the message is a line: file:line:col: text. */
	if (r->status != 0)
		ck_assert_msg(strncmp(err, "proeftoets: ", 12) == 0,
		              "row %d (%s): stderr: %.300s", _i, r->name, err);
	after = fingerprint(target);
	if (r->accepted)
		check_accepted(_i, r, in);
	else
		ck_assert_msg(strcmp(before, after) == 0,
		              "row %d (%s): the registry changed", _i, r->name);
	free(after);
done:
	for (k = 0; k < 12; k++)
		free(owned[k]);
	free(before);
	free(in);
	free(out);
	free(err);
}
END_TEST

Suite *
suite_badinput(void)
{
	Suite *s = suite_create("badinput");
	TCase *tc = tcase_create("catalogue");

	tcase_add_unchecked_fixture(tc, setup_base, teardown_base);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_badinput_catalogue, 0, NROWS);
	suite_add_tcase(s, tc);
	return s;
}
