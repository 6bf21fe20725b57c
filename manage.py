#!/usr/bin/env python
from inovda.cli import main

if __name__ == "__main__":
    main()
