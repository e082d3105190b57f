/**
 * Booking messages by SMS, through the app's SMS provider (`deps.sms`): for holders without a bound
 * WeChat identity. The outbox keeps the phone encrypted; only here, on its way out, is it decrypted.
 */
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import type { SmsProvider } from '../sms/provider.ts';
import { NOTIFICATION_TEMPLATES, type BookingMessagePayload, type MessagePayload, type NotificationTemplate, type TurnNearPayload } from './messages.ts';
import { DeliveryError, type NotificationProvider } from './provider.ts';

export function createSmsNotificationProvider(sms: SmsProvider, privacy: PersonalDataCipher): NotificationProvider {
  return {
    async send(message) {
      const template = message.template as NotificationTemplate;
      if (!NOTIFICATION_TEMPLATES.includes(template)) throw new DeliveryError(`no SMS template for ${message.template}`, { permanent: true });
      let phone: string;
      try {
        phone = privacy.decrypt(message.recipient);
      } catch (error) {
        throw new DeliveryError('the recipient is not an encrypted phone', { permanent: true, cause: error });
      }
      await sms.send({ phone, template, params: smsParams(template, message.payload as unknown as MessagePayload) });
    },
  };
}

/** What an SMS template fills in: flat strings, Chinese names. */
export function smsParams(template: NotificationTemplate, payload: MessagePayload): Record<string, string> {
  if (template === 'turn_near') {
    const p = payload as TurnNearPayload;
    return { number: p.number, service: p.service.zh, outlet: p.outlet.zh, ahead: String(p.peopleAhead) };
  }
  const p = payload as BookingMessagePayload;
  return {
    appointmentNo: p.appointmentNo, service: p.service.zh, outlet: p.outlet.zh, date: p.date, startsAt: p.startsAt,
    ...(p.notice ? { notice: p.notice.title.zh } : {}),
  };
}
