"""Distances on the Earth's surface, for "nearest first" (clinics, kit)."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

Point = tuple[float, float]  # (latitude, longitude) in degrees

EARTH_RADIUS_KM = 6371.0


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine); theme/assets/help.js computes the same in the browser."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(h))


def centre(points: list[Point]) -> Point | None:
    """The mean of a few nearby points: good enough for a region's middle."""
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
