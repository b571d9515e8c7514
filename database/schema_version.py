"""The schema revision this app writes, without importing Alembic.

Opening an up-to-date workspace is the common case; comparing against this constant keeps
Alembic (and its start-up cost) out of it. A test checks it equals Alembic's head.
"""

HEAD_REVISION = "0013"
