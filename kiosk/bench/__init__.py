"""`kiosk bench`: how fast the kiosk starts, navigates, toggles scripts and scrolls, and what it holds.

Modules: run (the verb: orchestrates child processes, prints the figures), coldstart (a fresh
interpreter to the first painted frame), session (everything measured inside one running kiosk),
scale (a synthetic content pack N times the bundled one), report (targets, table, JSON), stats
and memory. Qt is imported only in the child processes, never by the verb itself.

Kept import-light on purpose: `python -m kiosk.bench.coldstart` imports this package first, and
everything imported here would count against the cold start it measures.
"""
