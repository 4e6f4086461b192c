import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { columnIsOneOf } from '../../db/checks';
import { OrganizationRole } from '../../authz/enums';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

/** A user's place in an organization; exposed as `Member`. */
// simpleResolvers: its plain fields are read as properties, without type-graphql's wrapper (a members page reads hundreds);
// joinedAt, named unlike its property, keeps the wrapper, which reads the property.
@ObjectType('Member', { simpleResolvers: true, description: "A user's membership of an organization, with their organization role." })
@Entity('memberships')
@Index(['userId', 'createdAt'])
@Check('memberships_role', columnIsOneOf('role', OrganizationRole))
@Index(['organizationId', 'createdAt'])
export class Membership {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The member's teams (entities of the teams module), by name, when a members page read them in its statement; `Member.teams` uses them. Not a column. */
  pageTeams?: object[];

  @Field(() => OrganizationRole, { description: 'Their organization role, which decides their organization permissions.' })
  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @Field(() => Date, { name: 'joinedAt', simple: false, description: 'When they became a member.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}
