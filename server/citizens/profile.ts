/** What the H5 page shows of the signed-in WeChat user: registered or not, and the profile masked. */
import { eq } from 'drizzle-orm';
import type { CitizenMe } from '../../common/citizens.ts';
import { maskIdNumber, maskName, maskPhone } from '../../common/mask.ts';
import type { Database } from '../../db/client.ts';
import { citizens } from '../../db/schema.ts';
import type { Principal } from '../auth/principal.ts';
import type { PersonalDataCipher } from '../privacy/personal-data.ts';

export async function citizenMe(
  db: Database,
  privacy: PersonalDataCipher,
  principal: Extract<Principal, { kind: 'citizen' }>,
  csrfToken: string,
): Promise<CitizenMe> {
  let profile: CitizenMe['profile'] = null;
  if (principal.citizenId) {
    const [row] = await db
      .select({ name: citizens.name, idNumberEnc: citizens.idNumberEnc, phoneEnc: citizens.phoneEnc })
      .from(citizens)
      .where(eq(citizens.id, principal.citizenId));
    if (row) {
      profile = {
        name: maskName(row.name),
        idNumber: maskIdNumber(privacy.decrypt(row.idNumberEnc)),
        phone: maskPhone(privacy.decrypt(row.phoneEnc)),
      };
    }
  }
  return { openidBound: true, registered: profile !== null, profile, csrfToken };
}
