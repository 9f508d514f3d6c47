"""Model instances from a hand-written query, for the few queries every request of a page pays for
(issue 17): Django's compiler costs 1–2 ms of Python per query, often more than the query itself.
The SQL is built once per process from the models' fields, so a new column is read without an edit,
and the rows become instances as the ORM would make them (`Model.from_db`, the same converters)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.transaction import TransactionManagementError


@dataclass(frozen=True)
class ModelColumns:
    """Every concrete column of `model`, selected under the table alias `alias` from position
    `start` of the row on."""

    model: type
    alias: str
    start: int
    attnames: tuple[str, ...]
    columns: tuple[str, ...]
    pk_offset: int
    converters: tuple[tuple[int, tuple, object], ...]  # (offset, converters, expression)

    @classmethod
    def of(cls, model, alias: str, start: int = 0) -> ModelColumns:
        fields = model._meta.concrete_fields
        converters = []
        for offset, field in enumerate(fields):
            col = field.get_col(alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                converters.append((offset, tuple(found), col))
        quote = connection.ops.quote_name
        return cls(model, alias, start, tuple(f.attname for f in fields),
                   tuple(f"{alias}.{quote(f.column)}" for f in fields), fields.index(model._meta.pk),
                   tuple(converters))

    @property
    def end(self) -> int:
        """The row position after this model's columns (where the next part starts)."""
        return self.start + len(self.columns)

    def select(self) -> str:
        return ", ".join(self.columns)

    def instance(self, row):
        """The model instance in `row`, or None when a LEFT JOIN found none (its primary key is null)."""
        values = list(row[self.start:self.end])
        if values[self.pk_offset] is None:
            return None
        for offset, converters, expression in self.converters:
            for converter in converters:
                values[offset] = converter(values[offset], expression, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


@dataclass(frozen=True)
class FieldColumn:
    """One column of `model`'s field under `alias`, its values converted as the ORM would (a value
    read beside a model's columns, e.g. an annotation of a related row's field)."""

    sql: str
    converters: tuple
    expression: object

    @classmethod
    def of(cls, model, field_name: str, alias: str) -> FieldColumn:
        col = model._meta.get_field(field_name).get_col(alias)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        return cls(f"{alias}.{connection.ops.quote_name(col.target.column)}", tuple(found), col)

    def value(self, raw):
        for converter in self.converters:
            raw = converter(raw, self.expression, connection)
        return raw


def table(model) -> str:
    """`model`'s table name, quoted for the database."""
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field_name: str) -> str:
    """The quoted column of `model`'s field `field_name` ("pk" for the primary key)."""
    field = model._meta.pk if field_name == "pk" else model._meta.get_field(field_name)
    return connection.ops.quote_name(field.column)


def order_by(model, alias: str, ordering: Iterable[str]) -> str:
    """An ORDER BY clause for `alias` from a queryset's `order_by` fields ("-due" descending), so that
    a hand-written query and the ORM's share one ordering."""
    terms = (f"{alias}.{column(model, name.lstrip('-'))}{' DESC' if name.startswith('-') else ''}" for name in ordering)
    return "ORDER BY " + ", ".join(terms)


def update_rows(model, rows, field_names: list[str]) -> None:
    """`model.objects.bulk_update(rows, field_names)` in one statement: on PostgreSQL an UPDATE … FROM
    (VALUES …), whose Python cost stays small where bulk_update builds a CASE per row and field (issue 17).
    Elsewhere, bulk_update."""
    rows = list(rows)
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(rows, field_names)
        return
    quote = connection.ops.quote_name
    pk = model._meta.pk
    fields = [model._meta.get_field(name) for name in field_names]
    casts = ", ".join(f"%s::{f.db_type(connection)}" for f in [pk, *fields])
    values = ", ".join([f"({casts})"] * len(rows))
    sets = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in fields)
    names = ", ".join(quote(f.column) for f in [pk, *fields])
    params = []
    for row in rows:
        params.append(pk.get_db_prep_save(row.pk, connection))
        params.extend(f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table(model)} t SET {sets} FROM (VALUES {values}) AS v({names})"
                       f" WHERE t.{quote(pk.column)} = v.{quote(pk.column)}", params)


@functools.cache
def _locked_query(model) -> tuple[str, ModelColumns]:
    columns = ModelColumns.of(model, "t")
    sql = f"SELECT {columns.select()} FROM {table(model)} t WHERE t.{column(model, 'pk')} = %s"
    if connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    return sql, columns


def row_locked(model, pk):
    """`model.objects.select_for_update().get(pk=pk)` (the row read under its lock, in the caller's
    transaction) without the ORM's compile: the steps of taking a quiz lock a row on most requests."""
    if not connection.in_atomic_block:
        raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
    sql, columns = _locked_query(model)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    return columns.instance(row)
