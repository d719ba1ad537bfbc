#!/usr/bin/env bash
# Regenerates the protobufjs static code and its types from proto/stbnotify/v1/*.proto.
# Usage: scripts/generate.sh [OUT_DIR]   (default: src/gen). The drift test runs it into a
# temporary folder and compares the result with the committed files.
# pbts reads types from the JSDoc of a commented build; the committed .js is the
# comment-free build (a third of the size on the box).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/src/gen}
mkdir -p "$out"
cd "$here"
bin=$(npm root)/.bin
[ -x "$bin/pbjs" ] || bin=$(cd "$here/.." && npm root)/.bin
protos=(proto/stbnotify/v1/envelope.proto proto/stbnotify/v1/downlink.proto proto/stbnotify/v1/uplink.proto)
flags=(-t static-module -w es6 --force-number --no-create --no-delimited --no-service --no-verify --no-convert --no-typeurl)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin/pbjs" "${flags[@]}" -o "$tmp/commented.js" "${protos[@]}"
"$bin/pbts" --no-comments -o "$out/stbnotify.d.ts" "$tmp/commented.js"
"$bin/pbjs" "${flags[@]}" --no-comments -o "$out/stbnotify.js" "${protos[@]}"
