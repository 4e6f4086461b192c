import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.entity';

@ObjectType({ description: 'The role a mutation changed.' })
export class RolePayload {
  @Field(() => Role, { description: 'The role.' })
  role: Role;
}

@ObjectType({ description: 'The deleted role.' })
export class DeleteRolePayload {
  @Field(() => ID, { description: 'The deleted role.' })
  deletedRoleId: string;
}
