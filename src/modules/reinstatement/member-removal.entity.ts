import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TeamRole } from '../../authz/enums';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

export interface RemovedTeamMembership {
  teamId: string;
  role: TeamRole;
}

export interface RemovedProjectGrant {
  projectId: string;
  roleId: string;
}

/**
 * What a member held when they left the organization (removed, or leaving), kept 90 days for
 * a reinstating invitation. The teams, projects and roles are named by id without foreign
 * keys: they may be deleted meanwhile, and a reinstatement restores only what still exists.
 */
@Entity('member_removals')
@Index(['removedAt'])
export class MemberRemoval {
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

  @Column({ type: 'jsonb' })
  teams: RemovedTeamMembership[];

  @Column({ type: 'jsonb' })
  projectGrants: RemovedProjectGrant[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  removedAt: Date;
}
