import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectPermission } from '../../authz/enums';
import { Organization } from '../organizations/organization.entity';

/** A project role: built-in (no organization) or custom to one organization. */
@ObjectType()
@Entity('roles')
@Index('roles_organization_id_name', { synchronize: false })
export class Role {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => [ProjectPermission])
  @Column({ type: 'text', array: true })
  permissions: ProjectPermission[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => Boolean)
  get builtIn(): boolean {
    return this.organizationId === null;
  }
}
