import { describe, expect, it } from 'vitest';
import { findKnownOutlet, normalizeTitle, normalizeUrl } from './index.js';

describe('known outlets', () => {
  it('finds outlets by name, alias, domain and url', () => {
    expect(findKnownOutlet('FT')?.name).toBe('Financial Times');
    expect(findKnownOutlet('the financial times')?.name).toBe('Financial Times');
    expect(findKnownOutlet('ft.com')?.name).toBe('Financial Times');
    expect(findKnownOutlet('https://www.wsj.com/world/x')).toMatchObject({
      name: 'The Wall Street Journal',
      aliases: expect.arrayContaining(['The Journal']),
    });
    expect(findKnownOutlet('tass.ru')).toMatchObject({ name: 'TASS', kind: 'WIRE_AGENCY', domain: 'tass.com' });
    expect(findKnownOutlet('edition.cnn.com')?.name).toBe('CNN');
    expect(findKnownOutlet('bbc.co.uk')?.name).toBe('BBC');
    expect(findKnownOutlet('AP')?.kind).toBe('WIRE_AGENCY');
    expect(findKnownOutlet('Northgate Gazette')).toBeNull();
    expect(findKnownOutlet('Kremlin')).toBeNull();
  });
});

describe('normalization', () => {
  it('normalizes titles for matching', () => {
    expect(normalizeTitle('  “Kremlin’s Café”: Talks — Resume!  ')).toBe('kremlins cafe talks resume');
    expect(normalizeTitle('Ferry Fares Rise')).toBe(normalizeTitle('ferry fares   rise.'));
  });

  it('normalizes urls for matching', () => {
    expect(normalizeUrl('https://WWW.Example.org/a/b/?utm_source=x&id=3&utm_medium=y#top')).toBe(
      'https://example.org/a/b?id=3',
    );
    expect(normalizeUrl('https://example.org/')).toBe('https://example.org');
    expect(normalizeUrl('not a url ')).toBe('not a url');
  });
});
