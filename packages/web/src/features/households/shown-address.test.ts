import { describe, expect, it } from 'vitest';
import { shownAddress } from './shown-address';

describe('shownAddress', () => {
  it('shows the door when the server gave it, the mask otherwise', () => {
    expect(shownAddress({ address: '甲村桥头3幢101室', addressMasked: '甲村桥头****' })).toBe(
      '甲村桥头3幢101室',
    );
    expect(shownAddress({ address: null, addressMasked: '甲村桥头****' })).toBe('甲村桥头****');
  });
});
