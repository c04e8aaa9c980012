import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

describe('the browser tab title', () => {
  it('puts the page before the app name', () => {
    expect(pageTitle('住户档案', '枫桥')).toBe('住户档案 · 枫桥');
    expect(pageTitle('Households', 'Fengqiao')).toBe('Households · Fengqiao');
  });

  it('is the app name alone when the page has no name yet', () => {
    expect(pageTitle('', '枫桥')).toBe('枫桥');
  });
});
