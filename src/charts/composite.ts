/**
 * Several rendered charts of the same size in one PNG, side by side (coalsim compare), each
 * headed by its run's letter. Uses node-canvas, loaded on first use like the PNG renderer.
 */
interface Img {
  src: Buffer;
}
interface Ctx {
  fillStyle: string;
  font: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(t: string, x: number, y: number): void;
  drawImage(img: Img, x: number, y: number): void;
}
interface CanvasModule {
  createCanvas(w: number, h: number): { getContext(t: '2d'): Ctx; toBuffer(mime: 'image/png'): Buffer };
  Image: new () => Img;
}

/** PNGs of equal size (null: no such chart in that run), left to right, labelled A, B, ... */
export function sideBySidePng(pngs: readonly (Buffer | null)[], width: number, height: number): Buffer {
  const canvas = require('canvas') as CanvasModule;
  const head = 48;
  const c = canvas.createCanvas(width * pngs.length, height + head);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width * pngs.length, height + head);
  ctx.fillStyle = '#000000';
  ctx.font = "bold 32px 'DejaVu Sans'";
  pngs.forEach((png, i) => {
    ctx.fillText(`${String.fromCharCode(65 + i)}${png === null ? ': no such chart in this run' : ''}`, i * width + 24, 38);
    if (png === null) return;
    const img = new canvas.Image();
    img.src = png;
    ctx.drawImage(img, i * width, head);
  });
  return c.toBuffer('image/png');
}
