import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDatabase, undoMigrationsThrough } from '@twinning/testing';
import { hostMatchingDataSourceOptions } from '../src/database/data-source';

/**
 * The migration to coded pets, allergies and diets on a real database: the matching profiles host matching stored
 * (words) and the families' pets and diets become codes; an allergy word with no code flags the guest, a pet with
 * no code counts as another furry animal; down() turns the codes back into words.
 */
describe('migration: stored pets, allergies and diets become codes (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const org = randomUUID();
  const guests = { dogHair: randomUUID(), unknown: randomUUID() };
  const families = { dog: randomUUID(), axolotl: randomUUID() };

  beforeAll(async () => {
    db = await TestDatabase.create('host_matching_code_pets');
    ds = await new DataSource(hostMatchingDataSourceOptions(db.url)).initialize();
    await ds.runMigrations();
    await undoMigrationsThrough(ds, 'CodePetsAllergiesDiets1766100000000');
    const guest = (id: string, allergies: string[], diet: string[]) => ds.query(
      `INSERT INTO hm_participant (id, organisation_id, given_name, family_name, date_of_birth, gender, nationality, diet, allergies, last_event_at)
       VALUES ($1, $2, 'A', 'B', '2010-01-01', 'female', 'MX', $3, $4, now())`, [id, org, diet, allergies]);
    await guest(guests.dogHair, ['dog hair'], ['halal']);
    await guest(guests.unknown, ['the fluffy ones', 'peanuts'], []);
    const family = (id: string, pets: string[], diets: string[]) => ds.query(
      `INSERT INTO host_family (id, organisation_id, name, address, latitude, longitude, bedrooms, beds, pets, diets, created_by)
       VALUES ($1, $2, 'F', 'Street 1', 47.2, -122.4, 1, 1, $3, $4, $2)`, [id, org, pets, diets]);
    await family(families.dog, ['Dogs', 'goldfish'], ['vegetarian', 'omnivore']);
    await family(families.axolotl, ['axolotl'], []);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('codes guests and families, flags what has no code, and down() gives words back', async () => {
    await ds.runMigrations();
    const g = await ds.query(`SELECT id, allergies, allergy_note, allergies_need_coding, diet FROM hm_participant`);
    const guest = (id: string) => g.find((r: { id: string }) => r.id === id);
    expect(guest(guests.dogHair)).toMatchObject({ allergies: ['dog'], allergies_need_coding: false, diet: ['halal'] });
    expect(guest(guests.unknown)).toMatchObject({ allergies: ['peanut'], allergy_note: 'the fluffy ones', allergies_need_coding: true });
    const f = await ds.query(`SELECT id, pets, pets_note, diets, diets_note FROM host_family`);
    const family = (id: string) => f.find((r: { id: string }) => r.id === id);
    expect(family(families.dog)).toMatchObject({ pets: ['dog', 'fish'], pets_note: '', diets: ['vegetarian'], diets_note: 'omnivore' });
    expect(family(families.axolotl)).toMatchObject({ pets: ['other-furry'], pets_note: 'axolotl' });

    await undoMigrationsThrough(ds, 'CodePetsAllergiesDiets1766100000000');
    const back = await ds.query(`SELECT allergies FROM hm_participant WHERE id = $1`, [guests.unknown]);
    expect(back[0].allergies).toEqual(['peanuts', 'the fluffy ones']);
  });
});
