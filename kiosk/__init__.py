"""Exhibition kiosk for Shenyang Tiexi and the Sino-German (Shenyang) park."""

__version__ = "0.1.0"
