import type jsQRType from 'jsqr';

/**
 * Decodes a QR matrix (rows of `1` dark and `0` light) with a QR reader library, as a phone camera would read it:
 * drawn black on white at `scale` pixels a module with a 4-module quiet zone. `undefined` when it does not decode.
 */
export function decodeQrMatrix(
  matrix: { readonly size: number; readonly rows: readonly string[] },
  jsQR: typeof jsQRType,
  scale = 4,
): string | undefined {
  const quiet = 4;
  const side = (matrix.size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] !== '1') {
        continue;
      }
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
      }
    }
  });
  return jsQR(pixels, side, side)?.data;
}
