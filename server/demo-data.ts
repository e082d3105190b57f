/**
 * Demo data for a first start: the four Yingtan outlets of DOMAIN.md, the service catalogue with its
 * required materials, counters, one staff member of each role, and a paired kiosk and display.
 * Runs only on an empty database (no outlets), inside one transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import {
  capacityPlans, counterServices, counters, devices, outletServices, outlets, serviceGroups, services,
  serviceSteps, staff, staffOutlets, type Bilingual, type OpeningHours, type StaffRole,
} from '../db/schema.ts';
import { hashPassword } from './auth/password.ts';

export const DEMO_PASSWORD = 'lobby-demo-2026';
export const DEMO_GUIDE_CODE = '246810';

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

const WEEKDAYS_ONLY = (periods: { open: string; close: string }[]): OpeningHours => ({
  '1': periods, '2': periods, '3': periods, '4': periods, '5': periods,
});
const OFFICE_HOURS = WEEKDAYS_ONLY([{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }]);
const POINT_HOURS = WEEKDAYS_ONLY([{ open: '09:00', close: '12:00' }, { open: '14:30', close: '17:00' }]);

const OUTLETS = [
  {
    id: 'yt-dmv', kind: 'office' as const,
    name: bi('鹰潭市公安局交警支队车辆管理所', 'Yingtan Traffic Police Detachment Vehicle Management Office'),
    address: bi('鹰潭市交警支队车辆管理所（演示数据，地址以官方公布为准）', 'Yingtan detachment vehicle management office (demo data; see the official notice for the address)'),
    route: bi('到达后请在大厅自助取号机取号。', 'On arrival, take a ticket at the lobby kiosk.'),
    openingHours: OFFICE_HOURS, walkInsAllowed: true,
  },
  {
    id: 'yt-zhishu', kind: 'service_point' as const,
    name: bi('交警支队直属大队便民服务点', 'Convenience Service Point of the Brigade Directly under the Detachment'),
    address: bi('月湖区龙虎山大道1号', 'No. 1 Longhushan Avenue, Yuehu District'),
    route: bi('龙虎山大道1号直属大队院内。', 'Inside the directly-affiliated brigade compound at No. 1 Longhushan Avenue.'),
    openingHours: POINT_HOURS, walkInsAllowed: true,
  },
  {
    id: 'yt-xinjiang', kind: 'service_point' as const,
    name: bi('交警支队信江大队便民服务点', 'Xinjiang Brigade Convenience Service Point'),
    address: bi('信江新区鹰潭大道与樟乡路交叉口往北100米', '100 m north of the crossing of Yingtan Avenue and Zhangxiang Road, Xinjiang New District'),
    route: bi('从鹰潭大道与樟乡路交叉口向北步行约100米，路东侧信江大队。', 'From the crossing of Yingtan Avenue and Zhangxiang Road walk about 100 m north; the Xinjiang Brigade is on the east side.'),
    openingHours: POINT_HOURS, walkInsAllowed: false,
  },
  {
    id: 'yt-gaoxin', kind: 'service_point' as const,
    name: bi('交警支队高新大队便民服务点', 'High-tech Brigade Convenience Service Point'),
    address: bi('高新区聚能路（白露派出所）', 'Juneng Road, High-tech Zone (Bailu police station)'),
    route: bi('聚能路白露派出所内。', 'Inside the Bailu police station on Juneng Road.'),
    openingHours: POINT_HOURS, walkInsAllowed: true,
  },
];

const GROUPS = [
  { id: 'vehicle', prefix: 'A', name: bi('机动车业务', 'Motor vehicle business') },
  { id: 'licence', prefix: 'B', name: bi('驾驶证业务', 'Driving licence business') },
  { id: 'violation', prefix: 'C', name: bi('违法处理', 'Traffic violations') },
  { id: 'ebike', prefix: 'E', name: bi('电动自行车业务', 'Electric bicycle business') },
];

const ID_CARD = bi('本人居民身份证原件', "The applicant's own resident ID card (original)");
const VEHICLE_CERT = bi('机动车登记证书', 'Motor vehicle registration certificate');
const DRIVING_PERMIT = bi('机动车行驶证', 'Vehicle driving permit');
const PHOTO = bi('近期一寸白底证件照', 'A recent one-inch passport photo on white');
const INSURANCE = bi('交强险凭证', 'Compulsory traffic insurance certificate');

interface ServiceSeed {
  id: string; group: string; name: Bilingual; description: Bilingual; minutes: number;
  materials: Bilingual[]; bookable?: boolean; steps?: string[];
}

const SERVICES: ServiceSeed[] = [
  { id: 'mv-registration', group: 'vehicle', name: bi('机动车注册登记', 'Motor vehicle registration'),
    description: bi('新车上牌：查验、受理、缴费、发牌一票到底。', 'New vehicle plates: inspection, acceptance, payment and issuing on one ticket.'),
    minutes: 25, materials: [ID_CARD, bi('机动车整车出厂合格证或进口凭证', 'Certificate of conformity or import papers'), bi('购车发票', 'Purchase invoice'), bi('车辆购置税完税证明', 'Vehicle purchase tax certificate'), INSURANCE],
    steps: ['mv-inspection', 'mv-acceptance', 'mv-payment', 'mv-issuing'] },
  { id: 'mv-alteration', group: 'vehicle', name: bi('机动车变更登记', 'Change of vehicle registration'),
    description: bi('改变车身颜色、更换发动机等。', 'Change of colour, engine replacement and similar.'),
    minutes: 15, materials: [ID_CARD, VEHICLE_CERT, DRIVING_PERMIT] },
  { id: 'mv-transfer', group: 'vehicle', name: bi('机动车转移登记（过户）', 'Transfer of ownership'),
    description: bi('二手车过户。', 'Transfer of a used vehicle to a new owner.'),
    minutes: 20, materials: [bi('双方居民身份证原件', 'Both parties\' resident ID cards (originals)'), VEHICLE_CERT, DRIVING_PERMIT, bi('二手车销售统一发票', 'Used vehicle sales invoice')] },
  { id: 'mv-mortgage', group: 'vehicle', name: bi('机动车抵押/解除抵押登记', 'Mortgage registration and release'),
    description: bi('办理车辆抵押或解押。', 'Register or release a vehicle mortgage.'),
    minutes: 15, materials: [ID_CARD, VEHICLE_CERT, bi('抵押合同', 'Mortgage contract')] },
  { id: 'mv-cancellation', group: 'vehicle', name: bi('机动车注销登记', 'Cancellation of registration'),
    description: bi('报废、灭失等注销。', 'Cancellation for scrapping, loss and similar.'),
    minutes: 15, materials: [ID_CARD, VEHICLE_CERT, bi('报废机动车回收证明', 'Scrap vehicle recycling certificate')] },
  { id: 'mv-transfer-out', group: 'vehicle', name: bi('机动车转出（转籍）', 'Transfer to another office'),
    description: bi('车辆迁出本市。', 'Move a vehicle\'s registration to another city.'),
    minutes: 20, materials: [ID_CARD, VEHICLE_CERT, DRIVING_PERMIT] },
  { id: 'plate-preselection', group: 'vehicle', name: bi('号牌预选', 'Licence plate pre-selection'),
    description: bi('现场选号。', 'Choose a plate number on site.'),
    minutes: 10, materials: [ID_CARD, bi('购车发票', 'Purchase invoice')] },
  { id: 'mv-inspection', group: 'vehicle', name: bi('机动车查验', 'Vehicle inspection'),
    description: bi('查验车辆。', 'Vehicle inspection.'), minutes: 10, materials: [], bookable: false },
  { id: 'mv-acceptance', group: 'vehicle', name: bi('业务受理', 'Acceptance'),
    description: bi('窗口受理审核资料。', 'Counter checks and accepts the papers.'), minutes: 10, materials: [], bookable: false },
  { id: 'mv-payment', group: 'vehicle', name: bi('缴费', 'Payment'),
    description: bi('缴纳工本费。', 'Pay the fees.'), minutes: 3, materials: [], bookable: false },
  { id: 'mv-issuing', group: 'vehicle', name: bi('发牌发证', 'Plates and papers issued'),
    description: bi('领取号牌和行驶证。', 'Collect plates and driving permit.'), minutes: 5, materials: [], bookable: false },
  { id: 'dl-application', group: 'licence', name: bi('驾驶证申领', 'Driving licence application'),
    description: bi('考试合格后申领驾驶证。', 'Apply for a licence after passing the tests.'),
    minutes: 10, materials: [ID_CARD, PHOTO, bi('体检证明', 'Medical certificate')] },
  { id: 'dl-replacement', group: 'licence', name: bi('驾驶证补领', 'Licence replacement'),
    description: bi('驾驶证遗失或损毁补领。', 'Replace a lost or damaged licence.'), minutes: 10, materials: [ID_CARD, PHOTO] },
  { id: 'dl-renewal', group: 'licence', name: bi('驾驶证换证', 'Licence renewal'),
    description: bi('有效期满换证。', 'Renew an expiring licence.'), minutes: 10, materials: [ID_CARD, PHOTO, bi('体检证明', 'Medical certificate')] },
  { id: 'dl-verification', group: 'licence', name: bi('驾驶证审验', 'Licence verification'),
    description: bi('驾驶证审验教育。', 'Licence verification.'), minutes: 10, materials: [ID_CARD, bi('驾驶证', 'Driving licence')] },
  { id: 'violation', group: 'violation', name: bi('交通违法处理', 'Traffic violation handling'),
    description: bi('处理交通技术监控记录等。', 'Settle recorded traffic violations.'), minutes: 8, materials: [ID_CARD, bi('驾驶证', 'Driving licence'), DRIVING_PERMIT] },
  { id: 'ebike-registration', group: 'ebike', name: bi('电动自行车注册登记', 'Electric bicycle registration'),
    description: bi('电动自行车上牌。', 'Plates for an electric bicycle.'),
    minutes: 8, materials: [ID_CARD, bi('购车发票', 'Purchase invoice'), bi('产品合格证', 'Certificate of conformity')] },
];

const ALL_OFFICE_SERVICES = SERVICES.map((s) => s.id);
const POINT_SERVICES = ['ebike-registration'];

/** The office's counters: number → services it handles. */
const OFFICE_COUNTERS: [number, string[]][] = [
  [1, ['mv-registration', 'mv-acceptance', 'mv-alteration', 'mv-transfer', 'mv-mortgage', 'mv-cancellation', 'mv-transfer-out']],
  [2, ['mv-registration', 'mv-acceptance', 'mv-alteration', 'mv-transfer', 'plate-preselection']],
  [3, ['mv-inspection']],
  [4, ['mv-payment']],
  [5, ['mv-issuing']],
  [6, ['dl-application', 'dl-replacement', 'dl-renewal', 'dl-verification']],
  [7, ['dl-application', 'dl-replacement', 'dl-renewal', 'dl-verification', 'violation']],
  [8, ['violation', 'ebike-registration']],
];

const STAFF: { username: string; name: string; role: StaffRole; outlets: string[] }[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', outlets: OUTLETS.map((o) => o.id) },
  { username: 'supervisor', name: '值班长', role: 'supervisor', outlets: ['yt-dmv'] },
  { username: 'clerk', name: '窗口一', role: 'clerk', outlets: ['yt-dmv'] },
  { username: 'clerk2', name: '窗口二', role: 'clerk', outlets: ['yt-dmv'] },
  { username: 'guide', name: '大厅引导员', role: 'guide', outlets: ['yt-dmv'] },
  { username: 'point-clerk', name: '服务点窗口', role: 'clerk', outlets: ['yt-zhishu', 'yt-xinjiang', 'yt-gaoxin'] },
];

export interface DemoDevice {
  kind: 'kiosk' | 'display';
  outletId: string;
  /** The plaintext token; only its hash is in the database. */
  token: string;
}

export interface SeedResult {
  staff: { username: string; role: StaffRole }[];
  devices: DemoDevice[];
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface DemoSecrets {
  passwordHash: string;
  guideCodeHash: string;
}

/**
 * The demo password and guide code, hashed. scrypt is slow on purpose, so a start begins this while
 * the database opens. Every demo account has the same (printed) password: one hash serves them all.
 */
export async function hashDemoSecrets(): Promise<DemoSecrets> {
  const [passwordHash, guideCodeHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(DEMO_GUIDE_CODE)]);
  return { passwordHash, guideCodeHash };
}

/** Seeds the demo into an empty database; returns undefined when there was something already. */
export async function seedDemoData(db: Database, secrets: Promise<DemoSecrets> | DemoSecrets = hashDemoSecrets()): Promise<SeedResult | undefined> {
  const existing = await db.select({ id: outlets.id }).from(outlets).limit(1);
  if (existing.length > 0) return undefined;
  // Hashed before the transaction: PGlite runs one transaction at a time.
  const { passwordHash, guideCodeHash } = await secrets;
  const demoDevices: DemoDevice[] = [
    { kind: 'kiosk', outletId: 'yt-dmv', token: randomBytes(32).toString('base64url') },
    { kind: 'display', outletId: 'yt-dmv', token: randomBytes(32).toString('base64url') },
  ];

  await db.transaction(async (tx) => {
    await tx.insert(outlets).values(OUTLETS);
    await tx.insert(serviceGroups).values(GROUPS);
    await tx.insert(services).values(SERVICES.map((s, i) => ({
      id: s.id, groupId: s.group, name: s.name, description: s.description, averageMinutes: s.minutes,
      requiredMaterials: s.materials, bookable: s.bookable ?? true, sortOrder: i,
    })));
    await tx.insert(serviceSteps).values(SERVICES.flatMap((s) =>
      (s.steps ?? []).map((step, i) => ({ serviceId: s.id, position: i + 1, stepServiceId: step }))));
    await tx.insert(outletServices).values(OUTLETS.flatMap((o) =>
      (o.kind === 'office' ? ALL_OFFICE_SERVICES : POINT_SERVICES).map((serviceId) => ({ outletId: o.id, serviceId }))));
    await tx.insert(capacityPlans).values([
      ...GROUPS.map((g) => ({ outletId: 'yt-dmv', groupId: g.id, slotMinutes: 30, capacity: g.id === 'vehicle' ? 12 : 8 })),
      ...OUTLETS.filter((o) => o.kind === 'service_point').map((o) => ({ outletId: o.id, groupId: 'ebike', slotMinutes: 30, capacity: 6 })),
    ]);

    const officeCounters = await tx.insert(counters).values(OFFICE_COUNTERS.map(([number]) => ({
      outletId: 'yt-dmv', number, name: bi(`${number}号窗口`, `Counter ${number}`),
    }))).returning({ id: counters.id, number: counters.number });
    const pointCounters = await tx.insert(counters).values(OUTLETS.filter((o) => o.kind === 'service_point').map((o) => ({
      outletId: o.id, number: 1, name: bi('1号窗口', 'Counter 1'),
    }))).returning({ id: counters.id });
    await tx.insert(counterServices).values([
      ...officeCounters.flatMap((c) => (OFFICE_COUNTERS.find(([n]) => n === c.number)?.[1] ?? []).map((serviceId) => ({ counterId: c.id, serviceId }))),
      ...pointCounters.map((c) => ({ counterId: c.id, serviceId: 'ebike-registration' })),
    ]);

    const staffRows = await tx.insert(staff).values(STAFF.map((s) => ({
      username: s.username, displayName: s.name, role: s.role, passwordHash,
      staffCodeHash: s.role === 'guide' ? guideCodeHash : null,
    }))).returning({ id: staff.id, username: staff.username });
    await tx.insert(staffOutlets).values(staffRows.flatMap((row) =>
      (STAFF.find((s) => s.username === row.username)?.outlets ?? []).map((outletId) => ({ staffId: row.id, outletId }))));

    const now = new Date();
    await tx.insert(devices).values(demoDevices.map((d) => ({
      kind: d.kind, outletId: d.outletId, name: d.kind === 'kiosk' ? '演示取号机 Demo kiosk' : '演示大屏 Demo display',
      status: 'active' as const, tokenHash: hashDeviceToken(d.token), pairedAt: now,
    })));
  });

  return { staff: STAFF.map((s) => ({ username: s.username, role: s.role })), devices: demoDevices };
}
