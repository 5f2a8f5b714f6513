import { MigrationInterface, QueryRunner } from 'typeorm';
import { codeFreeText, vocabularyLabel } from '@twinning/contracts';

/**
 * Pets, allergies and diets become codes of the vocabulary (libs/contracts/src/vocabulary): the hard rules compare
 * codes, never words ("dog hair" against a family's "dog" was no match). What was stored is coded once here:
 * - participants' read model (`hm_participant`, from the v1 matching profile): recognised entries become codes, the
 *   rest goes to the note and `allergies_need_coding` (the guest goes to no family with pets until delegations
 *   sends a coded profile);
 * - families: a pet nobody has a code for counts as `other-furry` (the cautious reading: it still keeps away a guest
 *   allergic to furry animals) and is kept in `pets_note`; an unknown diet goes to `diets_note` (diets only score).
 */
export class CodePetsAllergiesDiets1766100000000 implements MigrationInterface {
  name = 'CodePetsAllergiesDiets1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hm_participant ADD COLUMN allergy_note text NOT NULL DEFAULT '', ADD COLUMN allergies_need_coding boolean NOT NULL DEFAULT false,
      ADD COLUMN diet_note text NOT NULL DEFAULT ''`);
    const guests = (await q.query(`SELECT id, allergies, diet FROM hm_participant WHERE cardinality(allergies) > 0 OR cardinality(diet) > 0`)) as { id: string; allergies: string[]; diet: string[] }[];
    for (const g of guests) {
      const a = codeFreeText('allergens', g.allergies.join('; '));
      const d = codeFreeText('diets', g.diet.join('; '));
      await q.query(`UPDATE hm_participant SET allergies = $2, allergy_note = $3, allergies_need_coding = $4, diet = $5, diet_note = $6 WHERE id = $1`,
        [g.id, a.codes, a.note, a.uncoded.length > 0, d.codes, d.note]);
    }
    await q.query(`ALTER TABLE host_family ADD COLUMN pets_note text NOT NULL DEFAULT '', ADD COLUMN diets_note text NOT NULL DEFAULT ''`);
    const families = (await q.query(`SELECT id, pets, diets FROM host_family WHERE cardinality(pets) > 0 OR cardinality(diets) > 0`)) as { id: string; pets: string[]; diets: string[] }[];
    for (const f of families) {
      const p = codeFreeText('pets', f.pets.join('; '));
      const d = codeFreeText('diets', f.diets.join('; '));
      const pets = p.uncoded.length && !p.codes.includes('other-furry') ? [...p.codes, 'other-furry'] : p.codes;
      await q.query(`UPDATE host_family SET pets = $2, pets_note = $3, diets = $4, diets_note = $5 WHERE id = $1`, [f.id, pets, p.note, d.codes, d.note]);
    }
  }

  /** Back to words: each code's English label (lower-case), then the note's entries. */
  async down(q: QueryRunner): Promise<void> {
    const words = (kind: 'pets' | 'allergens' | 'diets', codes: string[], note: string) =>
      [...codes.map((c) => vocabularyLabel(kind, c, 'en').toLowerCase()), ...note.split(';').map((s) => s.trim()).filter(Boolean)];
    const guests = (await q.query(`SELECT id, allergies, allergy_note, diet, diet_note FROM hm_participant`)) as { id: string; allergies: string[]; allergy_note: string; diet: string[]; diet_note: string }[];
    for (const g of guests) {
      await q.query(`UPDATE hm_participant SET allergies = $2, diet = $3 WHERE id = $1`, [g.id, words('allergens', g.allergies, g.allergy_note), words('diets', g.diet, g.diet_note)]);
    }
    const families = (await q.query(`SELECT id, pets, pets_note, diets, diets_note FROM host_family`)) as { id: string; pets: string[]; pets_note: string; diets: string[]; diets_note: string }[];
    for (const f of families) {
      await q.query(`UPDATE host_family SET pets = $2, diets = $3 WHERE id = $1`, [f.id, words('pets', f.pets, f.pets_note), words('diets', f.diets, f.diets_note)]);
    }
    await q.query(`ALTER TABLE host_family DROP COLUMN pets_note, DROP COLUMN diets_note`);
    await q.query(`ALTER TABLE hm_participant DROP COLUMN allergy_note, DROP COLUMN allergies_need_coding, DROP COLUMN diet_note`);
  }
}
