#!/usr/bin/env python3
"""Draws assets/images/emblem.png, the 邻里 emblem in the header: a white
disc with a house in community red (#A31B1B) and its door, anti-aliased
by 4x4 supersampling. Standard library only; run it to redraw."""
import struct
import zlib

N, SS = 256, 4
RED, WHITE = (0xA3, 0x1B, 0x1B), (0xFF, 0xFF, 0xFF)


def shade(x, y):
    """Colour and alpha at a point of the unit square."""
    cx, cy = x - 0.5, y - 0.5
    if cx * cx + cy * cy > 0.49 * 0.49:
        return None
    roof = 0.22 <= y <= 0.47 and abs(x - 0.5) <= (y - 0.22) * 1.25
    body = 0.45 <= y <= 0.78 and 0.27 <= x <= 0.73
    door = 0.58 <= y <= 0.78 and 0.44 <= x <= 0.56
    if (roof or body) and not door:
        return RED
    return WHITE


rows = []
for py in range(N):
    row = bytearray([0])
    for px in range(N):
        acc = [0, 0, 0, 0]
        for sy in range(SS):
            for sx in range(SS):
                c = shade((px + (sx + 0.5) / SS) / N, (py + (sy + 0.5) / SS) / N)
                if c:
                    acc[0] += c[0]
                    acc[1] += c[1]
                    acc[2] += c[2]
                    acc[3] += 1
        a = acc[3]
        if a:
            row += bytes([acc[0] // a, acc[1] // a, acc[2] // a, a * 255 // (SS * SS)])
        else:
            row += bytes(4)
    rows.append(bytes(row))


def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
with open(__file__.replace("make_emblem.py", "emblem.png"), "wb") as f:
    f.write(png)
