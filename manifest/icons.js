'use strict';
// Draws the two Teams icons for VP-wijzer (run: node icons.js; the PNGs are committed).
//   color.png   192x192: calm deep teal, a white speech bubble with a small teal heart ("someone listens").
//   outline.png  32x32:  the same bubble in white on transparent, the heart cut out.
// Shapes are implicit functions, anti-aliased by 8x8 supersampling; no image library needed.
const fs = require('node:fs');
const path = require('node:path');
const { encode } = require('./lib/png');

const TEAL_TOP = [0x24, 0x7a, 0x80];
const TEAL_BOTTOM = [0x1b, 0x5e, 0x66];
const HEART = [0x2a, 0x8c, 0x8c];
const WHITE = [255, 255, 255];

function inRoundedRect(x, y, r) {
  if (x < r.x0 || x > r.x1 || y < r.y0 || y > r.y1) return false;
  const cx = Math.min(Math.max(x, r.x0 + r.radius), r.x1 - r.radius);
  const cy = Math.min(Math.max(y, r.y0 + r.radius), r.y1 - r.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r.radius ** 2;
}

function inTriangle(x, y, [a, b, c]) {
  const sign = (p, q, rx, ry) => (rx - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (ry - q[1]);
  const d1 = sign(a, b, x, y), d2 = sign(b, c, x, y), d3 = sign(c, a, x, y);
  const neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

function inHeart(x, y, h) {
  const u = (x - h.cx) / h.size;
  const v = -(y - h.cy) / h.size;
  return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
}

/** Shape in a unit square (0..1) so both sizes share one drawing. */
function bubbleAt(scale) {
  const s = (n) => n * scale;
  return {
    body: { x0: s(0.16), x1: s(0.84), y0: s(0.2), y1: s(0.7), radius: s(0.14) },
    tail: [[s(0.24), s(0.64)], [s(0.44), s(0.64)], [s(0.2), s(0.86)]],
    heart: { cx: s(0.5), cy: s(0.43), size: s(0.135) },
  };
}

function render(size, shade) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 8; // supersampling per axis
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = shade(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      rgba[i + 3] = Math.round(alpha * 255);
      for (let k = 0; k < 3; k++) rgba[i + k] = acc[3] > 0 ? Math.round(acc[k] / acc[3]) : 0;
    }
  }
  return rgba;
}

function colorIcon() {
  const size = 192;
  // The symbol stays inside the central area Teams recommends, on a full-bleed background.
  const b = bubbleAt(size);
  return render(size, (x, y) => {
    const inBubble = inRoundedRect(x, y, b.body) || inTriangle(x, y, b.tail);
    if (inBubble) return inHeart(x, y, b.heart) ? [...HEART, 1] : [...WHITE, 1];
    const t = y / size;
    return [0, 1, 2].map((k) => TEAL_TOP[k] * (1 - t) + TEAL_BOTTOM[k] * t).concat(1);
  });
}

function outlineIcon() {
  const size = 32;
  const b = bubbleAt(size);
  return render(size, (x, y) => {
    const inBubble = inRoundedRect(x, y, b.body) || inTriangle(x, y, b.tail);
    return inBubble && !inHeart(x, y, b.heart) ? [...WHITE, 1] : [...WHITE, 0];
  });
}

const out = process.argv[2] ?? __dirname;
fs.writeFileSync(path.join(out, 'color.png'), encode(192, 192, colorIcon()));
fs.writeFileSync(path.join(out, 'outline.png'), encode(32, 32, outlineIcon()));
console.log(`icons written to ${out}`);
