#!/usr/bin/env bash
# Installs Debian's wordnet-base (WordNet 3.0's dictionary in /usr/share/wordnet), which corroborator.lexicon
# reads through NLTK. Idempotent: does nothing when the dictionary is already there.
set -euo pipefail

if [ -f /usr/share/wordnet/data.noun ] || [ -n "${CORROBORATOR_WORDNET_SOURCE:-}" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
else
    SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq wordnet-base >/dev/null
if [ ! -f /usr/share/wordnet/data.noun ]; then
    echo "error: wordnet-base did not install /usr/share/wordnet/data.noun (install Debian's wordnet-base by hand)" >&2
    exit 1
fi
