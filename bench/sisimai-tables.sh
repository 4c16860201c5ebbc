#!/usr/bin/env bash
# How far bouncekit agrees with the phrase tables Sisimai 4.25 ships: its reason lists
# (Sisimai/Reason/*.pm), its per-MTA messages (Lhost/*.pm) and its per-provider tables (Rhost/*.pm),
# each phrase or regular-expression alternative turned into a literal text and classified by the
# CLI. A measure of how much of the field's written knowledge the rules carry, beside the labelled
# sets of bench/accuracy.sh. A disagreement a provider file documents (a '# deliberate: "FRAGMENT" ...'
# comment with its reason) is counted apart. Installs libsisimai-perl when missing; needs python3.
#   bench/sisimai-tables.sh        # figures and the most frequent disagreements
#   bench/sisimai-tables.sh -v     # and every disagreeing text
set -euo pipefail
cd "$(dirname "$0")/.."

if ! perl -MSisimai -e1 2>/dev/null; then
  echo "Sisimai (perl) not found; installing libsisimai-perl ..." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libsisimai-perl >&2
fi
sisimai_dir="$(dirname "$(perl -MSisimai -e 'print $INC{"Sisimai.pm"}')")/Sisimai"

mvn -B -q -pl cli -am package -DskipTests >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/sisimai-tables/expand.py reason "$sisimai_dir/Reason" > "$work/reason.tsv"
perl bench/sisimai-tables/lhost.pl "$sisimai_dir/Lhost" > "$work/lhost-raw.tsv"
python3 bench/sisimai-tables/expand.py lhost "$work/lhost-raw.tsv" > "$work/lhost.tsv"
perl bench/sisimai-tables/rhost.pl "$sisimai_dir/Rhost" > "$work/rhost-raw.tsv"
python3 bench/sisimai-tables/agreement.py cli/target/bouncekit.jar "$work/reason.tsv" "$work/lhost.tsv" "$work/rhost-raw.tsv" "$@"
