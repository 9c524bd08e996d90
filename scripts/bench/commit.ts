/**
 * The commit a benchmark ran on, as its figures name it: the short hash, and "+ local changes" when the working
 * tree differs from it (figures of uncommitted code must say so).
 */
import { execFileSync } from 'node:child_process';
import { RAIZ } from '../lib/local.ts';

export function commitMedido(): string {
  try {
    const h = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: RAIZ, encoding: 'utf8' }).trim();
    const sucio = execFileSync('git', ['status', '--porcelain'], { cwd: RAIZ, encoding: 'utf8' }).trim() !== '';
    return sucio ? `${h} + local changes` : h;
  } catch {
    return '?';
  }
}
