/**
 * A channel the outbox worker sends through (WeChat subscribe messages, SMS). A provider throws a
 * `DeliveryError` saying whether trying again can help; anything else thrown counts as transient.
 */
import type { outbox } from '../../db/schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface NotificationProvider {
  send(message: OutboxRow): Promise<void>;
}

export class DeliveryError extends Error {
  /** True when retrying cannot help (unknown recipient, refused subscription, bad template). */
  readonly permanent: boolean;

  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent;
  }
}
