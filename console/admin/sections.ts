/**
 * Which parts of the console each role sees. The server refuses what a role may not do (403); the
 * console does not even offer it, so nobody meets a button that can only fail.
 *
 *   tabsFor('supervisor') → ['work', 'agents', 'blacklist', 'notices', 'reports', 'audit']
 */
import type { StaffMe } from '../../common/staff.ts';
import type { Text } from '../../ui/i18n.ts';

export const TABS = {
  work: { zh: '窗口工作', en: 'Counter work' },
  config: { zh: '配置', en: 'Configuration' },
  agents: { zh: '单位与经办人', en: 'Firms & agents' },
  blacklist: { zh: '黑名单', en: 'Blacklist' },
  notices: { zh: '公告', en: 'Notices' },
  reports: { zh: '报表', en: 'Reports' },
  audit: { zh: '审计', en: 'Audit log' },
} as const satisfies Record<string, Text>;
export type Tab = keyof typeof TABS;

/** The configuration's own sections (administrators only). */
export const CONFIG_SECTIONS = {
  outlets: { zh: '网点与营业时间', en: 'Outlets & hours' },
  services: { zh: '业务', en: 'Services' },
  groups: { zh: '业务类别', en: 'Service groups' },
  capacity: { zh: '预约容量', en: 'Capacity' },
  calendar: { zh: '日历', en: 'Calendar' },
  counters: { zh: '窗口', en: 'Counters' },
  staff: { zh: '人员', en: 'Staff' },
  devices: { zh: '设备', en: 'Devices' },
  settings: { zh: '参数', en: 'Settings' },
} as const satisfies Record<string, Text>;
export type ConfigSection = keyof typeof CONFIG_SECTIONS;

/**
 * Devices first among the sections opened by default: pairing the kiosks and displays is the first
 * thing an office does on the day it starts, and the console showed them before it had the rest.
 */
export const DEFAULT_CONFIG_SECTION: ConfigSection = 'devices';

const BY_ROLE: Record<StaffMe['role'], readonly Tab[]> = {
  admin: ['config', 'agents', 'blacklist', 'notices', 'reports', 'audit'],
  supervisor: ['work', 'agents', 'blacklist', 'notices', 'reports', 'audit'],
  // Clerks and guides work their counters and the queue; nothing else is theirs (no navigation at all).
  clerk: ['work'],
  guide: ['work'],
};

export function tabsFor(role: StaffMe['role']): readonly Tab[] {
  return BY_ROLE[role];
}

/** The tab a role lands on, or the one asked for when the role has it. */
export function tabOf(role: StaffMe['role'], asked: string | undefined): Tab {
  const tabs = tabsFor(role);
  return tabs.find((tab) => tab === asked) ?? tabs[0]!;
}

export function configSectionOf(asked: string | undefined): ConfigSection {
  return (Object.keys(CONFIG_SECTIONS) as ConfigSection[]).find((section) => section === asked) ?? DEFAULT_CONFIG_SECTION;
}
