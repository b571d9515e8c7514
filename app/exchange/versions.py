"""Every package format version this app reads, and the one it writes.

Gemeenten update at different times, so a version once released stays readable for good:
each version keeps its own schema here, and the reader turns it into the current records.
"""

from __future__ import annotations

from app.exchange.schema import V1, PackageSchema

CURRENT = V1

# Version 1 is the current schema, so its records need no upgrade. A version 2 adds its
# schema here and an upgrade step from version 1 records to version 2 records.
READABLE: dict[int, PackageSchema] = {1: V1}
