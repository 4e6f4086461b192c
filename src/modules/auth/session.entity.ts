import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/** Longer User-Agent headers are cut to this many characters. */
export const USER_AGENT_MAX = 512;

/** A signed-in session; only the SHA-256 of its bearer token is kept. */
@ObjectType({ description: 'A signed-in session of the viewer (viewer.sessions): where and when it was opened and last used.' })
@Entity('sessions')
export class Session {
  @Field(() => ID, { description: 'Stable identifier; revokeSession takes it.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'bytea', unique: true })
  tokenHash: Buffer;

  @Field(() => Date, { description: 'When it was opened (register, login, acceptInvitation or resetPassword).' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { description: 'When a request last used it, to the minute: it is updated at most once a minute.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Field(() => String, { nullable: true, description: 'The User-Agent header of the request that opened it (at most 512 characters); null without one.' })
  @Column({ type: 'varchar', length: USER_AGENT_MAX, nullable: true })
  userAgent: string | null;
}
