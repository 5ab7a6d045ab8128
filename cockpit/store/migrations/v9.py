"""Version 9: a freelance's CV files (issue 20).

Each version of a CV a freelance sends is kept whole, in the database (its bytes, its text,
whether it is a scan), newest first: a copy or a backup of the database carries them, and a
freelance's erasure takes them with it. The models are frozen here (see v1)."""

from __future__ import annotations

import peewee as pw


class _Base(pw.Model):
    class Meta:
        legacy_table_names = False


class Caller(_Base):  # only what the foreign keys need; the table exists already
    pass


class Freelance(_Base):
    pass


class CvFile(_Base):
    freelance = pw.ForeignKeyField(Freelance, backref="+", on_delete="CASCADE")
    name = pw.CharField()
    format = pw.CharField()
    size = pw.IntegerField()
    sha256 = pw.CharField()
    content = pw.BlobField()
    text = pw.TextField(default="")
    scanned = pw.BooleanField(default=False)
    added_at = pw.DateTimeField()
    added_by = pw.ForeignKeyField(Caller, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = ((("freelance", "added_at"), False),)


def apply(db: pw.Database) -> None:
    with db.bind_ctx((Caller, Freelance, CvFile)):
        db.create_tables([CvFile], safe=True)
