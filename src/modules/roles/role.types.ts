import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.entity';

@ObjectType()
export class RolePayload {
  @Field(() => Role)
  role: Role;
}

@ObjectType()
export class DeleteRolePayload {
  @Field(() => ID)
  deletedRoleId: string;
}
