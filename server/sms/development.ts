/**
 * The development SMS provider: nothing leaves the machine. Each message goes to the log (phone
 * masked) and to the outbox table (phone encrypted), where developers and tests read the code.
 */
import type { Database } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { maskPhone } from '../../common/mask.ts';
import type { Logger } from '../logger.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import type { SmsProvider } from './provider.ts';

export function createDevelopmentSmsProvider(deps: { db: Database; privacy: PersonalDataCipher; logger: Logger }): SmsProvider {
  return {
    async send(message) {
      await deps.db.insert(outbox).values({
        channel: 'sms',
        recipient: deps.privacy.encrypt(message.phone),
        template: message.template,
        payload: message.params,
        status: 'sent',
        sentAt: new Date(),
      });
      deps.logger.info({ to: maskPhone(message.phone), template: message.template, params: message.params }, 'development SMS (not sent)');
    },
  };
}
