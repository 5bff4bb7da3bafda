#!/usr/bin/env bash
# Installs Debian's wordnet-base (WordNet 3.0's dictionary in /usr/share/wordnet), which corroborator.lexicon
# reads through NLTK; nothing to do when CORROBORATOR_WORDNET_SOURCE points at another copy.
set -euo pipefail
if [ -n "${CORROBORATOR_WORDNET_SOURCE:-}" ]; then
    exit 0
fi
exec bash "$(dirname "$0")/install_debian.sh" /usr/share/wordnet/data.noun wordnet-base
