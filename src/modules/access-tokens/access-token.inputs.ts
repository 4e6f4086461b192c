import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OrganizationPermission, ProjectPermission } from '../../authz/enums';
import { NameField } from '../../graphql/fields';

export const ACCESS_TOKEN_DAYS_MAX = 366;
export const ACCESS_TOKEN_DAYS_DEFAULT = 90;

@InputType({ description: 'A new personal access token for one organization.' })
export class CreateAccessTokenInput {
  @NameField({ description: 'What to call it: 1 to 100 characters, unique among your access tokens (CONFLICT otherwise).' })
  name: string;

  @Field(() => ID, { description: 'The one organization it acts in (you must belong to it).' })
  organizationId: string;

  @Field(() => [OrganizationPermission], { description: 'The organization permissions it may use; each one you hold there now (FORBIDDEN otherwise).' })
  @ArrayMaxSize(Object.values(OrganizationPermission).length * 2)
  organizationPermissions: OrganizationPermission[];

  @Field(() => [ProjectPermission], {
    description:
      "The project permissions it may use on the organization's projects; each one you hold now (through your role, or a grant on at least one project), FORBIDDEN otherwise. On each project it gets only those you hold there.",
  })
  @ArrayMaxSize(Object.values(ProjectPermission).length * 2)
  projectPermissions: ProjectPermission[];

  @Field(() => Int, { nullable: true, description: `Days until it expires: 1 to ${ACCESS_TOKEN_DAYS_MAX}, ${ACCESS_TOKEN_DAYS_DEFAULT} when omitted.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ACCESS_TOKEN_DAYS_MAX)
  expiresInDays?: number | null;
}

@InputType({ description: 'The access token to revoke.' })
export class RevokeAccessTokenInput {
  @Field(() => ID, { description: 'One of your access tokens (anyone else’s is NOT_FOUND).' })
  accessTokenId: string;
}
