"""The people of a visit: the subscriber and the technician."""

from __future__ import annotations

from dataclasses import dataclass

from fieldact.text import InputError, say


@dataclass(frozen=True, slots=True)
class Subscriber:
    surname: str
    first_name: str
    patronymic: str = ""
    contract: str = ""
    address: str = ""
    phone: str = ""

    @property
    def io(self) -> str:
        """«ИО»: first name and patronymic, the polite form of address."""
        return " ".join(part for part in (self.first_name, self.patronymic) if part)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.first_name, self.patronymic) if part)


@dataclass(frozen=True, slots=True)
class Technician:
    surname: str
    first_name: str

    @property
    def surname_name(self) -> str:
        return f"{self.surname} {self.first_name}"


def split_full_name(text: str) -> tuple[str, str, str]:
    """«Иванов Иван Петрович» -> (surname, first name, patronymic); the patronymic may be absent."""
    parts = text.split()
    if len(parts) < 2:
        raise InputError(
            say(
                f"«{text.strip()}»: нужны фамилия и имя (и отчество, если есть), например «Иванов Иван Петрович».",
                f"'{text.strip()}': give the surname and first name (and patronymic if any), "
                "e.g. 'Ivanov Ivan Petrovich'.",
            )
        )
    return parts[0], parts[1], " ".join(parts[2:])


def subscriber_from_name(text: str, **details: str) -> Subscriber:
    surname, first_name, patronymic = split_full_name(text)
    return Subscriber(surname, first_name, patronymic, **details)


def technician_from_name(text: str) -> Technician:
    surname, first_name, _ = split_full_name(text)
    return Technician(surname, first_name)
