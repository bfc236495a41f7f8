#!/bin/bash
# usage: claim.sh URL HELPER  -> prints CLAIMED or USED (by whom/where)
set -euo pipefail
url="$1"; who="$2"
norm() { echo "$1" | sed -E 's#^https?://##; s#^www\.##; s#/+$##'; }
n=$(norm "$url")
touch /work/realtexts/used_urls.txt
exec 9>/work/realtexts/.claim.lock
flock 9
for f in /work/main/tests/real/SOURCES.tsv /work/main/tests/verify_pairs/*/sources.tsv /work/realtexts/used_urls.txt; do
  c=$(cut -f2- "$f" | sed -E 's#https?://##g; s#(^|\t)www\.#\1#g; s#/+(\t|$)#\1#g' | grep -F -c -- "$n" || true)
  if [ "$c" != "0" ]; then echo "USED (in $f)"; exit 0; fi
done
printf '%s\t%s\n' "$who" "$url" >> /work/realtexts/used_urls.txt
echo CLAIMED
