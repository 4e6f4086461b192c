import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** Every moniker an organization holds, current and former: the primary key keeps them unique across all. */
@Entity('organization_monikers')
export class OrganizationMoniker {
  @PrimaryColumn({ type: 'varchar', length: 39 })
  moniker: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
