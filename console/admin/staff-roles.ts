/** The staff roles as the console names them, and which of them type a staff code at the kiosk. */
import type { StaffMe } from '../../common/staff.ts';
import type { Text } from '../../ui/i18n.ts';

export const ROLE_NAMES: Record<StaffMe['role'], Text> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  supervisor: { zh: '值班长', en: 'Supervisor' },
  clerk: { zh: '窗口人员', en: 'Counter clerk' },
  guide: { zh: '大厅引导员', en: 'Lobby guide' },
};

/** Guides and supervisors confirm the green channel at the kiosk with a staff code; the server refuses one for others. */
export const usesStaffCode = (role: StaffMe['role']): boolean => role === 'guide' || role === 'supervisor';
