import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { bookingIcs, escapeText, foldLine } from './ics.ts';

const event = {
  uid: '6f1c1e0a-3b55-4c1e-9a47-7f1f0c2b9d11@lobby',
  date: '2026-11-24',
  startsAt: '09:00',
  endsAt: '09:30',
  summary: '机动车转移登记（过户） 预约 482913650274',
  location: '鹰潭市交警支队车辆管理所, 月湖区龙虎山大道1号; 大厅',
  description: '预约号 Appointment number: 482913650274\n请携带 Bring: 双方居民身份证原件、机动车登记证书、机动车行驶证、二手车销售统一发票\n到达后请在大厅自助取号机取号。',
  now: new Date('2026-11-23T01:00:00Z'),
};

it('parses back (ical.js) to the booking\'s time in Asia/Shanghai, place and text', () => {
  const text = bookingIcs(event);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  expect(vevent.uid).toBe(event.uid);
  expect(vevent.summary).toBe(event.summary);
  expect(vevent.location).toBe(event.location);
  expect(vevent.description).toBe(event.description);
  expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai');
  expect(vevent.startDate.zone?.tzid).toBe('Asia/Shanghai');
  expect(vevent.startDate.toJSDate().toISOString()).toBe('2026-11-24T01:00:00.000Z');
  expect(vevent.endDate.toJSDate().toISOString()).toBe('2026-11-24T01:30:00.000Z');
  expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-23T01:00:00Z');
});

it('ends lines with CRLF and folds them at 75 octets without splitting a character', () => {
  const text = bookingIcs(event);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(foldLine('预'.repeat(30)).split('\r\n ').join('')).toBe('预'.repeat(30));
});

it('escapes backslashes, semicolons, commas and newlines', () => {
  expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
});
