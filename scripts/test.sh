#!/usr/bin/env bash
# The test suite: lint, content validation, then pytest (GUI tests run offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check kiosk tests packaging
.venv/bin/kiosk validate content
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
