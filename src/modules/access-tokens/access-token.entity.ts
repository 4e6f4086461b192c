import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationPermission, ProjectPermission } from '../../authz/enums';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

/** The unique index that keeps a user's token names apart (CONFLICT). */
export const ACCESS_TOKEN_NAME_INDEX = 'access_tokens_user_name';

/**
 * A personal access token (CONTRACT.md, Access tokens): one user, one organization, the
 * permissions it lists. Only the SHA-256 of the token is kept; revoking deletes the row.
 */
@ObjectType({
  description:
    'A personal access token: it acts as its user inside one organization, with what both the token lists and the user holds at that moment. The token itself is shown only once, when it is created.',
})
@Entity('access_tokens')
@Index(ACCESS_TOKEN_NAME_INDEX, ['userId', 'name'], { unique: true })
@Index(['userId', 'createdAt', 'id'])
export class AccessToken {
  @Field(() => ID, { description: "The access token's id (not the token)." })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String, { description: 'What the user called it: 1 to 100 characters, unique among their access tokens.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @Field(() => [OrganizationPermission], {
    description: 'The organization permissions it may use, each held by the user when it was made; at each request, only those the user still holds count.',
  })
  @Column({ type: 'text', array: true })
  organizationPermissions: OrganizationPermission[];

  @Field(() => [ProjectPermission], {
    description: "The project permissions it may use on the organization's projects; on each project, only those the user holds there at that moment count.",
  })
  @Column({ type: 'text', array: true })
  projectPermissions: ProjectPermission[];

  @Field(() => Date, { description: 'When it was made.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => Date, { description: 'From then on it is refused (HTTP 401).' })
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used, to the minute (updated at most once a minute); null if never.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
