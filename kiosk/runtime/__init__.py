"""Kiosk behaviour that runs unattended: per-machine settings, admin PIN, logs, supervision.

The modules here that are not Qt widgets (machine, settings, pin, logs, supervise) import no
Qt, so `kiosk config` and `kiosk supervise` work on a machine whose Qt install is broken;
tests/test_core_without_qt.py enforces it.
"""
