/**
 * ID numbers and phones at rest: AES-256-GCM for the value (only staff who need it ever see it
 * decrypted) and HMAC-SHA-256 for lookups and uniqueness. Both keys derive from one master key
 * (`LOBBY_DATA_KEY`), so rotating it is one setting; stored values carry a version prefix for that.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export interface PersonalDataCipher {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url; a new IV every time, so equal values look different. */
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** Keyed hash for lookups: equal inputs give equal hashes, and nobody without the key can test a guess. */
  hash(kind: 'id_number' | 'phone' | 'ip' | 'other', value: string): string;
}

export function createPersonalDataCipher(masterKey: Buffer): PersonalDataCipher {
  if (masterKey.length !== 32) throw new Error('The personal data key must be 32 bytes.');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encryptionKey = derive('lobby personal data encryption');
  const hashKey = derive('lobby personal data lookup');
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown personal data format');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    hash(kind, value) {
      return createHmac('sha256', hashKey).update(`${kind}:${value}`).digest('base64url');
    },
  };
}

/** Reads `LOBBY_DATA_KEY` (32 bytes, base64 or hex). */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('LOBBY_DATA_KEY must be 32 bytes, as 64 hex digits or base64.');
  return key;
}

/**
 * For development: a key made on first start and kept in `dataDir/data-key` (mode 600). Production
 * sets `LOBBY_DATA_KEY` instead; losing the key loses every stored ID number and phone.
 */
export function developmentDataKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'data-key');
  if (existsSync(file)) return parseDataKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
