"""The standard Excel package (pakket): schema, writer, safety checks, reader and importer.

No Qt here: screens call these functions from a background job and pass a progress callback.
"""
