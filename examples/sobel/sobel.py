"""Sobel edge magnitude of an H×W×3 uint8 image, the classic numpy way.

usage: python3 examples/sobel/sobel.py IN.npy OUT.npy
IN.npy holds an H×W×3 uint8 image; OUT.npy gets the H×W uint8 edge image.
examples/sobel/sobel.ts is this program ported to TypeScript line by line:
the same numbered comment ends the same line of each file.
"""
import sys

import numpy as np


def sobel(img):
    r = img[:, :, 0].astype(np.uint16)  # 1 channel views, widened to uint16
    g = img[:, :, 1].astype(np.uint16)  # 2
    b = img[:, :, 2].astype(np.uint16)  # 3
    gray = ((r * 77 + g * 150 + b * 29) >> 8).astype(np.int16)  # 4 integer luma (BT.601 weights / 256)
    p = np.pad(gray, ((1, 1), (1, 1)), mode='edge')  # 5 replicate the border
    gx = ((p[:-2, 2:] + 2 * p[1:-1, 2:] + p[2:, 2:])  # 6 right column ...
          - (p[:-2, :-2] + 2 * p[1:-1, :-2] + p[2:, :-2]))  # 7 ... minus left column
    gy = ((p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:])  # 8 bottom row ...
          - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:]))  # 9 ... minus top row
    gx = gx.astype(np.float32)  # 10
    gy = gy.astype(np.float32)  # 11
    mag = np.sqrt(gx * gx + gy * gy)  # 12 gradient magnitude (float32, exact squares)
    peak = mag.max()  # 13
    scale = 255.0 / peak if peak > 0 else 0.0  # 14 the strongest edge becomes 255 (float32 / Python float stays float32: NEP 50)
    return (mag * scale).astype(np.uint8)  # 15 truncated, as astype does


def main():
    img = np.load(sys.argv[1])  # 16
    edges = sobel(img)  # 17
    np.save(sys.argv[2], edges)  # 18
    print(f'{edges.shape[0]}x{edges.shape[1]} edges, mean {edges.mean():.3f}, max {edges.max()}')  # 19


main()
