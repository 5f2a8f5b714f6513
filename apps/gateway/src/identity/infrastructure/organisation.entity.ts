import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A member organisation (a tenant), e.g. "Tacoma Sister Cities". */
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  city!: string;

  /** ISO 3166-1 alpha-2. */
  @Column('text')
  country!: string;

  /** IANA time zone. */
  @Column('text')
  timeZone!: string;

  /** BCP 47. */
  @Column('text')
  defaultLanguage!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
