#!/usr/bin/env bash
# Regenerates the reference Windows binding with jextract (not a build step). Run on Windows x64
# (Git Bash) with jextract and the Windows SDK headers installed; jextract finds them itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../target/jextract/windows-x64"
jextract @"$here/includes.txt" --library kernel32 \
    --output "$out" --target-package io.ffmipc.jextract.windows --header-class-name WindowsHeaders \
    "$here/headers.h"
echo "reference binding in $out"
