import { describe, expect, it } from 'vitest';
import { ATTORNEY_MAX_BYTES } from '../../common/firms.ts';
import { checkAttorneyFile } from './attorney-file.ts';
import { TINY_JPEG, TINY_PDF, TINY_PNG, WINDOWS_EXE_HEADER } from './fixtures.ts';

describe('power of attorney files are judged by their content', () => {
  it('accepts a real JPEG, PNG and PDF', () => {
    expect(checkAttorneyFile(TINY_JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(checkAttorneyFile(TINY_PNG)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(checkAttorneyFile(TINY_PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('refuses an executable, whatever it is called', () => {
    expect(checkAttorneyFile(WINDOWS_EXE_HEADER)).toEqual({ ok: false, problem: 'type' });
    expect(checkAttorneyFile(Buffer.from('\x7fELF\x02\x01\x01'))).toEqual({ ok: false, problem: 'type' });
  });

  it('refuses other documents and images, and files cut short', () => {
    expect(checkAttorneyFile(Buffer.from('GIF89a\x01\x00'))).toEqual({ ok: false, problem: 'type' });
    expect(checkAttorneyFile(Buffer.from('<html><script>alert(1)</script>'))).toEqual({ ok: false, problem: 'type' });
    expect(checkAttorneyFile(TINY_PNG.subarray(0, 4))).toEqual({ ok: false, problem: 'type' });
    expect(checkAttorneyFile(Buffer.from('%PD'))).toEqual({ ok: false, problem: 'type' });
  });

  it('refuses an empty file and one over 5 MB', () => {
    expect(checkAttorneyFile(new Uint8Array(0))).toEqual({ ok: false, problem: 'empty' });
    const big = Buffer.alloc(ATTORNEY_MAX_BYTES + 1);
    TINY_PDF.copy(big);
    expect(checkAttorneyFile(big)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkAttorneyFile(big.subarray(0, ATTORNEY_MAX_BYTES))).toEqual({ ok: true, mediaType: 'application/pdf' });
  });
});
