#!/usr/bin/python3
"""Prints what a screenshot holds: `non_white <share> chart_blue <pixels> signal_red <pixels>`.

The report draws vital Pareto bars and chart points in #1f4e8c and signals in #c62828, so their
pixels tell that the charts rendered, not only the text.
"""
import sys

from PIL import Image

image = Image.open(sys.argv[1]).convert("RGB")
pixels = list(image.getdata())


def near(pixel, colour, tolerance=24):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


non_white = sum(1 for p in pixels if min(p) < 245)
blue = sum(1 for p in pixels if near(p, (0x1F, 0x4E, 0x8C)))
red = sum(1 for p in pixels if near(p, (0xC6, 0x28, 0x28)))
print(f"non_white {non_white / len(pixels):.4f} chart_blue {blue} signal_red {red}")
