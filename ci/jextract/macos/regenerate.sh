#!/usr/bin/env bash
# Regenerates the reference macOS binding with jextract (not a build step). Run on a Mac (once on
# arm64 and once on x86_64) with jextract and the Command Line Tools installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../target/jextract/macos-$(uname -m)"
sdk="$(xcrun --show-sdk-path)"
jextract @"$here/includes.txt" -I "$sdk/usr/include" \
    --output "$out" --target-package io.ffmipc.jextract.macos --header-class-name MacosHeaders \
    "$here/headers.h"
echo "reference binding in $out"
