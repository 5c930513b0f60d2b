#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` as a PNG.

The README's pictures of the terminal UI are made this way from the real binary, so they
show what a person sees: see `scripts/screenshots.sh`, which drives tshoot in tmux at 80x24
and calls this for each picture. Needs Pillow (`pip install pillow`) and the DejaVu Sans
Mono fonts. Understands the SGR attributes tshoot uses: bold, dim, italic, underline,
reverse, and the 8/16 basic colours.

Usage: screenshot.py CAPTURE.ansi OUT.png
"""

import re
import sys

from PIL import Image, ImageDraw, ImageFont

CELL_W, CELL_H, MARGIN = 10, 20, 10
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
BG = (30, 30, 30)
FG = (220, 220, 220)
PALETTE = [
    (40, 40, 40), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def parse(text):
    """The screen as rows of (char, style) cells."""
    rows = []
    style = {}
    for line in text.rstrip("\n").split("\n"):
        cells = []
        pos = 0
        for m in SGR.finditer(line):
            cells += [(c, dict(style)) for c in line[pos:m.start()]]
            pos = m.end()
            codes = [int(c) if c else 0 for c in m.group(1).split(";")]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    style = {}
                elif c in (1, 2, 3, 4, 7):
                    style[{1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}[c]] = True
                elif c in (22,):
                    style.pop("bold", None)
                    style.pop("dim", None)
                elif c == 23:
                    style.pop("italic", None)
                elif c == 24:
                    style.pop("underline", None)
                elif c == 27:
                    style.pop("reverse", None)
                elif 30 <= c <= 37:
                    style["fg"] = PALETTE[c - 30]
                elif 90 <= c <= 97:
                    style["fg"] = PALETTE[c - 90]
                elif c == 39:
                    style.pop("fg", None)
                elif 40 <= c <= 47:
                    style["bg"] = PALETTE[c - 40]
                elif c == 49:
                    style.pop("bg", None)
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    # 256-colour form: the first 16 are the basic colours.
                    n = codes[i + 2]
                    colour = PALETTE[n % 8] if n < 16 else FG
                    style["fg" if c == 38 else "bg"] = colour
                    i += 2
                elif c in (38, 48) and i + 1 < len(codes):
                    # RGB form: not used by tshoot; skip its arguments.
                    i += 4
                i += 1
        cells += [(c, dict(style)) for c in line[pos:]]
        rows.append(cells)
    return rows


def render(rows, cols, height, out):
    fonts = {
        (b, i): ImageFont.truetype(FONT_DIR + name, 16)
        for (b, i), name in {
            (False, False): "DejaVuSansMono.ttf",
            (True, False): "DejaVuSansMono-Bold.ttf",
            (False, True): "DejaVuSansMono-Oblique.ttf",
            (True, True): "DejaVuSansMono-BoldOblique.ttf",
        }.items()
    }
    img = Image.new("RGB", (cols * CELL_W + 2 * MARGIN, height * CELL_H + 2 * MARGIN), BG)
    draw = ImageDraw.Draw(img)
    for y, cells in enumerate(rows[:height]):
        for x, (ch, st) in enumerate(cells[:cols]):
            fg, bg = st.get("fg", FG), st.get("bg", BG)
            if st.get("dim"):
                fg = tuple((a + b) // 2 for a, b in zip(fg, BG))
            if st.get("reverse"):
                fg, bg = bg, (fg if not st.get("dim") else st.get("fg", FG))
            px, py = MARGIN + x * CELL_W, MARGIN + y * CELL_H
            if bg != BG:
                draw.rectangle([px, py, px + CELL_W - 1, py + CELL_H - 1], fill=bg)
            if ch.strip():
                font = fonts[(bool(st.get("bold")), bool(st.get("italic")))]
                draw.text((px, py + 1), ch, font=font, fill=fg)
            if st.get("underline"):
                draw.line([px, py + CELL_H - 3, px + CELL_W - 1, py + CELL_H - 3], fill=fg)
    img.save(out)


def main():
    src, out = sys.argv[1], sys.argv[2]
    rows = parse(open(src, encoding="utf-8").read())
    render(rows, 80, 24, out)


if __name__ == "__main__":
    main()
