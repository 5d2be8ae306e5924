#!/usr/bin/env bash
# Installs Pathway for the current user: a release build with the Swift runtime linked in
# (it starts about twice as fast and needs no Swift toolchain to run), plus the shipped packs.
# Usage: scripts/install.sh [PREFIX]      (default: ~/.local; the binary goes to PREFIX/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-$HOME/.local}"
swift build -c release --product pathway --static-swift-stdlib --scratch-path .build-static
mkdir -p "$prefix/bin" "$prefix/share/pathway"
install -m 755 .build-static/release/pathway "$prefix/bin/pathway"
rm -rf "$prefix/share/pathway/curricula.new"
cp -R curricula "$prefix/share/pathway/curricula.new"
rm -rf "$prefix/share/pathway/curricula"
mv "$prefix/share/pathway/curricula.new" "$prefix/share/pathway/curricula"
# The packs' index, written beside them: a first start-up on a fresh data folder reads it
# instead of the YAML (it is ignored for any pack changed after the install).
env -u PATHWAY_CURRICULA "$prefix/bin/pathway" pack index >/dev/null
echo "Installed $prefix/bin/pathway and the packs in $prefix/share/pathway/curricula."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to your PATH to type 'pathway'." ;; esac
