import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appShellPolicy, tileOrigin } from './content-security-policy.js';

describe('content security policy', () => {
  it('names the tile server by origin, or by scheme when the host is a template', () => {
    expect(tileOrigin('https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}')).toBe(
      'https://t0.tianditu.gov.cn',
    );
    expect(tileOrigin('http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png')).toBe('http://10.1.2.3:8080');
    expect(tileOrigin('https://{s}.tiles.example.cn/{z}/{x}/{y}.png')).toBe('https:');
    expect(tileOrigin('not a url')).toBe('https:');
  });

  it('allows the inline config script by its hash and nothing else inline', () => {
    const script = 'window.FENGQIAO_CONFIG = {};';
    const policy = appShellPolicy(script, 'https://tiles.example.cn/{z}/{x}/{y}.png');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("img-src 'self' data: blob: https://tiles.example.cn");
    expect(policy).toContain("connect-src 'self' https://tiles.example.cn");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
