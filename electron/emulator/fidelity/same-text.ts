import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';

/** Compares secrets (codes, hashes) in constant time, so response timing does not leak a prefix. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
