// Pictures: taken from the resource bag (read and checked before any writer runs), stored once per content in word/media (named as Word names
// them: image1.png, image1.jpg… numbered per type), drawn inline (wp:inline) with the alt text in
// wp:docPr descr and title.
import { createHash } from 'node:crypto';
import { escapeXml } from './docx-xml.js';

/** The document part's relationships before its images: styles … theme (rId1…rId10, docx-package.ts). */
export const FIRST_IMAGE_RELATIONSHIP = 11;

export interface MediaFile {
  /** word/media/… */
  name: string;
  data: Uint8Array;
  relationshipId: string;
}

/** The document's pictures, each stored once however often it is shown. */
export class Media {
  private readonly files = new Map<string, MediaFile>();
  private readonly counts = new Map<string, number>();

  add(data: Buffer, extension: 'png' | 'jpg'): MediaFile {
    const key = `${createHash('sha1').update(data).digest('hex')}.${extension}`;
    let file = this.files.get(key);
    if (file === undefined) {
      const count = (this.counts.get(extension) ?? 0) + 1;
      this.counts.set(extension, count);
      file = { name: `word/media/image${count}.${extension}`, data, relationshipId: `rId${FIRST_IMAGE_RELATIONSHIP + this.files.size}` };
      this.files.set(key, file);
    }
    return file;
  }

  get all(): MediaFile[] {
    return [...this.files.values()];
  }
}

/** EMU per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;
const A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/** The run that draws a picture inline, `width` × `height` pixels; `id` is unique in the document. */
export function drawingRunXml(o: { id: number; name: string; alt: string; relationshipId: string; width: number; height: number }): string {
  const cx = Math.round(o.width * EMU_PER_PIXEL);
  const cy = Math.round(o.height * EMU_PER_PIXEL);
  const alt = o.alt === '' ? '' : ` descr="${escapeXml(o.alt)}" title="${escapeXml(o.alt)}"`;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${o.id}" name="${escapeXml(o.name)}"${alt}/><wp:cNvGraphicFramePr><a:graphicFrameLocks ${A_NS} noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic ${A_NS}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${o.relationshipId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}
