"""What `kiosk run` exits with. `kiosk supervise`, the systemd unit and the Windows task read them."""

QUIT = 0  # an admin's quit, or SIGTERM/SIGINT: the day is over
ERROR = 1  # could not run (the lock for another reason, no valid content ...): try again later
ANOTHER_KIOSK = 3  # a live kiosk already holds this PC's lock: nothing to start, nothing to restart
