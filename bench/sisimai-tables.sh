#!/usr/bin/env bash
# How far bouncekit agrees with the phrase tables Sisimai 4.25 ships: its reason lists
# (Sisimai/Reason/*.pm), its per-MTA messages (Lhost/*.pm) and its per-provider tables (Rhost/*.pm),
# each phrase or regular-expression alternative turned into a literal text and classified by the
# CLI. A measure of how much of the field's written knowledge the rules carry, beside the labelled
# sets of bench/accuracy.sh. A disagreement a provider or rules file documents (a '# deliberate: "FRAGMENT" ...'
# comment with its reason) is counted apart. Installs libsisimai-perl when missing; needs python3.
#   bench/sisimai-tables.sh        # figures and the most frequent disagreements
#   bench/sisimai-tables.sh -v     # and every disagreeing text
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/sisimai-tables/sisimai.sh
require_sisimai

mvn -B -q -pl cli -am package -DskipTests >&2
sisimai_tables
python3 bench/sisimai-tables/agreement.py cli/target/bouncekit.jar "$work/reason.tsv" "$work/lhost.tsv" "$work/rhost-raw.tsv" "$@"
