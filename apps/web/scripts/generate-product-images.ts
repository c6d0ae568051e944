/**
 * Draws one SVG illustration per seeded product image into
 * public/images/products/<slug>-<n>.svg. Deterministic: the same seed data
 * gives the same bytes. Run with `npm run images -w @edgecart/web`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { imageUrl, type SeedProduct, seedProducts } from '@edgecart/db/seed';

const outDir = fileURLToPath(new URL('../public/images/products/', import.meta.url));

/** One silhouette per collection, drawn on an 800×800 canvas. */
const shapes: Record<string, string> = {
  outerwear:
    'M300 160 L360 140 Q400 175 440 140 L500 160 L590 220 L650 560 L585 578 L540 350 L540 660 L410 660 L410 190 L390 190 L390 660 L260 660 L260 350 L215 578 L150 560 L210 220 Z',
  tops: 'M290 180 L350 160 Q400 200 450 160 L510 180 L620 270 L570 340 L520 300 L520 640 L280 640 L280 300 L230 340 L180 270 Z',
  bottoms: 'M290 160 L510 160 L540 650 L430 650 L400 330 L370 650 L260 650 Z',
  footwear:
    'M170 520 L180 380 Q190 340 240 340 L330 340 Q360 400 420 420 L560 460 Q640 480 640 540 L640 580 L170 580 Z',
  bags: 'M250 300 L550 300 L580 650 L220 650 Z M330 300 Q330 190 400 190 Q470 190 470 300 L440 300 Q440 220 400 220 Q360 220 360 300 Z',
  home: 'M260 300 L500 300 L500 600 Q500 640 460 640 L300 640 Q260 640 260 600 Z M500 360 Q600 360 600 450 Q600 540 500 540 L500 505 Q565 505 565 450 Q565 395 500 395 Z',
};

/** A small, stable hash, so each image gets its own pattern. */
function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderImage(product: SeedProduct, index: number): string {
  const image = product.images[index];
  if (!image) throw new Error(`${product.slug} has no image ${index}`);
  const shape = shapes[product.collections[0] ?? ''] ?? shapes.home;
  const h = hash(`${product.slug}/${index}`);
  const dots: string[] = [];
  const step = 40 + (h % 4) * 10;
  const offset = (h >> 3) % step;
  for (let y = offset; y < 800; y += step) {
    for (let x = (y / step) % 2 ? step / 2 : 0; x < 800; x += step) {
      dots.push(`M${x} ${y}h2`);
    }
  }
  const tilt = ((h >> 7) % 9) - 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img">`,
    `<title>${escapeXml(image.alt)}</title>`,
    `<rect width="800" height="800" fill="${image.background}"/>`,
    `<path d="${dots.join('')}" stroke="${image.foreground}" stroke-opacity=".18" stroke-width="6" stroke-linecap="round"/>`,
    `<ellipse cx="400" cy="690" rx="250" ry="28" fill="#000" fill-opacity=".08"/>`,
    `<g transform="rotate(${tilt} 400 400)"><path d="${shape}" fill="${image.foreground}" fill-rule="evenodd"/>`,
    `<path d="${shape}" fill="none" stroke="#fff" stroke-opacity=".25" stroke-width="6"/></g>`,
    '</svg>',
    '',
  ].join('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.svg')) rmSync(outDir + file);
  let count = 0;
  for (const product of seedProducts) {
    product.images.forEach((_, i) => {
      const file = imageUrl(product, i).split('/').pop();
      writeFileSync(outDir + file, renderImage(product, i));
      count++;
    });
  }
  console.log(`wrote ${count} images to ${outDir}`);
}
