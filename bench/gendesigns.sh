#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# gendesigns.sh N DIR: write N proeftuin designs into DIR (bench/check.sh).
#
# The designs are variations on the trials the checker sees in practice:
# a regional team with a changing set of tasks, certificate and
# designation, a wijkteam, the Raad, data sharing and an integral file.
# Deterministic: the same N gives the same files.
set -eu
n=${1:?usage: gendesigns.sh N DIR}
dir=${2:?usage: gendesigns.sh N DIR}
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" 'BEGIN {
	split("uitvoering-ots schriftelijke-aanwijzing uitvoering-uithuisplaatsing jeugdhulp " \
	      "jeugdreclassering voogdij raadsonderzoek verzoek-ots meldpunt onderzoek-na-melding " \
	      "melding-verwijsindex tijdelijk-huisverbod verzoek-raadsonderzoek hulp-volwassenen " \
	      "verzoek-uithuisplaatsing advies-kinderrechter", tasks, " ");
	ntasks = 16;
	srand(42);
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/bench-%05d.xml", dir, i);
		cert = (i % 3 == 0) ? "ja" : "nee";
		aanw = (i % 4 == 0) ? "veilig-thuis" : "";
		doel = (i % 5 == 0) ? "alle-leeftijden" : "jeugd";
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" > f;
		printf "<proeftuin id=\"bench-%05d\" peildatum=\"2026-07-01\">\n", i > f;
		printf "  <naam>Benchmark %d</naam>\n", i > f;
		printf "  <gemeenten><gemeente>Gemeente A</gemeente>%s</gemeenten>\n",
		    (i % 2 ? "<gemeente>Gemeente B</gemeente>" : "") > f;
		printf "  <actoren>\n" > f;
		printf "    <actor id=\"rvt\" rol=\"regionaal-veiligheidsteam\" gecertificeerd=\"%s\" aangewezen-als=\"%s\" doelgroep=\"%s\"><naam>Team %d</naam></actor>\n", cert, aanw, doel, i > f;
		printf "    <actor id=\"wt\" rol=\"wijkteam\"><naam>Wijkteam</naam></actor>\n" > f;
		printf "    <actor id=\"raad\" rol=\"raad-voor-de-kinderbescherming\"/>\n" > f;
		printf "    <actor id=\"ggz\" rol=\"ggz-volwassenen\"/>\n" > f;
		printf "  </actoren>\n  <taken>\n" > f;
		for (t = 1; t <= ntasks; t++)
			if (rand() < 0.45)
				printf "    <taak id=\"%s\" actor=\"rvt\"/>\n", tasks[t] > f;
		printf "    <taak id=\"jeugdhulp\" actor=\"wt\"/>\n" > f;
		printf "    <taak id=\"toegang-jeugdhulp\" actor=\"wt\"/>\n" > f;
		printf "    <taak id=\"advies-kinderrechter\" actor=\"raad\"/>\n" > f;
		printf "  </taken>\n  <gegevensdeling>\n" > f;
		printf "    <deling van=\"wt\" naar=\"rvt\" gegevens=\"jeugdhulp\" grondslag=\"%s\"/>\n",
		    (i % 2 ? "geen" : "toestemming") > f;
		printf "    <deling van=\"rvt\" naar=\"ggz\" gegevens=\"gezondheid\" grondslag=\"geen\"/>\n" > f;
		if (i % 3 == 1)
			printf "    <dossier actoren=\"rvt wt\"/>\n" > f;
		printf "  </gegevensdeling>\n</proeftuin>\n" > f;
		close(f);
	}
}'
