import type { DataSource, EntityManager } from 'typeorm';
import { ProjectPermission } from '../../authz/enums';
import { ALL_PROJECT_PERMISSIONS, isBuiltInRoleId } from '../../authz/policy-table';
import type { AuditRecorder } from '../../common/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/pg-errors';

import { optionalText, trimmed } from '../../common/text';
import { Role } from './role.entity';
import type { CreateRoleInput, UpdateRoleInput } from './role.inputs';
import { rowById } from '../../db/rows';
import { sqlChange } from '../../db/sql';

const NAME_TAKEN = 'A role with this name already exists.';

/**
 * A custom role's name is unique in the organization, case-insensitively (the index
 * roles_organization_id_name decides); built-in names are refused with the input (roleNameProblem).
 */
async function namedUniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'roles_organization_id_name')) throw new ConflictError(NAME_TAKEN);
    throw error;
  }
}

/** The set, without duplicates, in catalog order. */
const normalized = (permissions: ProjectPermission[]) => ALL_PROJECT_PERMISSIONS.filter((p) => permissions.includes(p));

/** Custom project roles. ROLES_MANAGE is checked by the shield rules; built-in roles never change. */
export interface RoleDeps {
  dataSource: DataSource;
  audit: AuditRecorder;
}

export class RoleService {
  constructor(private readonly deps: RoleDeps) {}

  async create(actorId: string, input: CreateRoleInput): Promise<Role> {
    return this.deps.dataSource.transaction(async (em) => {
      const name = trimmed(input.name);
      const role = await namedUniquely(name, () =>
        em.save(
          em.create(Role, {
            organizationId: input.organizationId,
            name,
            description: optionalText(input.description) ?? null,
            permissions: normalized(input.permissions),
          }),
        ),
      );
      await this.deps.audit.record(em, {
        organizationId: input.organizationId,
        actorId,
        action: 'role.created',
        targetType: 'Role',
        targetId: role.id,
        data: { name: role.name, permissions: role.permissions },
      });
      return role;
    });
  }

  /** The custom role, locked for the rest of the transaction; built-in roles are FORBIDDEN. */
  private async lockCustom(em: EntityManager, roleId: string): Promise<Role> {
    if (isBuiltInRoleId(roleId)) throw new ForbiddenError('Built-in roles cannot be changed or deleted.');
    const role = await rowById(em, Role, roleId, true);
    if (role.organizationId === null) throw new NotFoundError();
    return role;
  }

  async update(actorId: string, input: UpdateRoleInput): Promise<Role> {
    return this.deps.dataSource.transaction(async (em) => {
      const role = await this.lockCustom(em, input.roleId);
      const before = { ...role };
      if (input.name != null) role.name = trimmed(input.name);
      if (input.description !== undefined) role.description = optionalText(input.description) ?? null;
      if (input.permissions != null) role.permissions = normalized(input.permissions);
      const changed = (['name', 'description', 'permissions'] as const).filter((k) => String(before[k]) !== String(role[k]));
      if (changed.length === 0) return role;
      await namedUniquely(role.name, () => em.update(Role, role.id, { name: role.name, description: role.description, permissions: role.permissions }));
      await this.deps.audit.record(em, {
        organizationId: role.organizationId!,
        actorId,
        action: 'role.updated',
        targetType: 'Role',
        targetId: role.id,
        data: { changed, name: role.name, permissions: role.permissions },
      });
      return role;
    });
  }

  /**
   * CONFLICT while the role is granted (project_grants' foreign key RESTRICTs the DELETE) or named
   * in a pending invitation (the DELETE's own condition). The row lock taken first makes the
   * DELETE start after any transaction that was inserting a reference to the role has committed,
   * so its condition sees that reference; later inserts wait for us and then fail their FK check.
   * An expired invitation still counts as pending here: it can be resent.
   */
  async delete(actorId: string, roleId: string): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const role = await this.lockCustom(em, roleId);
      let deleted: number;
      try {
        ({ affected: deleted } = await sqlChange(
          em,
          `DELETE FROM roles r WHERE r.id = $1
              AND NOT EXISTS (SELECT 1 FROM invitation_project_grants ipg JOIN invitations i ON i.id = ipg.invitation_id
                               WHERE ipg.role_id = r.id AND i.status = 'PENDING')
           RETURNING r.id`,
          [role.id],
        ));
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new ConflictError('This role is still granted on a project.');
        throw error;
      }
      if (deleted === 0) throw new ConflictError('This role is named in a pending invitation.');
      await this.deps.audit.record(em, {
        organizationId: role.organizationId!,
        actorId,
        action: 'role.deleted',
        targetType: 'Role',
        targetId: role.id,
        data: { name: role.name },
      });
    });
  }
}
