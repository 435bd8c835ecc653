#!/usr/bin/env node
// Renders build/icon.svg into every icon electron-builder needs, so packaging never converts
// (or downloads a tool to convert) an icon itself:
//   build/icon.png          1024×1024, the master (and electron-builder's default icon)
//   build/icons/NxN.png     Linux's hicolor sizes, 16 to 512 (electron-builder's linux.icon)
//   build/icon.icns         macOS, 16 to 512@2x
//   build/icon.ico          Windows, 16 to 256 (small sizes as bitmaps, as an .exe icon wants)
// The outputs are committed; run `npm run icons` after changing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = readFileSync(path.join(buildDir, 'icon.svg'));

/** Each size rendered from the vector source: sharper than scaling one bitmap down. */
function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

function write(relative, data) {
  const file = path.join(buildDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`build/${relative.split(path.sep).join('/')}  ${data.length} bytes`);
}

const master = render(1024);
write('icon.png', master);
for (const size of [16, 32, 48, 64, 128, 256, 512]) write(path.join('icons', `${size}x${size}.png`), render(size));

png2icons.setLogger(() => undefined);
const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, false, true);
if (!icns || !ico) throw new Error('png2icons could not convert build/icon.png');
write('icon.icns', icns);
write('icon.ico', ico);
