import { describe, expect, it } from 'vitest';
import { jsonParam } from './source-batch.js';

describe('jsonParam', () => {
  it('is JSON.stringify for ordinary text, emoji included', () => {
    const value = [{ title: 'Ferry fares rise 🚢', body: 'Quoted "twice"\n\nand a back\\slash' }];
    expect(jsonParam(value)).toBe(JSON.stringify(value));
  });

  it('replaces a lone surrogate (which jsonb refuses) with U+FFFD, as a text parameter would store it', () => {
    const json = jsonParam([{ body: 'broken \ud800 pair, fine 🚢, broken \udc00' }]);
    expect(JSON.parse(json)).toEqual([{ body: 'broken \ufffd pair, fine 🚢, broken \ufffd' }]);
  });
});
