/**
 * The WeChat subscribe-message client against the fake WeChat: the access token is cached until
 * shortly before it expires, and fetched again at once when WeChat says it is no longer valid.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { wechatConfigOf } from '../../test/support/wechat.ts';
import { fixedClock } from '../clock.ts';
import { startFakeWechat, type FakeWechat } from '../wechat/fake-server.ts';
import type { OutboxRow } from './provider.ts';
import { createWechatSubscribeProvider, subscribeData } from './wechat-subscribe.ts';

const payload = {
  bookingId: 'b1', appointmentNo: 'Y261124000001', service: { zh: '驾驶证换证', en: 'Licence renewal' },
  outlet: { zh: '交警支队直属大队便民服务点（月湖区龙虎山大道1号）', en: 'Service point' }, date: '2026-11-24', startsAt: '14:30',
};
const row = (touser: string): OutboxRow => ({
  id: 1, channel: 'wechat', recipient: touser, template: 'booking_confirmed', payload: { ...payload }, dedupeKey: null,
  status: 'pending', attempts: 1, availableAt: new Date(), sentAt: null, lastError: null, createdAt: new Date(),
});

describe('WeChat subscribe messages', () => {
  let fake: FakeWechat | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('shapes a booking into the template\'s keywords, within WeChat\'s lengths', () => {
    expect(subscribeData('booking_confirmed', payload)).toEqual({
      character_string1: { value: 'Y261124000001' }, thing2: { value: '驾驶证换证' },
      thing3: { value: '交警支队直属大队便民服务点（月湖区龙虎山' }, time4: { value: '2026-11-24 14:30' },
    });
  });

  it('keeps one token until shortly before it expires', async () => {
    fake = await startFakeWechat({ nicknames: ['令牌测试'] });
    const clock = fixedClock('2026-11-23T09:00:00+08:00');
    const provider = createWechatSubscribeProvider(wechatConfigOf(fake), { clock });
    const { openid } = fake.users()[0]!;
    await Promise.all([provider.send(row(openid)), provider.send(row(openid))]);
    expect(provider.tokenRequests()).toBe(1);
    clock.advance(7200_000 - 5 * 60_000 - 1);
    await provider.send(row(openid));
    expect(provider.tokenRequests()).toBe(1);
    clock.advance(1);
    await provider.send(row(openid));
    expect(provider.tokenRequests()).toBe(2);
    expect(fake.subscribeMessages()).toHaveLength(4);
  });

  it('fetches a new token at once when WeChat says the cached one is no longer valid', async () => {
    let wechatNow = Date.parse('2026-11-23T01:00:00Z');
    fake = await startFakeWechat({ nicknames: ['令牌失效'], now: () => wechatNow });
    const provider = createWechatSubscribeProvider(wechatConfigOf(fake), { clock: fixedClock('2026-11-23T09:00:00+08:00') });
    const { openid } = fake.users()[0]!;
    await provider.send(row(openid));
    wechatNow += 7200_000; // WeChat expired the token; our clock did not move
    await provider.send(row(openid));
    expect(provider.tokenRequests()).toBe(2);
    expect(fake.subscribeMessages()).toHaveLength(2);
  });
});
