/**
 * SHA-256 for the ids and file references of dataset imports that must be the same in the CLI, the server
 * and the browser: synchronous, and there also where `crypto.subtle` is missing (a console served over
 * plain http). The hashing is @noble/hashes' audited, dependency-free implementation.
 * @packageDocumentation
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The SHA-256 of bytes, or of a string's UTF-8 bytes (lone surrogates as U+FFFD, as Node and TextEncoder
 * encode them), as 64 lowercase hex digits. Browsers hashing large files may prefer `crypto.subtle` when
 * they have it; the digest is the same.
 */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}
