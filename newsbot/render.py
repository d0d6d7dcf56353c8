"""Rendering results for the terminal: tables, CSV and JSON. Used by the CLI only."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table

from newsbot.store.readonly import QueryResult


def jsonable(value: Any) -> Any:
    """Values as JSON can hold them: dates in ISO form, decimals as numbers, bytes as hex."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def query_result(result: QueryResult, fmt: str) -> None:
    """Print a query result as a table, CSV (header row first) or a JSON array of objects."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[jsonable(v) for v in row] for row in result.rows])
    elif fmt == "json":
        objects = [
            dict(zip(result.columns, map(jsonable, row), strict=True)) for row in result.rows
        ]
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        table = Table(*result.columns, show_lines=False)
        for row in result.rows:
            table.add_row(*("" if v is None else str(jsonable(v)) for v in row))
        Console(soft_wrap=True).print(table)
    if result.truncated:
        print(f"(stopped at {len(result.rows)} rows; use --limit to see more)", file=sys.stderr)
