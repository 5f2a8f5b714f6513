import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A partner city of an organisation (sister-city relationship). */
@Entity('partnership')
export class PartnershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  partnerCity!: string;

  /** ISO 3166-1 alpha-2. */
  @Column('char', { length: 2 })
  partnerCountry!: string;

  @Column('text')
  partnerTimeZone!: string;

  /** The partner city's own organisation on this platform, when it has one. */
  @Column('uuid', { nullable: true })
  partnerOrganisationId!: string | null;

  @Column('date')
  establishedOn!: string;

  @Column('text', { array: true, default: '{}' })
  programmeAreas!: string[];

  @Column('text', { default: 'active' })
  status!: string;

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
