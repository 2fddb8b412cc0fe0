"""Hostile and odd orders files: encodings told only where certain, sentences instead of tracebacks, and no
silent rewrite of the subscribers the acts name."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldact.standard import Brand
from fieldact.store.encoding import decode_text, reads_as_russian
from fieldact.store.orders import (
    MAX_FILE_BYTES,
    ChangesNeedConsent,
    OrdersRefused,
    import_orders,
    parse_orders,
    read_text,
)

from .pg import HEADER, Central, central_fixture, order_line, orders_file  # noqa: F401

ROWS = [
    order_line("R-1", "7001", contract="590000000001"),
    order_line("R-2", "7001", contract="590000000002").replace("Иванов Иван Петрович", "Щукина Алёна Юрьевна"),
]
TEXT = HEADER + "".join(ROWS)
ACCEPTED = "UTF-8 (с BOM или без), UTF-16 с BOM или Windows-1251 с русским текстом"


def written(tmp_path: Path, data: bytes, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(OrdersRefused) as refused:
        read_text(path)
    return "\n".join(str(bad) for bad in refused.value.bad_rows)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
        TEXT.encode("cp1251"),
        TEXT.upper().replace("R-", "r-").encode("cp1251"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1251", "cp1251-capitals"],
)
def test_certain_encodings_read_back_exactly(tmp_path: Path, data: bytes, brand: Brand) -> None:
    content = read_text(written(tmp_path, data))
    orders = parse_orders(content, brand, {"7001"})
    assert [order.subscriber.surname.lower() for order in orders] == ["иванов", "щукина"]


@pytest.mark.parametrize("codec", ["koi8-r", "cp866", "iso8859-5", "mac-cyrillic"])
def test_other_8bit_cyrillic_files_are_refused_not_misread(tmp_path: Path, codec: str) -> None:
    message = refusal(written(tmp_path, TEXT.encode(codec)))
    assert "Кодировка файла не определяется наверняка" in message and ACCEPTED in message
    assert not message.startswith("Строка")


def test_even_a_lowercase_koi8_file_is_refused() -> None:
    # Lowercase KOI8-R letters decode as Windows-1251 capitals: well-cased, so only the letters' frequency tells.
    words = "подключение тв интернет, ул. ленина, дом пятьдесят"
    assert decode_text(words.encode("cp1251")) == words
    with pytest.raises(ValueError, match="KOI8-R"):
        decode_text(words.encode("koi8-r"))


def test_western_8bit_file_is_refused(tmp_path: Path) -> None:
    assert not reads_as_russian("Müller Straße".encode("latin-1").decode("cp1251"))
    assert ACCEPTED in refusal(written(tmp_path, TEXT.replace("Иванов", "Müller").encode("latin-1", "replace")))


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    assert "не текстовый файл CSV" in refusal(written(tmp_path, bytes(range(256)) * 40))
    assert "не текстовый файл CSV" in refusal(written(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(500), "scan.png"))


def test_too_large_a_file_says_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1_000_000)
    message = refusal(path)
    assert "Файл слишком большой: 21.0 МБ, а можно не больше 20 МБ" in message
    assert "Строка 0" not in message


def test_planned_start_with_an_offset_is_that_instant_in_the_brands_zone(brand: Brand) -> None:
    content = HEADER + order_line("R-1", "7001", start="2026-11-26T14:00+03:00", end="2026-11-26T16:00+03:00")
    (order,) = parse_orders(content, brand, {"7001"})
    assert order.plan.start.astimezone(UTC) == datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    assert order.plan.end is not None and order.plan.end.astimezone(UTC) == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    assert getattr(order.plan.start.tzinfo, "key", None) == brand.timezone


def test_a_column_named_twice_is_refused(brand: Brand) -> None:
    content = HEADER.replace(",status", ",Время") + order_line("R-1", "7001")
    with pytest.raises(OrdersRefused) as refused:
        parse_orders(content, brand, {"7001"})
    (bad,) = refused.value.bad_rows
    assert str(bad) == (
        "Строка 1: Столбец planned_start назван в заголовке дважды («planned_start» и «Время»): оставьте один."
    )


def test_bare_cr_line_endings_read_as_lines(brand: Brand) -> None:
    content = (HEADER + "".join(ROWS)).replace("\n", "\r")
    assert [order.line for order in parse_orders(content, brand, {"7001"})] == [2, 3]
    bad = (HEADER + ROWS[0] + order_line("R-3", "9999")).replace("\n", "\r")
    with pytest.raises(OrdersRefused) as refused:
        parse_orders(bad, brand, {"7001"})
    assert [row.line for row in refused.value.bad_rows] == [3]


def test_line_numbers_count_as_a_person_does(brand: Brand) -> None:
    spanning = order_line("R-1", "7001").replace("г. Пермь, ", "г. Пермь,\n")  # a quoted address over two lines
    content = HEADER + spanning + "\n" + order_line("R-2", "9999")
    with pytest.raises(OrdersRefused) as refused:
        parse_orders(content, brand, {"7001"})
    # the address with a line break is refused on the line it starts; the next bad record starts on line 5
    assert [row.line for row in refused.value.bad_rows] == [2, 5]


def test_a_field_over_128_kb_is_a_sentence_with_its_line(brand: Brand) -> None:
    content = HEADER + ROWS[0] + order_line("R-2", "7001").replace("Ленина", "x" * 140_000)
    with pytest.raises(OrdersRefused) as refused:
        parse_orders(content, brand, {"7001"})
    (bad,) = refused.value.bad_rows
    assert bad.line == 3 and "Поле длиннее 128 КБ" in str(bad)


def test_changing_a_subscribers_name_or_address_needs_consent(central: Central, tmp_path: Path, brand: Brand) -> None:
    central.technician("7001")
    database = central.database()
    import_orders(database, orders_file(tmp_path, ROWS), brand)
    moved = ROWS[0].replace("Иванов Иван", "Иванова Ивана").replace("д. 50", "д. 51")
    later = orders_file(tmp_path, [moved, order_line("R-9", "7001", contract="590000000009")], "later.csv")
    with pytest.raises(ChangesNeedConsent) as refused:
        import_orders(database, later, brand)
    shown = [str(change) for change in refused.value.changes]
    assert shown == [
        "Строка 2, договор 590000000001: фамилия «Иванов» → «Иванова».",
        "Строка 2, договор 590000000001: имя «Иван» → «Ивана».",
        "Строка 2, договор 590000000001: адрес «г. Пермь, ул. Ленина, д. 50, кв. 3» → "
        "«г. Пермь, ул. Ленина, д. 51, кв. 3».",
    ]
    assert "--accept-changes" in str(refused.value)
    assert central.query("SELECT surname FROM subscriber ORDER BY surname") == [("Иванов",), ("Щукина",)]
    assert central.query("SELECT count(*) FROM visit")[0][0] == 2, "nothing of the refused file was loaded"
    report = import_orders(database, later, brand, accept_changes=True)
    assert len(report.subscribers_changed) == 3 and report.added == 1
    changed = (
        "SELECT s.surname, s.first_name FROM subscriber s JOIN contract c ON c.subscriber_id = s.id WHERE number = %s"
    )
    assert central.query(changed, "590000000001") == [("Иванова", "Ивана")]
    audited = central.query("SELECT details FROM audit_event WHERE action = 'subscriber_changed'")
    assert len(audited) == 3 and '"old": "Иванов"' in "".join(row[0] for row in audited)
    database.dispose()


def test_an_offset_is_stored_in_the_brands_zone(central: Central, tmp_path: Path, brand: Brand) -> None:
    central.technician("7001")
    database = central.database()
    import_orders(database, orders_file(tmp_path, [order_line("R-1", "7001", start="2026-11-26T14:00+03:00")]), brand)
    database.dispose()
    ((zone, start),) = central.query("SELECT zone, planned_start FROM visit")
    assert zone == brand.timezone and start == datetime(2026, 11, 26, 11, 0, tzinfo=UTC)


# --- the command, in a process of its own: sentences, never a traceback ------------------------------------------


def run_import(path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "fieldact", "orders", "import", str(path), "--url", url, *extra]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_orders_command_speaks_in_sentences(central: Central, tmp_path: Path) -> None:
    central.technician("7001")
    cases = {
        "koi8.csv": (TEXT.encode("koi8-r"), "KOI8-R"),
        "binary.csv": (bytes(range(256)) * 40, "не текстовый файл CSV"),
        "bigfield.csv": ((HEADER + ROWS[0].replace("Ленина", "x" * 140_000)).encode(), "Строка 2: Поле длиннее 128 КБ"),
        "twice.csv": ((HEADER.replace(",status", ",subscriber") + ROWS[0]).encode(), "назван в заголовке дважды"),
    }
    for name, (data, expected) in cases.items():
        result = run_import(written(tmp_path, data, name), central.admin_url)
        assert result.returncode == 1 and expected in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr and "Строка 0" not in result.stderr, name
    bare_cr = run_import(written(tmp_path, TEXT.replace("\n", "\r").encode(), "mac.csv"), central.admin_url)
    assert bare_cr.returncode == 0 and "новых 2" in bare_cr.stdout, bare_cr.stderr
    for url in ("postgresql://user@host:port/db", "postgresql://[::1", "mysql://host/db"):
        result = run_import(tmp_path / "mac.csv", url)
        assert result.returncode == 2 and "Traceback" not in result.stderr, (url, result.stderr)
        assert "postgresql://" in result.stderr or "PostgreSQL" in result.stderr
    renamed = written(tmp_path, (HEADER + ROWS[0].replace("Иванов ", "Петров ")).encode(), "renamed.csv")
    refused = run_import(renamed, central.admin_url)
    assert refused.returncode == 1, refused.stderr
    assert "фамилия «Иванов» → «Петров»" in refused.stderr and "--accept-changes" in refused.stderr
    accepted = run_import(renamed, central.admin_url, "--accept-changes")
    assert accepted.returncode == 0 and "фамилия «Иванов» → «Петров»" in accepted.stdout, accepted.stderr


def test_orders_command_on_a_database_without_the_schema(central: Central, tmp_path: Path) -> None:
    bare = central.admin_url.rsplit("/", 1)[0] + "/postgres"
    result = run_import(written(tmp_path, TEXT.encode()), bare)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "fieldact central init" in result.stderr
