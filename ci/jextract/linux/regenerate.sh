#!/usr/bin/env bash
# Regenerates the reference Linux binding with jextract into target/jextract/linux (not a build step).
# Run on Linux x86_64, and again on Linux aarch64 for that target's layouts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../target/jextract/linux-$(uname -m)"
jextract @"$here/includes.txt" -D _GNU_SOURCE \
    --output "$out" --target-package io.ffmipc.jextract.linux --header-class-name LinuxHeaders \
    "$here/headers.h"
echo "reference binding in $out"
