import { describe, expect, it } from 'vitest';
import { foldText, normalizeTitle, stemToken, stripGenderMarkers } from '../../src/referential/normalize.js';

describe('normalizeTitle', () => {
  it('removes accents, case, gender markers and contract noise', () => {
    expect(normalizeTitle('Aide soignant(e) de nuit H/F – CDI 80 %').text).toBe('aide soignant nuit');
    expect(normalizeTitle('AIDE-SOIGNANTE').text).toBe('aide soignant');
    expect(normalizeTitle('Aide-Soignant F/H - CDI - 35h - Temps plein').text).toBe('aide soignant');
    expect(normalizeTitle('aide soignant·e (H/F) urgent débutant accepté').text).toBe('aide soignant');
    expect(normalizeTitle('Infirmier.e - 2000 € brut - 12/05/2026').text).toBe('infirmier');
    expect(normalizeTitle('Éducatrice spécialisée').text).toBe(normalizeTitle('educateur specialise').text);
  });

  it('collapses the ROME "Masculin / Féminin" form', () => {
    expect(normalizeTitle('Aide-soignant / Aide-soignante').text).toBe('aide soignant');
    expect(normalizeTitle('Aide-soignant hospitalier / Aide-soignante hospitalière').text).toBe('aide soignant hospitalier');
    expect(normalizeTitle('Agent / Agente de bio nettoyage hospitalier').text).toBe('agent bio nettoyage hospitalier');
    expect(normalizeTitle('Accompagnant(e) éducatif(ve) et social(e)').text).toBe(normalizeTitle('accompagnante éducative et sociale').text);
    // A slash between unrelated words only separates them.
    expect(normalizeTitle('AMP / AES').text).toBe('amp aes');
  });

  it('keeps context words apart', () => {
    const n = normalizeTitle('AES en MAS');
    expect(n.tokens).toEqual(['aes']);
    expect(n.context).toContain('mas');
    expect(n.sectorContext).toBe(true);
    expect(normalizeTitle('AVS école').context).toContain('ecole');
    expect(normalizeTitle('cuisinier').sectorContext).toBe(false);
    expect(normalizeTitle('cuisinier - résidence personnes âgées').sectorContext).toBe(true);
    expect(normalizeTitle('animateur de foyer rural').sectorContext).toBe(false);
    expect(normalizeTitle('aide soignante de nuit').context).toContain('nuit');
  });

  it('reads dotted acronyms', () => {
    expect(normalizeTitle('A.E.S. en EHPAD').tokens).toEqual(['aes']);
  });

  it('folds gender and plural forms of a token the same way', () => {
    for (const [a, b] of [['soignante', 'soignant'], ['educatrice', 'educateur'], ['infirmiere', 'infirmier'],
      ['agees', 'age'], ['cuisiniere', 'cuisinier'], ['maitresse', 'maitre'], ['sociale', 'social'], ['educative', 'educatif']]) {
      expect(stemToken(a)).toBe(stemToken(b));
    }
  });

  it('foldText strips accents and ligatures; stripGenderMarkers removes H/F', () => {
    expect(foldText('Œuvre Éducative')).toBe('oeuvre educative');
    expect(stripGenderMarkers('vendeur h/f').trim()).toBe('vendeur');
  });
});
