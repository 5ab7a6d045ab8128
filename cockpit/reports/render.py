"""A report as Markdown, CSV (every cell neutralised) or one self-contained HTML file."""

from __future__ import annotations

import io

from cockpit.domain.spreadsheet import neutralise
from cockpit.reports.charts import bar
from cockpit.reports.model import Cell, Report, Section

BAR_WIDTH = 20


def markdown(report: Report) -> str:
    out = [f"# {report.title}", "", f"*{report.scope}*", ""]
    for section in report.sections:
        out += [f"## {section.title}", ""]
        if section.note:
            out += [f"`{section.note}`" if section.key == "hours" else section.note, ""]
        if not section.rows:
            continue
        headers = list(section.headers) + ([""] if section.chart is not None else [])
        out.append("| " + " | ".join(_md(h) for h in headers) + " |")
        out.append("|" + "|".join("---:" if _numeric(section, i) else "---"
                                  for i in range(len(headers))) + "|")
        top = _largest(section)
        for row in section.rows:
            cells = [_md(c) for c in row]
            if section.chart is not None:
                cells.append(bar(float(row[section.chart]), top, BAR_WIDTH))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def csv_text(report: Report, delimiter: str = ";") -> str:
    """One table: section, then the row's cells under the section's headers. UTF-8 with a BOM
    is the caller's business (write it with encoding="utf-8-sig" for Excel)."""
    import csv  # here: the default report (Markdown) needs neither csv nor html

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(report.title), neutralise(report.scope)])
    for section in report.sections:
        writer.writerow([])
        writer.writerow([neutralise(section.title), *(neutralise(h) for h in section.headers)])
        for row in section.rows:
            writer.writerow([neutralise(section.key), *(neutralise(c) for c in row)])
    return buffer.getvalue()


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1d2733; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: .25em .6em; border-bottom: 1px solid #dde3ea; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #2f7dd1; height: .8em; border-radius: 2px; }
.spark { display: flex; align-items: flex-end; gap: 2px; height: 4em; }
.spark div { background: #2f7dd1; width: 1.2em; }
.scope { color: #5a6b7d; }
"""


def html_page(report: Report, lang: str = "fr") -> str:
    """One file, no external reference: inline style, charts as sized blocks, no script."""
    import html

    parts = ["<!DOCTYPE html>", f'<html lang="{html.escape(lang)}"><head><meta charset="utf-8">',
             f"<title>{html.escape(report.title)}</title>", f"<style>{_STYLE}</style>",
             "</head><body>", f"<h1>{html.escape(report.title)}</h1>",
             f'<p class="scope">{html.escape(report.scope)}</p>']
    for section in report.sections:
        parts.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.key == "hours":
            parts.append(_html_spark(section))
        elif section.note:
            parts.append(f"<p>{html.escape(section.note)}</p>")
        if section.rows:
            parts.append(_html_table(section))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_table(section: Section) -> str:
    import html

    top = _largest(section)
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in section.headers)
    if section.chart is not None:
        head += "<th></th>"
    rows = []
    for row in section.rows:
        cells = "".join(f'<td class="n">{html.escape(str(c))}</td>' if isinstance(c, int | float)
                        else f"<td>{html.escape(str(c))}</td>" for c in row)
        if section.chart is not None:
            width = 0 if top <= 0 else round(float(row[section.chart]) / top * 100)
            cells += f'<td style="width:30%"><div class="bar" style="width:{width}%"></div></td>'
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _html_spark(section: Section) -> str:
    import html

    top = _largest(section)
    bars = "".join(
        f'<div title="{html.escape(str(label))} : {n}" '
        f'style="height:{0 if top <= 0 else round(float(n) / top * 100)}%"></div>'
        for label, n in section.rows)
    return f'<div class="spark">{bars}</div>'


def _largest(section: Section) -> float:
    if section.chart is None or not section.rows:
        return 0.0
    return max(float(row[section.chart]) for row in section.rows)


def _numeric(section: Section, index: int) -> bool:
    return bool(section.rows) and index < len(section.headers) and all(
        isinstance(row[index], int | float) for row in section.rows)


def _md(cell: Cell) -> str:
    return str(cell).replace("|", "\\|").replace("\n", " ")
