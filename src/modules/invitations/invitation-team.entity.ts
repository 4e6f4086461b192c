import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../teams/team.entity';
import { Invitation } from './invitation.entity';

/** A team the invitee joins on acceptance. */
@Entity('invitation_teams')
export class InvitationTeam {
  @PrimaryColumn({ type: 'uuid' })
  invitationId: string;

  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Invitation;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;
}
