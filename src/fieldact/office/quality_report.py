"""The quality department's report: the dashboard's figures and charts as a PDF (charts drawn as vector lines and
rectangles, never pictures) or as an XLSX workbook (the numbers on sheets)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook

from fieldact.act.fonts import FAMILY, install_fonts
from fieldact.office.quality import Dashboard, Figures
from fieldact.office.register import kind_word
from fieldact.office.trail import TrailNames, trail_names
from fieldact.standard import Standard, VisitKind
from fieldact.text import InputError, say

LATENESS_LABELS = {
    "late_0": "вовремя",
    "late_1_15": "1–15 мин",
    "late_16_30": "16–30 мин",
    "late_31_60": "31–60 мин",
    "late_over_60": "более 60 мин",
}
WHAT = {"refused": "отказ от подписи", "rescheduled": "перенос", "cannot_fix": "устранить невозможно"}
# the weekly lines: label, figure, colour
LINES = (
    ("Предзвонок вовремя, %", "precall_pct", (31, 119, 180)),
    ("Приезд вовремя, %", "arrival_pct", (214, 39, 40)),
    ("Обязательные пункты, %", "required_pct", (44, 160, 44)),
    ("Завершение, %", "closing_pct", (148, 103, 189)),
)


def _shown(value: float | int | None) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def standard_names(standard: Standard) -> TrailNames:
    """The standard's words for the item and stage keys the figures carry, both kinds."""
    return trail_names(standard, [], [])


def lateness_rows(f: Figures) -> list[tuple[str, int]]:
    return [(f"Опоздание: {LATENESS_LABELS[key]}", count) for key, count in f.lateness.items()]


def stage_rows(f: Figures, names: TrailNames) -> list[tuple[str, float]]:
    order = {key: index for index, key in enumerate(names.stage_order)}
    keys = sorted(f.stage_minutes, key=lambda key: (order.get(key, len(order)), key))
    return [(f"{names.stage(key)}, мин в среднем", f.stage_minutes[key]) for key in keys]


def figure_rows(f: Figures) -> list[tuple[str, float | int | None]]:
    """The figures in the order the department reads them."""
    return [
        ("Визитов", f["visits"]),
        ("Завершено", f["finished"]),
        ("Предзвонок в окне стандарта, %", f.precall_pct),
        ("Приезд вовремя, %", f.arrival_pct),
        ("Обязательные пункты выполнены, %", f.required_pct),
        ("Пункты: выполнено", f["items_done"]),
        ("Пункты: «не требуется»", f["items_not_needed"]),
        ("Пункты: «не выполнено»", f["items_failed"]),
        ("Этап завершения выполнен, %", f.closing_pct),
        ("Отказы от подписи", f["refused"]),
        ("Переносы", f["rescheduled"]),
        ("«Устранить невозможно»", f["cannot_fix"]),
        ("Визитов в день на техника", f.visits_per_day),
        ("Зачислено на счета, ₽", round(f["credited"] / 100, 2)),
        ("Материалов на визит", f.materials_per_visit),
        ("Оценок абонентов", f["rated"]),
        ("Средняя оценка", f.rating_avg),
    ]


def _title(board: Dashboard) -> str:
    wanted = board.wanted
    scope = f", техники: {len(wanted.technician_ids)}" if wanted.technician_ids else ", все техники"
    kind = f", вид: {kind_word(VisitKind(wanted.kind))}" if wanted.kind in tuple(VisitKind) else ""
    return f"Соблюдение стандарта: {wanted.first:%d.%m.%Y} – {wanted.last:%d.%m.%Y}{scope}{kind}"


def write_report(board: Dashboard, out: Path, names: TrailNames | None = None) -> None:
    """Write ``out`` as .pdf or .xlsx, items and stages named by ``names`` (their keys without); a sentence for
    any other ending."""
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        _pdf(board, names or TrailNames()).output(str(out))
    elif suffix == ".xlsx":
        _xlsx(board, names or TrailNames()).save(out)
    else:
        raise InputError(say(f"{out}: укажите файл .pdf или .xlsx.", f"{out}: name a .pdf or .xlsx file."))


# --- XLSX -------------------------------------------------------------------------------------------------------


def _xlsx(board: Dashboard, names: TrailNames) -> Workbook:
    book = Workbook()
    summary = book.active
    summary.title = "Итоги"
    summary.append([_title(board)])
    for label, value in figure_rows(board.total):
        summary.append([label, value])
    summary.append([])
    summary.append(["Опоздания", "Визитов"])
    for key, count in board.total.lateness.items():
        summary.append([LATENESS_LABELS[key], count])
    summary.append([])
    summary.append(["Этап", "Минут в среднем"])
    for stage, minutes in board.total.stage_minutes.items():
        summary.append([names.stage(stage), minutes])
    summary.column_dimensions["A"].width = 40
    weeks = book.create_sheet("Недели")
    labels = [label for label, _ in figure_rows(board.total)]
    weeks.append(["Неделя с", *labels])
    for monday, week in board.weeks:
        weeks.append([monday, *(value for _, value in figure_rows(week))])
    people = book.create_sheet("Техники")
    people.append(["Техник", *labels])
    for _, name, figures in board.technicians:
        people.append([name, *(value for _, value in figure_rows(figures))])
    skipped = book.create_sheet("Пропуски")
    skipped.append(["Пункт", "«не требуется»", "«не выполнено»"])
    for item in board.skipped:
        skipped.append([names.item(item.item_key), item.not_needed, item.failed])
    reasons = book.create_sheet("Причины")
    reasons.append(["Что", "Визит", "День", "Причина"])
    for reason in board.reasons:
        reasons.append([WHAT.get(reason.what, reason.what), reason.visit_id, reason.day, reason.said(names.outcomes)])
    outliers = book.create_sheet("Материалы")
    outliers.append(["Визит", "День", "Материалов", "Порог"])
    for line in board.outliers:
        outliers.append([line.visit_id, line.day, line.materials, board.total.materials_limit])
    return book


# --- PDF --------------------------------------------------------------------------------------------------------


def _pdf(board: Dashboard, names: TrailNames) -> FPDF:
    pdf = FPDF(orientation="L", format="A4")
    install_fonts(pdf)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 14)
    pdf.cell(0, 8, _title(board), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)
    top = pdf.get_y() + 2
    pdf.set_y(top)
    for label, value in [*figure_rows(board.total), *stage_rows(board.total, names)]:
        pdf.cell(70, 5.5, label, border="B")
        pdf.cell(25, 5.5, _shown(value), border="B", align="R", new_x="LMARGIN", new_y="NEXT")
    lateness = board.total.lateness
    _bars(pdf, 120, top, 160, 45, "Опоздания", [LATENESS_LABELS[k] for k in lateness], [list(lateness.values())])
    weeks = [f"{monday:%d.%m}" for monday, _ in board.weeks]
    series = [[getattr(week, attr) for _, week in board.weeks] for _, attr, _ in LINES]
    _lines(pdf, 120, top + 58, 160, 55, "По неделям, %", weeks, series)
    pdf.add_page()
    people = [name for _, name, _ in board.technicians]
    per_person = [[f.precall_pct for _, _, f in board.technicians], [f.arrival_pct for _, _, f in board.technicians]]
    _bars(pdf, 15, 15, 265, 60, "Техники: предзвонок и приезд вовремя, %", people, per_person, percent=True)
    pdf.set_xy(15, 80)
    for name, _, colour in LINES[:2]:
        pdf.set_fill_color(*colour)
        pdf.rect(pdf.get_x(), pdf.get_y() + 1, 3, 3, style="F")
        pdf.set_x(pdf.get_x() + 4)
        pdf.cell(36, 5, name)
    pdf.set_y(88)
    _table(
        pdf,
        ["Техник", "Визитов", "Предзв. %", "Приезд %", "Обяз. %", "Заверш. %", "Отказы", "Переносы", "Оценка"],
        [
            [
                name,
                f["visits"],
                f.precall_pct,
                f.arrival_pct,
                f.required_pct,
                f.closing_pct,
                f["refused"],
                f["rescheduled"],
                f.rating_avg,
            ]
            for _, name, f in board.technicians
        ],
    )
    pdf.ln(4)
    _heading(pdf, "Чаще всего пропускают")
    _table(
        pdf,
        ["Пункт", "«не требуется»", "«не выполнено»"],
        [[names.item(i.item_key), i.not_needed, i.failed] for i in board.skipped],
    )
    pdf.ln(4)
    _heading(pdf, "Причины")
    _table(
        pdf,
        ["Что", "Визит", "День", "Причина"],
        [[WHAT.get(r.what, r.what), r.visit_id, r.day, r.said(names.outcomes)] for r in board.reasons],
    )
    pdf.ln(4)
    _heading(
        pdf, f"Материалы выше порога ({_shown(board.total.materials_limit and round(board.total.materials_limit, 1))})"
    )
    _table(pdf, ["Визит", "День", "Материалов"], [[o.visit_id, o.day, o.materials] for o in board.outliers])
    return pdf


def _heading(pdf: FPDF, text: str) -> None:
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 9)


def _table(pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    widths = [max(18.0, 267 / len(header))] * len(header)
    widths[0] = 267 - sum(widths[1:]) if len(header) > 1 else 267
    pdf.set_font(FAMILY, "B", 8)
    for width, text in zip(widths, header, strict=True):
        pdf.cell(width, 5.5, text, border=1)
    pdf.ln()
    pdf.set_font(FAMILY, "", 8)
    for row in rows:
        for width, value in zip(widths, row, strict=True):
            text = _shown(value) if value is None or isinstance(value, int | float) else str(value)
            pdf.cell(width, 5, text[:80], border=1)
        pdf.ln()


def _frame(pdf: FPDF, x: float, y: float, w: float, h: float, title: str) -> None:
    pdf.set_font(FAMILY, "B", 9)
    pdf.set_xy(x, y)
    pdf.cell(w, 5, title)
    pdf.set_draw_color(120, 120, 120)
    pdf.line(x, y + h, x + w, y + h)
    pdf.line(x, y + 6, x, y + h)
    pdf.set_font(FAMILY, "", 7)


def _bars(
    pdf: FPDF,
    x: float,
    y: float,
    w: float,
    h: float,
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[float | int | None]],
    percent: bool = False,
) -> None:
    """Grouped bars, one colour a series, each labelled with its value."""
    _frame(pdf, x, y, w, h, title)
    top = 100.0 if percent else max([float(v or 0) for values in series for v in values] + [1.0])
    if not labels:
        return
    slot = w / len(labels)
    bar = slot * 0.8 / len(series)
    colours = [LINES[0][2], LINES[1][2]]
    for index, label in enumerate(labels):
        for number, values in enumerate(series):
            value = float(values[index] or 0)
            height = (h - 12) * value / top
            left = x + index * slot + slot * 0.1 + number * bar
            pdf.set_fill_color(*colours[number % len(colours)])
            pdf.rect(left, y + h - height, bar, height, style="F")
            pdf.set_xy(left, y + h - height - 4)
            pdf.cell(bar, 4, _shown(values[index]), align="C")
        pdf.set_xy(x + index * slot, y + h + 0.5)
        pdf.cell(slot, 4, label[:18], align="C")


def _lines(
    pdf: FPDF,
    x: float,
    y: float,
    w: float,
    h: float,
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[float | None]],
) -> None:
    """Percent lines over weeks, with a legend."""
    _frame(pdf, x, y, w, h, title)
    if not labels:
        return
    pdf.set_draw_color(215, 215, 215)
    for level in (0, 25, 50, 75, 100):
        level_y = y + h - (h - 8) * level / 100
        pdf.line(x, level_y, x + w, level_y)
        pdf.set_xy(x - 8, level_y - 2)
        pdf.cell(7, 4, str(level), align="R")
    step = w / max(len(labels), 1)
    for index, label in enumerate(labels):
        pdf.set_xy(x + index * step, y + h + 0.5)
        pdf.cell(step, 4, label, align="C")
    for (_name, _, colour), values in zip(LINES, series, strict=True):
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.5)
        points = [
            (x + (index + 0.5) * step, y + h - (h - 8) * value / 100)
            for index, value in enumerate(values)
            if value is not None
        ]
        for start, end in zip(points, points[1:], strict=False):
            pdf.line(*start, *end)
        for px, py in points:
            pdf.rect(px - 0.6, py - 0.6, 1.2, 1.2, style="D")
    pdf.set_line_width(0.2)
    pdf.set_xy(x, y + h + 5)
    for name, _, colour in LINES:
        pdf.set_fill_color(*colour)
        pdf.rect(pdf.get_x(), pdf.get_y() + 1, 3, 3, style="F")
        pdf.set_x(pdf.get_x() + 4)
        pdf.cell(36, 5, name)
