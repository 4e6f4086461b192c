import { connectionTypes } from '../../graphql/pagination';
import { AuditEvent } from './audit-event.entity';

export const AuditEventConnection = connectionTypes(AuditEvent, 'AuditEvent');
