import { describe, expect, it } from 'vitest';
import * as devices from '../common/devices.ts';
import * as notices from '../common/notices.ts';
import { parseDeviceMe, parsedOrUndefined, parsePairingStarted, parsePairingStatus, parseTickerNotices } from './device-payloads.ts';

type Parse = (body: unknown) => unknown;
interface Schema {
  safeParse(body: unknown): { success: boolean; data?: unknown };
}

/** The check's verdict on `body`, and what it returns: the same as the server's schema. */
function expectSameAs(parse: Parse, schema: Schema, body: unknown): void {
  const server = schema.safeParse(body);
  expect(parsedOrUndefined(parse, body), JSON.stringify(body)).toEqual(server.success ? server.data : undefined);
}

describe('the device pages check answers as the server shapes them', () => {
  it('accepts the device answers the server sends and refuses others', () => {
    const me = { id: 'd1', kind: 'display', outletId: 'o1', outletName: { zh: '车管所', en: 'Office' }, name: '大厅' };
    expectSameAs(parseDeviceMe, devices.deviceMe, me);
    expectSameAs(parseDeviceMe, devices.deviceMe, { ...me, extra: true });
    expectSameAs(parseDeviceMe, devices.deviceMe, { ...me, kind: 'printer' });
    expectSameAs(parseDeviceMe, devices.deviceMe, { ...me, outletName: '车管所' });
    expectSameAs(parseDeviceMe, devices.deviceMe, { ...me, outletName: { zh: '车管所' } });
    expectSameAs(parseDeviceMe, devices.deviceMe, { ...me, id: 1 });
    expectSameAs(parseDeviceMe, devices.deviceMe, undefined);
    expectSameAs(parseDeviceMe, devices.deviceMe, [me]);

    expectSameAs(parsePairingStatus, devices.pairingStatus, { status: 'active', outletId: 'o1' });
    expectSameAs(parsePairingStatus, devices.pairingStatus, { status: 'lost' });
    expectSameAs(parsePairingStatus, devices.pairingStatus, { status: 'active', outletId: null });
    expectSameAs(parsePairingStatus, devices.pairingStatus, { status: 'pairing' });

    const started = { deviceId: 'd1', token: 't', pairingCode: 'ACDEFGHJ', expiresAt: '2026-01-01T00:00:00Z' };
    expectSameAs(parsePairingStarted, devices.pairingStarted, started);
    expectSameAs(parsePairingStarted, devices.pairingStarted, { ...started, expiresAt: undefined });
  });

  it('reads from the notices the server sends the fields the ticker shows', () => {
    const notice: notices.NoticeView = {
      id: 'n1', outletId: null, kind: 'hours_change', title: { zh: '调整', en: 'Change' }, body: { zh: '内容', en: 'Text' },
      effectiveFrom: '2026-11-25', effectiveTo: null, changedHours: [{ open: '09:00', close: '12:00' }],
      publishAt: null, withdrawnAt: null, createdAt: '2026-11-20T08:00:00Z',
    };
    const body = notices.noticeList.parse({ notices: [notice] });
    expect(parseTickerNotices(body)).toEqual({ notices: [{ kind: 'hours_change', title: notice.title, body: notice.body }] });
    expect(parseTickerNotices({ notices: [] })).toEqual({ notices: [] });
    for (const wrong of [{ notices: [{ ...notice, kind: 'party' }] }, { notices: [{ ...notice, body: null }] }, { notices: 'none' }, null]) {
      expect(() => parseTickerNotices(wrong), JSON.stringify(wrong)).toThrow();
      expect(notices.noticeList.safeParse(wrong).success).toBe(false);
    }
  });
});
