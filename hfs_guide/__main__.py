"""`python -m hfs_guide` runs the same command line as `hfs-guide`."""

from hfs_guide.cli import main

raise SystemExit(main())
