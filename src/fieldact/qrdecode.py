"""Reading a QR code back from a rendered page, so an installation can prove its acts' codes scan.

Only as much of a reader as a clean render needs: the symbol is upright and unskewed (our own PDF page or
screen, not a camera photo), so the three finder patterns give the grid directly. The codewords are checked
with their Reed-Solomon syndromes, not corrected: a render that needs correcting is itself a fault. The
tables (alignment positions, block structure, masks, format codes) come from the ``qrcode`` library that
draws the codes, so writer and reader cannot disagree about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations

from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

Matrix = list[list[bool]]

_RUNS = re.compile(rb"\x01+|\x00+")
_DARK = bytes(1 if value < 128 else 0 for value in range(256))
_ALPHANUMERIC = util.ALPHA_NUM.decode("ascii")
_MODE_BITS = 4
_LEVELS = (ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H)


class QrError(ValueError):
    """No QR code could be read; the message says at which step."""


@dataclass(frozen=True, slots=True)
class Finder:
    x: float
    y: float
    module: float
    hits: int = 1


# --- the image: finder patterns and the module grid ---------------------------------------------------------


def decode_image(gray: bytes, width: int, height: int, stride: int | None = None) -> str:
    """The text of the QR code in an 8-bit grayscale image (rows of ``stride`` bytes, dark < 128)."""
    return decode_matrix(sample_grid(gray, width, height, stride or width))


def sample_grid(gray: bytes, width: int, height: int, stride: int) -> Matrix:
    rows = [gray[y * stride : y * stride + width].translate(_DARK) for y in range(height)]
    top_left, top_right, bottom_left = _corners(_finders(rows))
    size = _symbol_size(top_left, top_right)
    pitch_x = (top_right.x - top_left.x) / (size - 7)
    pitch_y = (bottom_left.y - top_left.y) / (size - 7)
    # A finder's centre is the centre of module 3 of its row and column.
    return [
        [
            rows[round(top_left.y + (row - 3) * pitch_y)][round(top_left.x + (column - 3) * pitch_x)] == 1
            for column in range(size)
        ]
        for row in range(size)
    ]


def _finders(rows: list[bytes]) -> list[Finder]:
    found: list[Finder] = []
    columns: dict[int, list[tuple[int, int, bool]]] = {}
    for y, row in enumerate(rows):
        for x, module in _row_candidates(row):
            if int(x) not in columns:
                columns[int(x)] = _runs(bytes(line[int(x)] for line in rows))
            vertical = _centre_run(columns[int(x)], y)
            if vertical is not None and abs(vertical[1] - module) < module / 2:
                found.append(Finder(x, vertical[0], (module + vertical[1]) / 2))
    return _cluster(found)


def _runs(line: bytes) -> list[tuple[int, int, bool]]:
    return [(match.start(), match.end() - match.start(), line[match.start()] == 1) for match in _RUNS.finditer(line)]


def _row_candidates(row: bytes) -> list[tuple[float, float]]:
    """(centre x, module size) of each 1:1:3:1:1 dark-light-dark-light-dark run in a row."""
    runs = _runs(row)
    candidates = []
    for index in range(len(runs) - 4):
        window = runs[index : index + 5]
        if window[0][2] and _finder_ratio([length for _, length, _ in window]):
            start, length, _ = window[2]
            candidates.append((start + length / 2, sum(length for _, length, _ in window) / 7))
    return candidates


def _finder_ratio(lengths: list[int]) -> bool:
    module = sum(lengths) / 7
    if module < 1:
        return False
    tolerance = module / 2
    expected = (1, 1, 3, 1, 1)
    return all(
        abs(length - share * module) < share * tolerance for length, share in zip(lengths, expected, strict=True)
    )


def _centre_run(runs: list[tuple[int, int, bool]], y: int) -> tuple[float, float] | None:
    """(centre, module size) of the 1:1:3:1:1 pattern whose middle run holds position ``y``, if there is one."""
    for index, (start, length, dark) in enumerate(runs):
        if start <= y < start + length:
            if not dark or index < 2 or index + 2 >= len(runs):
                return None
            window = [run_length for _, run_length, _ in runs[index - 2 : index + 3]]
            return (start + length / 2, sum(window) / 7) if _finder_ratio(window) else None
    return None


def _cluster(found: list[Finder]) -> list[Finder]:
    clusters: list[list[Finder]] = []
    for finder in found:
        for cluster in clusters:
            head = cluster[0]
            if abs(head.x - finder.x) < 2 * head.module and abs(head.y - finder.y) < 2 * head.module:
                cluster.append(finder)
                break
        else:
            clusters.append([finder])
    merged = [
        Finder(
            sum(f.x for f in cluster) / len(cluster),
            sum(f.y for f in cluster) / len(cluster),
            sum(f.module for f in cluster) / len(cluster),
            len(cluster),
        )
        for cluster in clusters
    ]
    return sorted(merged, key=lambda finder: finder.hits, reverse=True)


def _corners(finders: list[Finder]) -> tuple[Finder, Finder, Finder]:
    """Top-left, top-right and bottom-left finders of an upright symbol: the best-supported such triple."""
    best: tuple[Finder, Finder, Finder] | None = None
    for top_left, top_right, bottom_left in permutations(finders[:12], 3):
        if _upright_triple(top_left, top_right, bottom_left) and (
            best is None or sum(f.hits for f in (top_left, top_right, bottom_left)) > sum(f.hits for f in best)
        ):
            best = (top_left, top_right, bottom_left)
    if best is None:
        raise QrError(f"no QR code found: {len(finders)} finder pattern(s), not three in a square")
    return best


def _upright_triple(top_left: Finder, top_right: Finder, bottom_left: Finder) -> bool:
    module = top_left.module
    across, down = top_right.x - top_left.x, bottom_left.y - top_left.y
    return (
        across > 10 * module
        and down > 10 * module
        and abs(top_right.y - top_left.y) < 2 * module
        and abs(bottom_left.x - top_left.x) < 2 * module
        and abs(across - down) < 2 * module
        and all(abs(f.module - module) < module / 4 for f in (top_right, bottom_left))
    )


def _symbol_size(top_left: Finder, top_right: Finder) -> int:
    modules = (top_right.x - top_left.x) / ((top_left.module + top_right.module) / 2) + 7
    version = round((modules - 17) / 4)
    if not 1 <= version <= 40:
        raise QrError(f"no QR code found: the finder patterns are {modules:.0f} modules apart")
    return 17 + 4 * version


# --- the module matrix: format, codewords, data ------------------------------------------------------------


def decode_matrix(matrix: Matrix) -> str:
    """The text of a QR symbol given as rows of modules (True for dark), without its quiet zone."""
    size = len(matrix)
    version = (size - 17) // 4
    if size < 21 or (size - 17) % 4 or any(len(row) != size for row in matrix):
        raise QrError(f"a {size}x{len(matrix[0]) if matrix else 0} matrix is not a QR symbol")
    level, mask = _format(matrix)
    codewords = _codewords(matrix, version, mask)
    data = _check_blocks(codewords, version, level)
    return _parse(data, version)


def _format(matrix: Matrix) -> tuple[int, int]:
    """Error correction level and mask, from whichever copy of the format information is nearer a valid one."""
    size = len(matrix)
    vertical = [(i if i < 6 else i + 1 if i < 8 else size - 15 + i, 8) for i in range(15)]
    horizontal = [(8, size - 1 - i if i < 8 else 15 - i if i == 8 else 14 - i) for i in range(15)]
    best: tuple[int, int, int] | None = None
    for places in (vertical, horizontal):
        read = sum(1 << i for i, (row, column) in enumerate(places) if matrix[row][column])
        for level in _LEVELS:
            for mask in range(8):
                distance = bin(read ^ util.BCH_type_info((level << 3) | mask)).count("1")
                if best is None or distance < best[0]:
                    best = (distance, level, mask)
    assert best is not None
    if best[0] > 3:
        raise QrError("the QR code's format information is unreadable")
    return best[1], best[2]


def _function_modules(version: int) -> Matrix:
    """True where a module belongs to a fixed pattern (finders, timing, alignment, format, version)."""
    size = 17 + 4 * version
    reserved = [[False] * size for _ in range(size)]

    def mark(top: int, left: int, height: int, width: int) -> None:
        for row in range(top, top + height):
            for column in range(left, left + width):
                reserved[row][column] = True

    mark(0, 0, 9, 9)
    mark(0, size - 8, 9, 8)
    mark(size - 8, 0, 8, 9)
    positions = util.pattern_position(version)
    for row in positions:
        for column in positions:
            if not reserved[row][column]:
                mark(row - 2, column - 2, 5, 5)
    mark(6, 0, 1, size)
    mark(0, 6, size, 1)
    if version >= 7:
        mark(0, size - 11, 6, 3)
        mark(size - 11, 0, 3, 6)
    return reserved


def _codewords(matrix: Matrix, version: int, mask: int) -> list[int]:
    """The codewords in placement order: two-column strips from the right, up and down in turn, unmasked."""
    size = len(matrix)
    reserved = _function_modules(version)
    masked = util.mask_func(mask)
    bits: list[int] = []
    upward = True
    column = size - 1
    while column > 0:
        if column == 6:  # the vertical timing pattern takes a whole column
            column -= 1
        rows = range(size - 1, -1, -1) if upward else range(size)
        for row in rows:
            for c in (column, column - 1):
                if not reserved[row][c]:
                    bits.append(int(matrix[row][c] ^ masked(row, c)))
        upward = not upward
        column -= 2
    return [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits) - 7, 8)]


def _check_blocks(codewords: list[int], version: int, level: int) -> list[int]:
    """Undo the interleaving, check every block's Reed-Solomon syndromes, and return the data codewords."""
    blocks = base.rs_blocks(version, level)
    data: list[list[int]] = [[] for _ in blocks]
    ecc: list[list[int]] = [[] for _ in blocks]
    stream = iter(codewords)
    for i in range(max(block.data_count for block in blocks)):
        for index, block in enumerate(blocks):
            if i < block.data_count:
                data[index].append(next(stream))
    for i in range(max(block.total_count - block.data_count for block in blocks)):
        for index, block in enumerate(blocks):
            if i < block.total_count - block.data_count:
                ecc[index].append(next(stream))
    for index, block in enumerate(blocks):
        if not _syndromes_zero(data[index] + ecc[index], block.total_count - block.data_count):
            raise QrError(f"the QR code's block {index + 1} of {len(blocks)} does not pass its error check")
    return [codeword for block_data in data for codeword in block_data]


def _syndromes_zero(block: list[int], ecc_count: int) -> bool:
    for power in range(ecc_count):
        syndrome = 0
        for codeword in block:
            syndrome = _gf_multiply(syndrome, base.gexp(power)) ^ codeword
        if syndrome:
            return False
    return True


def _gf_multiply(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else base.gexp(base.glog(a) + base.glog(b))


class _Bits:
    def __init__(self, codewords: list[int]) -> None:
        self.text = "".join(f"{codeword:08b}" for codeword in codewords)
        self.position = 0

    def left(self) -> int:
        return len(self.text) - self.position

    def read(self, count: int) -> int:
        if count > self.left():
            raise QrError("the QR code's data ends in the middle of a segment")
        value = int(self.text[self.position : self.position + count] or "0", 2)
        self.position += count
        return value


def _parse(codewords: list[int], version: int) -> str:
    bits = _Bits(codewords)
    out = bytearray()
    while bits.left() >= _MODE_BITS:
        mode = bits.read(_MODE_BITS)
        if mode == 0:
            break
        if mode not in (util.MODE_NUMBER, util.MODE_ALPHA_NUM, util.MODE_8BIT_BYTE):
            raise QrError(f"the QR code uses mode {mode}, which this reader does not read")
        count = bits.read(util.length_in_bits(mode, version))
        out += _segment(bits, mode, count)
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return out.decode("latin-1")


def _segment(bits: _Bits, mode: int, count: int) -> bytes:
    if mode == util.MODE_8BIT_BYTE:
        return bytes(bits.read(8) for _ in range(count))
    if mode == util.MODE_NUMBER:
        digits = ""
        for size in [3] * (count // 3) + ([count % 3] if count % 3 else []):
            digits += str(bits.read(util.NUMBER_LENGTH[size])).zfill(size)
        return digits.encode("ascii")
    values: list[int] = []
    for _ in range(count // 2):
        values += divmod(bits.read(11), 45)
    if count % 2:
        values.append(bits.read(6))
    if any(value >= len(_ALPHANUMERIC) for value in values):
        raise QrError("the QR code's alphanumeric data is out of range")
    return "".join(_ALPHANUMERIC[value] for value in values).encode("ascii")
