/**
 * Where the project's files are. Found by walking up to the project's package.json rather than
 * relative to this file, so the same code works from the sources (tsx) and from the start bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'lobby') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Lobby's package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'db', 'migrations');
