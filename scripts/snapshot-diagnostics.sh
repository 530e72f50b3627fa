#!/bin/bash
# Every fixture's and example's diagnostics (JSON, and text in French and English) into DIR, to compare two
# checkouts: `diff -r DIR1 DIR2`. Usage: bash scripts/snapshot-diagnostics.sh CHECKOUT DIR   (after npm run build)
set -u
repo=$1; out=$2; rm -rf "$out"; mkdir -p "$out"
cd "$repo"
for f in $(find test/fixtures examples -name '*.yaml' | sort); do
  name=$(echo "$f" | tr '/' '_')
  node bin/clu validate --format json "$f" > "$out/$name.json" 2>&1
  LC_ALL=fr_FR.UTF-8 node bin/clu validate "$f" > "$out/$name.fr.txt" 2>&1
  LC_ALL=C.UTF-8 node bin/clu validate "$f" > "$out/$name.en.txt" 2>&1
done
# Absolute paths (in a few messages) made the same for every checkout.
sed -i "s|$PWD|CHECKOUT|g" "$out"/*
ls "$out" | wc -l
