import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live events (src/modules/events): every audit event, however it is inserted, NOTIFYs
 * `orgraph_events` with `<organization id>:<event id>`, and a deleted organization with
 * `<organization id>:` (its subscribers re-check their access). PostgreSQL delivers these
 * when the transaction commits, in commit order, to every listening server process.
 */
export class EventNotifications1795600000000 implements MigrationInterface {
  name = 'EventNotifications1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "notify_audit_event"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('orgraph_events', NEW.organization_id::text || ':' || NEW.id::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "audit_events_notify" AFTER INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "notify_audit_event"()`);
    await q.query(`CREATE FUNCTION "notify_organization_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('orgraph_events', OLD.id::text || ':');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "organizations_notify_deleted" AFTER DELETE ON "organizations" FOR EACH ROW EXECUTE FUNCTION "notify_organization_deleted"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "organizations_notify_deleted" ON "organizations"`);
    await q.query(`DROP FUNCTION "notify_organization_deleted"()`);
    await q.query(`DROP TRIGGER "audit_events_notify" ON "audit_events"`);
    await q.query(`DROP FUNCTION "notify_audit_event"()`);
  }
}
