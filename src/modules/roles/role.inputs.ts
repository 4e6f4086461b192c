import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ProjectPermission } from '../../authz/enums';
import { Satisfies, TrimmedLength } from '../../graphql/validators';

/** Without PROJECT_VIEW no other permission means anything (CONTRACT.md, Projects and project roles). */
export function rolePermissionsProblem(value: unknown): string | null {
  return Array.isArray(value) && value.includes(ProjectPermission.PROJECT_VIEW) ? null : 'Must include PROJECT_VIEW.';
}

@InputType()
export class CreateRoleInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { description: "Unique in the organization and not a built-in role's name, case-insensitively." })
  @TrimmedLength(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => [ProjectPermission], { description: 'Must include PROJECT_VIEW.' })
  @Satisfies(rolePermissionsProblem)
  permissions: ProjectPermission[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID, { description: 'A custom role; built-in roles cannot be changed (FORBIDDEN).' })
  roleId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimmedLength(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Set to null or "" to clear.' })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => [ProjectPermission], { nullable: true, description: 'Replaces the set; must include PROJECT_VIEW.' })
  @Satisfies(rolePermissionsProblem)
  permissions?: ProjectPermission[] | null;
}

@InputType()
export class DeleteRoleInput {
  @Field(() => ID, { description: 'A custom role, granted nowhere and named in no pending invitation (else CONFLICT).' })
  roleId: string;
}
