/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * vocab.c: the design vocabulary (see vocab.h and the spec, sections 2-3).
 */
#include "config.h"

#include <string.h>

#include "vocab.h"

const struct vocab_entry vocab_roles[] = {
    {"raad-voor-de-kinderbescherming", "Raad voor de Kinderbescherming",
     "rijksorgaan, art. 1:238 BW", NULL},
    {"gecertificeerde-instelling", "gecertificeerde instelling",
     "art. 1.1, 3.4 Jeugdwet", NULL},
    {"veilig-thuis", "Veilig Thuis-organisatie", "art. 4.1.1 Wmo 2015", NULL},
    {"college", "college van burgemeester en wethouders",
     "art. 2.1 e.v. Jeugdwet", NULL},
    {"wijkteam", "lokaal team / wijkteam namens het college",
     "art. 2.3, 2.11 Jeugdwet", NULL},
    {"regionaal-veiligheidsteam", "regionaal veiligheidsteam",
     "geen wettelijke grondslag (Toekomstscenario)", NULL},
    {"jeugdhulpaanbieder", "jeugdhulpaanbieder", "art. 1.1 Jeugdwet", NULL},
    {"burgemeester", "burgemeester", "Gemeentewet; art. 2 Wth", NULL},
    {"openbaar-ministerie", "openbaar ministerie", "Wet RO", NULL},
    {"kinderrechter", "kinderrechter / rechtbank", "BW Boek 1", NULL},
    {"politie", "politie", "Politiewet 2012", NULL},
    {"ggz-volwassenen", "ggz-aanbieder voor volwassenen", "", NULL},
};
const int vocab_nroles = (int)(sizeof vocab_roles / sizeof vocab_roles[0]);

const struct vocab_entry vocab_tasks[] = {
    {"verzoek-ots", "verzoek tot ondertoezichtstelling",
     "Raad, OM (ouders/pleegouders subsidiair); art. 1:255 lid 2 BW",
     "raad-voor-de-kinderbescherming openbaar-ministerie"},
    {"verzoek-voorlopige-ots", "verzoek tot voorlopige ondertoezichtstelling",
     "Raad, OM; art. 1:257 BW",
     "raad-voor-de-kinderbescherming openbaar-ministerie"},
    {"verzoek-verlenging-ots",
     "verzoek tot verlenging van de ondertoezichtstelling",
     "GI (daarna Raad, OM, ouder); art. 1:260 lid 2 BW",
     "gecertificeerde-instelling raad-voor-de-kinderbescherming "
     "openbaar-ministerie"},
    {"uitvoering-ots", "uitvoering van de ondertoezichtstelling",
     "GI; art. 1:255 lid 1, 1:262 BW; art. 3.2 lid 1 Jeugdwet",
     "gecertificeerde-instelling"},
    {"schriftelijke-aanwijzing", "schriftelijke aanwijzing",
     "GI; art. 1:263, 1:264 BW", "gecertificeerde-instelling"},
    {"verzoek-uithuisplaatsing", "verzoek om een machtiging uithuisplaatsing",
     "GI, Raad, OM; art. 1:265b BW",
     "gecertificeerde-instelling raad-voor-de-kinderbescherming "
     "openbaar-ministerie"},
    {"uitvoering-uithuisplaatsing", "uitvoering van de uithuisplaatsing",
     "GI; art. 1:265b lid 1, 1:265f BW", "gecertificeerde-instelling"},
    {"verzoek-gezagsbeeindiging", "verzoek tot beëindiging van het gezag",
     "Raad, OM; art. 1:266, 1:267 BW",
     "raad-voor-de-kinderbescherming openbaar-ministerie"},
    {"voogdij", "(voorlopige) voogdij", "GI; art. 1:241, 1:268, 1:302 BW",
     "gecertificeerde-instelling"},
    {"jeugdreclassering", "jeugdreclassering",
     "GI; art. 1.1, 3.2 lid 1 Jeugdwet", "gecertificeerde-instelling"},
    {"raadsonderzoek",
     "onderzoek naar de noodzaak van een kinderbeschermingsmaatregel",
     "Raad; art. 3.1 Jeugdwet; art. 1:238, 1:240 BW",
     "raad-voor-de-kinderbescherming"},
    {"advies-kinderrechter", "onafhankelijk advies aan de kinderrechter",
     "Raad; art. 1:265j lid 3 BW; art. 3.1, 3.3 Jeugdwet",
     "raad-voor-de-kinderbescherming"},
    {"verzoek-raadsonderzoek", "verzoek aan de Raad om onderzoek",
     "college, aangewezen jeugdhulpaanbieder, GI, Veilig Thuis; art. 2.4 "
     "lid 1, 3.1 lid 1 Jeugdwet",
     "college wijkteam gecertificeerde-instelling veilig-thuis"},
    {"jeugdhulp", "jeugdhulp bieden",
     "jeugdhulpaanbieder, wijkteam (namens het college); niet een GI; Jeugdwet "
     "2.3, 3.2 lid 2",
     "jeugdhulpaanbieder wijkteam"},
    {"toegang-jeugdhulp", "beslissen over toegang tot jeugdhulp",
     "college (wijkteam namens het college); art. 2.3, 2.11 Jeugdwet",
     "college wijkteam"},
    {"meldpunt", "meldpunt huiselijk geweld en kindermishandeling",
     "Veilig Thuis; art. 4.1.1 lid 2 onder a Wmo 2015", "veilig-thuis"},
    {"onderzoek-na-melding", "onderzoek naar aanleiding van een melding",
     "Veilig Thuis; art. 4.1.1 lid 2 onder b Wmo 2015", "veilig-thuis"},
    {"tijdelijk-huisverbod", "tijdelijk huisverbod opleggen",
     "burgemeester (mandaat: hulpofficier van justitie); Wet tijdelijk "
     "huisverbod 2, 3",
     "burgemeester"},
    {"melding-verwijsindex", "melding aan de verwijsindex",
     "meldingsbevoegden; art. 7.1.3.1 Jeugdwet", ""},
    {"hulp-volwassenen", "hulp of interventie bij volwassenen (18+)",
     "alleen grondslagen Wmo 2015 / Veilig Thuis; art. 1.1 Jeugdwet; art. "
     "4.1.1 Wmo 2015",
     "veilig-thuis"},
};
const int vocab_ntasks = (int)(sizeof vocab_tasks / sizeof vocab_tasks[0]);

static const struct vocab_entry *
find(const struct vocab_entry *v, int n, const char *id)
{
	int i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

const struct vocab_entry *
vocab_role(const char *id)
{
	return find(vocab_roles, vocab_nroles, id);
}

const struct vocab_entry *
vocab_task(const char *id)
{
	return find(vocab_tasks, vocab_ntasks, id);
}

const char *const vocab_gegevens_names[] = {
    "jeugdhulp", "gezondheid", "strafrechtelijk", "melding", "raadsonderzoek",
};

unsigned
vocab_gegevens_bit(const char *name)
{
	int i;

	for (i = 0; i < VOCAB_NGEGEVENS; i++)
		if (strcmp(vocab_gegevens_names[i], name) == 0)
			return 1u << i;
	return 0;
}

const char *const vocab_aanwijzing_names[] = {"veilig-thuis",
                                              "jeugdhulpaanbieder"};

unsigned
vocab_aanwijzing_bit(const char *name)
{
	int i;

	for (i = 0; i < VOCAB_NAANWIJZING; i++)
		if (strcmp(vocab_aanwijzing_names[i], name) == 0)
			return 1u << i;
	return 0;
}

static const char *const level_names[VOCAB_NLEVELS] = {
    "wet", "amvb", "ministeriele-regeling", "college", "geen",
};
static const char *const level_labels[VOCAB_NLEVELS] = {
    "wet in formele zin",
    "algemene maatregel van bestuur",
    "ministeriële regeling",
    "besluit of afspraak van het college",
    "geen wijziging van regelgeving nodig",
};

int
vocab_level_parse(const char *s)
{
	int i;

	for (i = 0; i < VOCAB_NLEVELS; i++)
		if (strcmp(level_names[i], s) == 0)
			return i;
	return -1;
}

const char *
vocab_level_name(enum vocab_level level)
{
	return (unsigned)level < VOCAB_NLEVELS ? level_names[level] : "?";
}

const char *
vocab_level_label(enum vocab_level level)
{
	return (unsigned)level < VOCAB_NLEVELS ? level_labels[level] : "?";
}

int
vocab_is_slug(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return 0;
	return 1;
}

int
vocab_is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	int i, y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 &&
	    !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}
