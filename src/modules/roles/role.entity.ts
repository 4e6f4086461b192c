import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectPermission } from '../../authz/enums';
import { Organization } from '../organizations/organization.entity';

/** A project role: built-in (no organization) or custom to one organization. */
@ObjectType({
  description:
    'A project role: a named set of ProjectPermissions. The built-in roles (View, Use, Owner) are shared by every organization and fixed; custom roles belong to one organization (ROLES_MANAGE).',
})
@Entity('roles')
@Index('roles_organization_id_name', { synchronize: false })
export class Role {
  @Field(() => ID, { description: 'Stable identifier; built-in roles have fixed ids.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String, { description: "Unique within the organization and never a built-in role's name, case-insensitively." })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Free text, at most 1,000 characters.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => [ProjectPermission], { description: 'What the role allows on a project; always includes PROJECT_VIEW.' })
  @Column({ type: 'text', array: true })
  permissions: ProjectPermission[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => Boolean, { description: 'True for View, Use and Owner, which every organization shares and nobody can change.' })
  get builtIn(): boolean {
    return this.organizationId === null;
  }
}
