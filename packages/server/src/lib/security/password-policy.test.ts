import { describe, expect, it } from 'vitest';
import { checkPasswordComplexity, MIN_PASSWORD_LENGTH } from './password-policy.js';

describe('checkPasswordComplexity', () => {
  it('accepts a long password with three character classes', () => {
    expect(checkPasswordComplexity('Fq-station-2026')).toEqual([]);
    expect(checkPasswordComplexity('correcthorse7Battery')).toEqual([]);
    expect(checkPasswordComplexity('lower-case-and-9')).toEqual([]);
  });

  it('rejects passwords shorter than the minimum', () => {
    const problems = checkPasswordComplexity('Ab1!x');
    expect(problems).toContain(`密码长度不能少于${MIN_PASSWORD_LENGTH}位`);
    expect(checkPasswordComplexity('Abcdef12!')).toHaveLength(1);
    expect(checkPasswordComplexity('Abcdef12!?')).toEqual([]);
  });

  it('counts non-ASCII characters as symbols and by code point for length', () => {
    expect(checkPasswordComplexity('枫桥经验abcdEF12')).toEqual([]);
  });

  it('requires at least three of the four classes', () => {
    expect(checkPasswordComplexity('alllowercaseletters')).toContain(
      '密码须包含小写字母、大写字母、数字、特殊符号中的至少三类',
    );
    expect(checkPasswordComplexity('lowerandUPPERonly')).toHaveLength(1);
    expect(checkPasswordComplexity('lowerUPPER123')).toEqual([]);
  });

  it('rejects passwords containing the username, case-insensitively', () => {
    expect(checkPasswordComplexity('Officer01-Secure!', { username: 'officer01' })).toEqual([
      '密码不能包含用户名',
    ]);
    expect(checkPasswordComplexity('Officer01-Secure!', { username: 'chief' })).toEqual([]);
  });

  it('ignores an empty or blank username', () => {
    expect(checkPasswordComplexity('Fq-station-2026', { username: '' })).toEqual([]);
    expect(checkPasswordComplexity('Fq-station-2026', { username: '   ' })).toEqual([]);
  });

  it('rejects common weak passwords even when they pass the other rules', () => {
    expect(checkPasswordComplexity('P@ssw0rd123')).toEqual(['密码过于常见，容易被猜中，请更换']);
    expect(checkPasswordComplexity('Fengqiao@123')).toEqual(['密码过于常见，容易被猜中，请更换']);
  });

  it('reports every problem at once', () => {
    expect(checkPasswordComplexity('123456', { username: '123' })).toHaveLength(4);
  });
});
