"""The Textual front end: GuideApp and run_tui. Imports Textual; the core never does."""
