"""Use cases shared by the GUI and the CLI. Plain Python; no Qt."""
