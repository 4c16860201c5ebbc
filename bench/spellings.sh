#!/usr/bin/env bash
# Spelling robustness: every train and dev text (never a validation row) with one spelling swapped
# for another servers write interchangeably ("does not"/"doesn't", "mailbox"/"mail box",
# "e-mail"/"email", "authorized"/"authorised", ...), classified by the CLI and scored against the
# row's label: how much of the classifier's knowledge holds when a server spells it another way.
#   bench/spellings.sh          # the figure
#   bench/spellings.sh -v       # and every swapped text it gets wrong
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl cli -am package -DskipTests >&2
corpus=core/src/test/resources/dev/bouncekit/corpus
python3 bench/spellings/swap.py cli/target/bouncekit.jar "$corpus/replies-dev.tsv" "$corpus/seed-replies.tsv" \
    "$corpus"/labelled/{mta,providers,languages,ndr}.tsv "$@"
