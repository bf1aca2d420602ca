#!/usr/bin/env bash
# Checks this Cordon evidence pack without Cordon: only bash, sha256sum, jq and openssl.
#   1. every file has the SHA-256 that manifest.json lists;
#   2. every event in events.jsonl hashes to its recorded hash, and its shown fields are the hashed ones;
#   3. the chain segment (chain.jsonl) is unbroken, contains every event of the pack, and matches the manifest;
#   4. the anchor: its hash is the segment's hash at the anchored position, and its RFC 3161 time-stamp token
#      (anchor/anchor.tsr) verifies with openssl ts -verify.
# Set TSA_CA to a CA certificate file you trust for the time-stamp authority; otherwise the certificates the token
# itself carries (anchor/tsa-certs.pem) are used, which proves the token is intact but not who issued it.
# Exit status 0 only if every check passes. Compare the SHA-256 of manifest.json, printed first, with the chain's
# EVIDENCE_PACK_BUILT event for this pack.
set -uo pipefail
cd "$(dirname "$0")" || exit 2
for tool in sha256sum jq openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "verify.sh needs $tool" >&2; exit 2; }
done
failures=0
ok() { printf 'OK    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

echo "manifest.json SHA-256 $(sha256sum manifest.json | cut -d' ' -f1)"

# 1. files
checked=0
while IFS=$'\t' read -r path expected; do
  if [ ! -f "$path" ]; then
    fail "file $path is missing"
    continue
  fi
  actual=$(sha256sum "$path" | cut -d' ' -f1)
  if [ "$actual" = "$expected" ]; then checked=$((checked + 1)); else fail "file $path: SHA-256 is $actual, the manifest says $expected"; fi
done < <(jq -r '.files[] | [.path, .sha256] | @tsv' manifest.json)
ok "$checked files match their SHA-256 in manifest.json"

# 2. events: the canonical text is what was hashed; seq, prevHash and the shown type/time must be the hashed ones.
if [ -s events.jsonl ]; then
  mismatched=$(jq -r 'select((.canonical | fromjson) as $c | $c.seq != .seq or $c.prevHash != .prevHash
      or $c.type != .type or $c.occurredAt != .occurredAt) | .seq' events.jsonl)
  [ -z "$mismatched" ] || fail "events whose shown fields differ from their hashed content: $(echo $mismatched)"
  paste <(jq -r '.seq' events.jsonl) <(jq -r '.hash' events.jsonl) <(jq -r '.canonical' events.jsonl) > .verify-events.tsv
  events=0
  while IFS=$'\t' read -r seq hash canonical; do
    actual=$(printf '%s' "$canonical" | sha256sum | cut -d' ' -f1)
    if [ "$actual" = "$hash" ]; then events=$((events + 1)); else fail "event $seq: its content hashes to $actual, not to its recorded hash $hash"; fi
  done < .verify-events.tsv
  rm -f .verify-events.tsv
  ok "$events events hash to their recorded hashes"
fi

# 3. chain segment
if [ -s chain.jsonl ]; then
  breaks=$(jq -rs '[range(1; length) as $i | select(.[$i].prevHash != .[$i - 1].hash or .[$i].seq != .[$i - 1].seq + 1)
      | .[$i].seq] | map(tostring) | join(" ")' chain.jsonl)
  if [ -z "$breaks" ]; then ok "chain segment is unbroken ($(wc -l < chain.jsonl) links)"; else fail "chain segment broken at: $breaks"; fi
  outside=$(jq -rn --slurpfile links chain.jsonl --slurpfile events events.jsonl '
      ($links | map({key: (.seq | tostring), value: .}) | from_entries) as $by
      | [$events[] | select(($by[.seq | tostring] // {}) as $l | $l.hash != .hash or $l.prevHash != .prevHash) | .seq]
      | map(tostring) | join(" ")')
  if [ -z "$outside" ]; then ok "every event sits at its place in the chain segment"; else fail "events not at their place in the chain: $outside"; fi
  ends=$(jq -rn --slurpfile links chain.jsonl --slurpfile m manifest.json '
      ($m[0].chainSegment) as $s | ($links | first) as $f | ($links | last) as $l
      | if $f.seq == $s.firstSeq and $f.hash == $s.firstHash and $l.seq == $s.lastSeq and $l.hash == $s.lastHash then "" else "differs" end')
  if [ -z "$ends" ]; then ok "chain segment matches the manifest (first and last sequence numbers and hashes)"; else fail "chain segment ends differ from the manifest"; fi
fi

# 4. anchor
if [ "$(jq -r '.anchor != null' manifest.json)" = "true" ]; then
  seq=$(jq -r '.anchor.anchoredSeq' manifest.json)
  hash=$(jq -r '.anchor.anchoredHash' manifest.json)
  linked=$(jq -r --argjson s "$seq" 'select(.seq == $s) | .hash' chain.jsonl)
  if [ "$linked" = "$hash" ]; then ok "anchored hash is the chain's hash at event $seq"; else fail "anchored hash of event $seq is not the chain segment's ($linked)"; fi
  if [ "$(cat anchor/anchored-hash.txt)" != "$hash" ]; then fail "anchor/anchored-hash.txt differs from the manifest"; fi
  if [ -f anchor/anchor.tsr ]; then
    ca="${TSA_CA:-anchor/tsa-certs.pem}"
    if openssl ts -verify -in anchor/anchor.tsr -token_in -data anchor/anchored-hash.txt -CAfile "$ca" \
        -untrusted anchor/tsa-certs.pem >/dev/null 2>.verify-openssl.txt; then
      ok "time-stamp token verifies for the anchored hash (openssl ts -verify, CA: $ca)"
    else
      fail "time-stamp token does not verify: $(tr '\n' ' ' < .verify-openssl.txt)"
    fi
    rm -f .verify-openssl.txt
  else
    echo "NOTE  anchor without a time-stamp: compare $hash (event $seq) with the copy in the anchor sink"
  fi
else
  echo "NOTE  no anchor covers these events yet"
fi

if [ "$failures" -eq 0 ]; then echo "PASS  evidence pack verified"; exit 0; fi
echo "FAIL  $failures check(s) failed"
exit 1
