"""Qt widgets: every screen of the kiosk. Nothing here opens files; views read the model."""
