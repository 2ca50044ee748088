// Writes resources/icon.png (512x512, app icon) and resources/tray.png (32x32) with nothing but
// node:zlib: a rounded teal square with a white "person" glyph. Run: node resources/generate-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

// Shapes in unit coordinates (0..1). Returns 'bg', 'fg' or null for a point.
function shapeAt(x, y) {
  const r = 0.2 // corner radius of the rounded square
  const m = 0.04 // margin
  const cx = Math.min(Math.max(x, m + r), 1 - m - r)
  const cy = Math.min(Math.max(y, m + r), 1 - m - r)
  const inSquare =
    x >= m && x <= 1 - m && y >= m && y <= 1 - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r
  if (!inSquare) return null
  const head = (x - 0.5) ** 2 + (y - 0.38) ** 2 <= 0.13 ** 2
  // Shoulders: the upper half of an ellipse, cut at the bottom.
  const body = ((x - 0.5) / 0.25) ** 2 + ((y - 0.8) / 0.24) ** 2 <= 1 && y <= 0.78
  return head || body ? 'fg' : 'bg'
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4)
  const samples = 4 // supersampling per axis for smooth edges
  const bg = [0x00, 0x7a, 0x87]
  const fg = [0xff, 0xff, 0xff]
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = shapeAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size
          )
          if (hit === null) continue
          const c = hit === 'fg' ? fg : bg
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const o = (py * size + px) * 4
      if (a > 0) {
        rgba[o] = Math.round(r / a)
        rgba[o + 1] = Math.round(g / a)
        rgba[o + 2] = Math.round(b / a)
      }
      rgba[o + 3] = Math.round((255 * a) / (samples * samples))
    }
  }
  return encodePng(size, rgba)
}

writeFileSync(join(here, 'icon.png'), render(512))
writeFileSync(join(here, 'tray.png'), render(32))
process.stdout.write('wrote resources/icon.png (512x512) and resources/tray.png (32x32)\n')
