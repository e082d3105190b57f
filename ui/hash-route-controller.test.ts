import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from './hash-route-controller.ts';

describe('where a page is, in its hash', () => {
  it('reads a path and its parameters', () => {
    expect(parseHash('#reports/history')).toEqual({ path: ['reports', 'history'], params: {} });
    expect(parseHash('#/notices?kind=closure&outletId=yt-dmv')).toEqual({ path: ['notices'], params: { kind: 'closure', outletId: 'yt-dmv' } });
    expect(parseHash('')).toEqual({ path: [], params: {} });
  });

  it('writes what it reads', () => {
    const hash = hashOf(['notices'], { kind: 'closure', from: '2026-11-27' });
    expect(hash).toBe('#notices?kind=closure&from=2026-11-27');
    expect(parseHash(hash)).toEqual({ path: ['notices'], params: { kind: 'closure', from: '2026-11-27' } });
  });
});
