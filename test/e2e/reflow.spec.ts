import { test } from './fixtures';
import { expectReflows } from './reflow-checks';
import { tourScreens } from './screens';

// Reflow (WCAG 2.2, 1.4.10): every main screen at a small laptop, at 800×600, and at 200% and 400%
// zoom. Zoom is emulated with the viewport, as the browser lays out a zoomed page: 400% of a
// 1280×800 window is 320×200 CSS pixels. Nothing may make the page scroll sideways, and the
// controls the operator needs must be fully visible once scrolled to, with nothing on top of them.

const VIEWPORTS = [
  { name: 'a 1024×700 laptop', width: 1024, height: 700 },
  { name: '800×600', width: 800, height: 600 },
  { name: '200% zoom (640×400)', width: 640, height: 400 },
  { name: '400% zoom (320×200)', width: 320, height: 200 },
];

for (const viewport of VIEWPORTS) {
  test(`every main screen reflows at ${viewport.name}`, async ({ page, appUrl, webShell }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await tourScreens(page, appUrl, webShell.origin, expectReflows);
  });
}
