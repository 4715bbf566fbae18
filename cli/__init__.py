"""The operators' command line: `proximity slots|appointments|people|courses ...`."""
