import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/text/sha256';

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of Arabic text', () => {
    // python3 -c 'import hashlib;print(hashlib.sha256("حاشية".encode()).hexdigest())'
    expect(sha256Hex('حاشية')).toBe('c91082ead4c24fc3656f62dcc906ed88c750ab30eeba4a627619a38c11adf194');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
