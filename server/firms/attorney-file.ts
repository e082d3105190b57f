/**
 * What an uploaded power of attorney really is, decided by its first bytes (the name and the
 * `Content-Type` the browser sent are the uploader's claims, not facts). Only three formats are
 * accepted, so their signatures are checked here rather than with a general sniffing library:
 * an executable renamed `.pdf` starts with `MZ` or `\x7fELF`, not `%PDF-`, and is refused.
 */
import { ATTORNEY_MAX_BYTES, type AttorneyMediaType } from '../../common/firms.ts';

const SIGNATURES: { mediaType: AttorneyMediaType; bytes: number[] }[] = [
  // JPEG: SOI marker followed by the first segment's marker.
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // PNG: the fixed 8-byte signature.
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // PDF: `%PDF-` (ISO 32000 allows junk before it; scanners and office suites never write any).
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export type AttorneyFileCheck =
  | { ok: true; mediaType: AttorneyMediaType }
  | { ok: false; problem: 'empty' | 'too_large' | 'type' };

/** `checkAttorneyFile(Buffer.from('%PDF-1.7 …'))` → `{ ok: true, mediaType: 'application/pdf' }` */
export function checkAttorneyFile(bytes: Uint8Array): AttorneyFileCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > ATTORNEY_MAX_BYTES) return { ok: false, problem: 'too_large' };
  const match = SIGNATURES.find((s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b));
  return match ? { ok: true, mediaType: match.mediaType } : { ok: false, problem: 'type' };
}
