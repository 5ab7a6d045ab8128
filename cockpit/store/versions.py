"""The schema version this code knows, without any database library (store/sql.py checks it
before a short command reads a database on the driver alone)."""

CURRENT = 12  # the newest schema version; cockpit/store/migrations has one step per version
TABLE = "schema_version"
