import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One activity of a delegation's itinerary. The wall-clock times (`timestamp`, no zone) are written
 * as `YYYY-MM-DDTHH:mm:ss` strings and read back with `to_char` (see ActivityRows), never through
 * the driver's Date parsing, which would apply the server process's own zone.
 */
@Entity('activity')
export class ActivityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  delegationId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  venue!: string;

  @Column('text')
  address!: string;

  @Column('timestamp')
  startsLocal!: string;

  @Column('timestamp')
  endsLocal!: string;

  @Column('text')
  timeZone!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('boolean')
  allMembers!: boolean;

  @Column('uuid', { array: true })
  attendeeMemberIds!: string[];

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
