import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDatabase, undoMigrationsThrough } from '@twinning/testing';
import { delegationsDataSourceOptions } from '../src/database/data-source';

/**
 * The migration to coded allergies and diets on a real database: free text written before it becomes codes, what has
 * no code stays in the note and flags the participant "needs coding"; down() turns the codes back into words.
 */
describe('migration: participants\' free-text allergies and diets become codes (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const org = randomUUID();
  const ids = { dogHair: randomUUID(), mixed: randomUUID(), none: randomUUID() };

  beforeAll(async () => {
    db = await TestDatabase.create('delegations_code_allergies');
    ds = await new DataSource(delegationsDataSourceOptions(db.url)).initialize();
    await ds.runMigrations();
    await undoMigrationsThrough(ds, 'CodeAllergiesAndDiets1766100000000'); // the schema as it was: free text
    const insert = (id: string, allergies: string, diet: string) => ds.query(
      `INSERT INTO participant (id, organisation_id, given_name, family_name, date_of_birth, gender, nationality, allergies, dietary_needs, created_by)
       VALUES ($1, $2, 'A', 'B', '2010-01-01', 'female', 'US', $3, $4, $2)`, [id, org, allergies, diet]);
    await insert(ids.dogHair, 'dog hair', 'Vegetarian; no pork');
    await insert(ids.mixed, 'Cats, peanuts (anaphylaxis); penicillin', 'kosher-style');
    await insert(ids.none, '', '');
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('codes what it recognises, keeps the rest as a note and flags it; down() gives words back', async () => {
    await ds.runMigrations();
    const rows = await ds.query(`SELECT id, allergy_codes, allergy_note, allergies_need_coding, diet_codes, diet_note FROM participant ORDER BY id`);
    const of = (id: string) => rows.find((r: { id: string }) => r.id === id);
    expect(of(ids.dogHair)).toMatchObject({ allergy_codes: ['dog'], allergy_note: '', allergies_need_coding: false, diet_codes: ['vegetarian', 'no-pork'], diet_note: '' });
    expect(of(ids.mixed)).toMatchObject({ allergy_codes: ['cat', 'peanut'], allergy_note: 'peanuts: anaphylaxis; penicillin', allergies_need_coding: true, diet_codes: [], diet_note: 'kosher-style' });
    expect(of(ids.none)).toMatchObject({ allergy_codes: [], allergy_note: '', allergies_need_coding: false });

    await undoMigrationsThrough(ds, 'CodeAllergiesAndDiets1766100000000');
    const back = await ds.query(`SELECT id, allergies, dietary_needs FROM participant WHERE id = $1`, [ids.mixed]);
    expect(back[0]).toMatchObject({ allergies: 'Cats; Peanuts; peanuts: anaphylaxis; penicillin', dietary_needs: 'kosher-style' });
  });
});
