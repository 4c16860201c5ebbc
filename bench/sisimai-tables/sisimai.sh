# Shared by bench/accuracy.sh, bench/sisimai-tables.sh and bench/rule-evidence.sh (sourced, from the
# repository's root).
#   require_sisimai       installs Debian's libsisimai-perl when the Sisimai module is missing
#   sisimai_tables        makes a work directory, $work, removed when the script exits, and writes
#                         Sisimai 4.25's phrase tables as literal texts into it: reason.tsv
#                         (Reason/*.pm), lhost.tsv (Lhost/*.pm) and rhost-raw.tsv (Rhost/*.pm)

require_sisimai() {
  if ! perl -MSisimai -e1 2>/dev/null; then
    echo "Sisimai (perl) not found; installing libsisimai-perl ..." >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libsisimai-perl >&2
  fi
}

sisimai_tables() {
  local out dir
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  out="$work"
  dir="$(dirname "$(perl -MSisimai -e 'print $INC{"Sisimai.pm"}')")/Sisimai"
  python3 bench/sisimai-tables/expand.py reason "$dir/Reason" > "$out/reason.tsv"
  perl bench/sisimai-tables/lhost.pl "$dir/Lhost" > "$out/lhost-raw.tsv"
  python3 bench/sisimai-tables/expand.py lhost "$out/lhost-raw.tsv" > "$out/lhost.tsv"
  perl bench/sisimai-tables/rhost.pl "$dir/Rhost" > "$out/rhost-raw.tsv"
}
