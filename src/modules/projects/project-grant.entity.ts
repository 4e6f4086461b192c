import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Membership } from '../members/membership.entity';
import { Role } from '../roles/role.entity';
import { Team } from '../teams/team.entity';
import { Project } from './project.entity';

/** One role on one project for one principal (a user or a team). */
@Entity('project_grants')
@Check('project_grants_one_principal', '(user_id IS NULL) <> (team_id IS NULL)')
@Index('project_grants_project_user', ['projectId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
@Index('project_grants_project_team', ['projectId', 'teamId'], { unique: true, where: 'team_id IS NOT NULL' })
export class ProjectGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** A user's direct grants go with their membership. */
  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organization_id', referencedColumnName: 'organizationId' },
    { name: 'user_id', referencedColumnName: 'userId' },
  ])
  membership?: Membership;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  /** RESTRICT: a custom role still granted cannot be deleted. */
  @Index()
  @Column({ type: 'uuid' })
  roleId: string;

  @ManyToOne(() => Role, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Role;

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}
