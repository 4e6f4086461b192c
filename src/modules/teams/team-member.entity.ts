import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { columnIsOneOf } from '../../db/checks';
import { TeamRole } from '../../authz/enums';
import { Membership } from '../members/membership.entity';
import { Team } from './team.entity';

/** Team membership; tied to the organization membership so removing a member removes it. */
@ObjectType('TeamMember', { description: 'A member of a team, with their role in it.' })
@Entity('team_members')
@Index(['organizationId', 'userId'])
// A user's teams across organizations, as visibility checks ask (`team_id IN (… WHERE user_id = $viewer)`).
@Index(['userId', 'teamId'])
@Check('team_members_role', columnIsOneOf('role', TeamRole))
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organization_id', referencedColumnName: 'organizationId' },
    { name: 'user_id', referencedColumnName: 'userId' },
  ])
  membership?: Membership;

  @Field(() => TeamRole, { description: 'TEAM_ADMIN manages the team; TEAM_MEMBER does not.' })
  @Column({ type: 'varchar', length: 16 })
  role: TeamRole;

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}
