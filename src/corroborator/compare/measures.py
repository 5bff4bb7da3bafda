"""Units of measure, so that one distance, weight or speed written in two units compares: "200ft" against
"60m" is one figure, "150 metres" another."""

from __future__ import annotations

from corroborator.compare.text import norm
from corroborator.types import Quantity

_UNITS = {
    "length": {
        "m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0,
        "cm": 0.01, "centimetre": 0.01, "centimeter": 0.01, "mm": 0.001, "millimetre": 0.001,
        "millimeter": 0.001, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "inch": 0.0254,
        "yard": 0.9144, "yd": 0.9144, "mile": 1609.344, "mi": 1609.344,
    },
    "mass": {
        "kg": 1.0, "kilogram": 1.0, "kilo": 1.0, "g": 0.001, "gram": 0.001, "tonne": 1000.0,
        "lb": 0.4536, "ounce": 0.02835, "oz": 0.02835,
    },
    "speed": {"mph": 1.609344, "kph": 1.0, "km/h": 1.0, "kmh": 1.0},
    "area": {"acre": 4046.86, "hectare": 10000.0, "ha": 10000.0},
}  # fmt: skip
"""Each dimension's units (singular, as `norm` gives them) with their size in the dimension's base unit.
"pound" and "ton" are left out: a currency, and a short, long or metric ton."""
_SIZE = {unit: (dimension, size) for dimension, units in _UNITS.items() for unit, size in units.items()}
_SIZE.update({"inches": ("length", 0.0254), "lbs": ("mass", 0.4536)})


def measure(quantity: Quantity) -> tuple[str, float]:
    """What a quantity counts or measures, and the size of one of its units: ("length", 0.3048) for
    feet; for a count, the counted noun ("rifle") and 1."""
    words = quantity.unit.split()
    if "of" in words[1:]:
        words = words[: words.index("of")]  # "four sentences of life" counts sentences
    if not words:
        return "", 1.0
    last = words[-1].casefold()
    return _SIZE.get(last) or _SIZE.get(norm(last)) or (norm(last), 1.0)
