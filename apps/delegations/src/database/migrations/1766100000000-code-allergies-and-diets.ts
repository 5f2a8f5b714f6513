import { MigrationInterface, QueryRunner } from 'typeorm';
import { codeFreeText, vocabularyLabel } from '@twinning/contracts';

/**
 * Participants' allergies and diet become codes of the vocabulary (libs/contracts/src/vocabulary), each with a
 * free-text note: rules compare codes, and a word rules cannot read ("dog hair" vs a family's dog) was how a
 * guest with a dog allergy got placed with a dog. What was written is coded once here: recognised words become
 * codes, anything else stays in the note, and an allergy with such a rest is flagged `allergies_need_coding` for a
 * youth manager (host matching keeps that guest away from every family with pets until then).
 */
export class CodeAllergiesAndDiets1766100000000 implements MigrationInterface {
  name = 'CodeAllergiesAndDiets1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant
      ADD COLUMN allergy_codes text[] NOT NULL DEFAULT '{}', ADD COLUMN allergy_note text NOT NULL DEFAULT '',
      ADD COLUMN allergies_need_coding boolean NOT NULL DEFAULT false,
      ADD COLUMN diet_codes text[] NOT NULL DEFAULT '{}', ADD COLUMN diet_note text NOT NULL DEFAULT ''`);
    const rows = (await q.query(`SELECT id, allergies, dietary_needs FROM participant WHERE allergies <> '' OR dietary_needs <> ''`)) as { id: string; allergies: string; dietary_needs: string }[];
    for (const r of rows) {
      const a = codeFreeText('allergens', r.allergies);
      const d = codeFreeText('diets', r.dietary_needs);
      await q.query(`UPDATE participant SET allergy_codes = $2, allergy_note = $3, allergies_need_coding = $4, diet_codes = $5, diet_note = $6 WHERE id = $1`,
        [r.id, a.codes, a.note, a.uncoded.length > 0, d.codes, d.note]);
    }
    await q.query(`CREATE INDEX participant_allergies_need_coding_idx ON participant (organisation_id) WHERE allergies_need_coding`);
    await q.query(`ALTER TABLE participant DROP COLUMN allergies, DROP COLUMN dietary_needs`);
  }

  /** Back to free text: the codes' English labels, then the note. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ADD COLUMN dietary_needs text NOT NULL DEFAULT '', ADD COLUMN allergies text NOT NULL DEFAULT ''`);
    const rows = (await q.query(`SELECT id, allergy_codes, allergy_note, diet_codes, diet_note FROM participant`)) as
      { id: string; allergy_codes: string[]; allergy_note: string; diet_codes: string[]; diet_note: string }[];
    const text = (kind: 'allergens' | 'diets', codes: string[], note: string) => [...codes.map((c) => vocabularyLabel(kind, c, 'en')), ...(note ? [note] : [])].join('; ');
    for (const r of rows) {
      await q.query(`UPDATE participant SET allergies = $2, dietary_needs = $3 WHERE id = $1`, [r.id, text('allergens', r.allergy_codes, r.allergy_note), text('diets', r.diet_codes, r.diet_note)]);
    }
    await q.query(`DROP INDEX participant_allergies_need_coding_idx`);
    await q.query(`ALTER TABLE participant DROP COLUMN allergy_codes, DROP COLUMN allergy_note, DROP COLUMN allergies_need_coding, DROP COLUMN diet_codes, DROP COLUMN diet_note`);
  }
}
