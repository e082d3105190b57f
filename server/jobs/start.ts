/**
 * The background jobs a server process runs: the outbox worker (every 2 s), the daily reminders, the
 * closing of missed appointments (every minute), and the pruning of expired rows (every hour).
 * Each process runs one of each; on PostgreSQL several processes share the work safely (the outbox
 * is claimed with `SKIP LOCKED`, reminders are deduplicated), and PGlite is one process anyway.
 */
import type { Database } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { createSmsNotificationProvider } from '../notifications/sms.ts';
import { createWechatSubscribeProvider } from '../notifications/wechat-subscribe.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';
import type { SmsProvider } from '../sms/provider.ts';
import type { WechatConfig } from '../wechat/config.ts';
import { createMaintenanceJob } from './maintenance.ts';
import { createMissedAppointmentsJob } from './missed-appointments.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createReminderJob } from './reminders.ts';

export const OUTBOX_INTERVAL_MS = 2_000;

export interface JobDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  wechat: WechatConfig;
  sms: SmsProvider;
  privacy: PersonalDataCipher;
  /** The H5 page's absolute URL, which a subscribe message opens. */
  pageUrl?: string | undefined;
  /**
   * Wait this long before the first runs: a fresh start answers its first requests before the jobs
   * take PGlite's one connection for their catch-up queries.
   */
  firstRunDelayMs?: number;
}

export function startJobs(deps: JobDeps): { stop(): Promise<void> } {
  const worker = createOutboxWorker({
    db: deps.db, clock: deps.clock, logger: deps.logger,
    providers: {
      wechat: createWechatSubscribeProvider(deps.wechat, { clock: deps.clock, pageUrl: deps.pageUrl }),
      sms: createSmsNotificationProvider(deps.sms, deps.privacy),
    },
  });
  const reminders = createReminderJob({ db: deps.db, clock: deps.clock, logger: deps.logger });
  const missed = createMissedAppointmentsJob({ db: deps.db, clock: deps.clock, logger: deps.logger });
  const maintenance = createMaintenanceJob({ db: deps.db, clock: deps.clock, logger: deps.logger });
  const begin = setTimeout(() => {
    worker.start(OUTBOX_INTERVAL_MS);
    reminders.start();
    missed.start();
    maintenance.start();
  }, deps.firstRunDelayMs ?? 0);
  begin.unref();
  return {
    async stop() {
      clearTimeout(begin);
      await Promise.all([worker.stop(), reminders.stop(), missed.stop(), maintenance.stop()]);
    },
  };
}
