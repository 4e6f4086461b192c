import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '../projects/project.entity';
import { Role } from '../roles/role.entity';
import { Invitation } from './invitation.entity';

/** A project role the invitee receives on acceptance. */
@Entity('invitation_project_grants')
export class InvitationProjectGrant {
  @PrimaryColumn({ type: 'uuid' })
  invitationId: string;

  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @Index()
  @Column({ type: 'uuid' })
  roleId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Invitation;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @ManyToOne(() => Role, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role?: Role;
}
