#!/usr/bin/env bash
# Regenerates docs/samples/: every form's sample rendered to PDF by the built `ses` program, each page as a 100 dpi
# PNG (pdftoppm), and README.md, the index. Bureau-authored forms are signed with the development keys, so the seal
# (and its signing time) is in the pictures. Run from anywhere after `dotnet build Ses.sln`:
#   docs/samples/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ses="${SES:-$root/src/Ses.Service/bin/Debug/net10.0/ses}"
[ -x "$ses" ] || { echo "ses not built ($ses): run dotnet build Ses.sln first" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is missing" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rm -f "$here"/*.png
index="$here/README.md"
{
  echo "# Sample pages"
  echo
  echo "Every form's sample (\`templates/samples/<form>.json\`) rendered as PDF — sealed and signed with the development keys,"
  echo "except the forms the counterparty writes — and each page drawn at 100 dpi, so the"
  echo "layout (GB/T 9704-2012) can be reviewed without running anything. Regenerate all of them with"
  echo "\`docs/samples/make.sh\` after \`dotnet build Ses.sln\`; do not edit the pictures by hand."
  echo
  echo "| form | title | pages |"
  echo "|---|---|---|"
} > "$index"
for sample in "$root"/templates/samples/*.json; do
  id="$(basename "$sample" .json)"
  [ -f "$root/templates/forms/$id.json" ] || continue   # variants such as collection-org-long are test data
  # Sealed and signed as issued (development keys: the bureau's, or the unit's on a collection form or transfer slip),
  # except the forms the counterparty writes and seals itself.
  sign="--sign"
  grep -q '"author": *"counterparty"' "$root/templates/forms/$id.json" && sign=""
  "$ses" render "$id" --sample --templates "$root/templates" --out "$tmp/$id.pdf" $sign >/dev/null 2>&1
  pdftoppm -r 100 -png "$tmp/$id.pdf" "$here/$id"
  title="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["title"])' "$root/templates/forms/$id.json")"
  links=""
  for png in "$here/$id"-*.png; do
    name="$(basename "$png")"
    page="${name##*-}"; page="${page%.png}"; page="$((10#$page))"
    links="$links [$page]($name)"
  done
  echo "| \`$id\` | $title |$links |" >> "$index"
done
echo "$(ls "$here"/*.png | wc -l) pages in $here"
