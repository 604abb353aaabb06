import { describe, expect, it } from 'vitest';
import { isEnglish } from '../../lib/language';
import { PAIRS } from '../claims/pairs';

describe('isEnglish', () => {
  it('accepts English news sentences, short ones included', () => {
    for (const p of PAIRS) expect(isEnglish(p.page), p.page).toBe(true);
  });
  it('refuses Italian, French, German and Spanish news sentences', () => {
    for (const s of [
      'Il presidente ucraino Zelensky ha detto sabato che Kiev spera di tenere un vertice negli Stati Uniti entro la fine di gennaio.',
      'Les conseillers de sécurité se sont réunis lundi à Kiev pour discuter du plan de paix américain.',
      'Der ukrainische Präsident sagte am Samstag, dass die Ukraine einen Gipfel in den USA anstrebt.',
      'Los asesores de seguridad de los aliados de Ucrania se reunieron el lunes en Kiev.',
    ])
      expect(isEnglish(s), s).toBe(false);
  });
});
