import { Field, ID, InputType } from 'type-graphql';
import { NameField, TextField } from '../../graphql/fields';
import { ProjectPermission } from '../../authz/enums';
import { BUILT_IN_ROLES } from '../../authz/policy-table';
import { Satisfies } from '../../graphql/validators';

/** NFKC, then case folded: "Ｏｗｎｅｒ", "OWNER" and "owner" are one name. */
const folded = (name: string) => name.trim().normalize('NFKC').toUpperCase().toLowerCase();
const BUILT_IN_NAMES: ReadonlySet<string> = new Set(BUILT_IN_ROLES.map((r) => folded(r.name)));

/** Built-in roles are shared by every organization, so no custom role may take one's name. */
export function roleNameProblem(value: unknown): string | null {
  return typeof value === 'string' && BUILT_IN_NAMES.has(folded(value)) ? 'A built-in role has this name.' : null;
}

/** Without PROJECT_VIEW no other permission means anything (CONTRACT.md, Projects and project roles). */
export function rolePermissionsProblem(value: unknown): string | null {
  return Array.isArray(value) && value.includes(ProjectPermission.PROJECT_VIEW) ? null : 'Must include PROJECT_VIEW.';
}

@InputType({ description: 'A new custom project role.' })
export class CreateRoleInput {
  @Field(() => ID, { description: 'The organization the role belongs to.' })
  organizationId: string;

  @NameField({
    description:
      "Unique in the organization, case-insensitively (else CONFLICT); not a built-in role's name after NFKC and case folding (else BAD_USER_INPUT).",
  })
  @Satisfies(roleNameProblem)
  name: string;

  @TextField({ description: 'At most 1,000 characters.' })
  description?: string | null;

  @Field(() => [ProjectPermission], { description: 'Must include PROJECT_VIEW.' })
  @Satisfies(rolePermissionsProblem)
  permissions: ProjectPermission[];
}

@InputType({ description: "The custom role's fields to change; omitted fields stay as they are." })
export class UpdateRoleInput {
  @Field(() => ID, { description: 'A custom role; built-in roles cannot be changed (FORBIDDEN).' })
  roleId: string;

  @NameField({
    nullable: true,
    description:
      "1 to 100 characters; unique in the organization (else CONFLICT) and not a built-in role's name after NFKC and case folding (else BAD_USER_INPUT).",
  })
  @Satisfies(roleNameProblem)
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;

  @Field(() => [ProjectPermission], { nullable: true, description: 'Replaces the set; must include PROJECT_VIEW.' })
  @Satisfies(rolePermissionsProblem)
  permissions?: ProjectPermission[] | null;
}

@InputType({ description: 'The custom role to delete.' })
export class DeleteRoleInput {
  @Field(() => ID, { description: 'A custom role, granted nowhere and named in no pending invitation (else CONFLICT).' })
  roleId: string;
}
