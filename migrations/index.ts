import { Initial1795424204669 } from './1795424204669-Initial';
import { MemberSearchIndexes1795424300000 } from './1795424300000-MemberSearchIndexes';
import { MailQueueOnPgBoss1795510000000 } from './1795510000000-MailQueueOnPgBoss';
import { RateLimits1795510100000 } from './1795510100000-RateLimits';
import { EventNotifications1795600000000 } from './1795600000000-EventNotifications';
import { Webhooks1795600100000 } from './1795600100000-Webhooks';
import { ReadPositions1795710000000 } from './1795710000000-ReadPositions';
import { InstanceAdministration1796400000000 } from './1796400000000-InstanceAdministration';
import { Reinstatement1796400100000 } from './1796400100000-Reinstatement';
import { Accounts1796457441778 } from './1796457441778-Accounts';
import { AccessTokens1796457534046 } from './1796457534046-AccessTokens';
import { MemberCounts1796500000000 } from './1796500000000-MemberCounts';
import { TeamMembersByUser1796500100000 } from './1796500100000-TeamMembersByUser';

/** Every migration, in order. Listed explicitly so compiled and test runs load the same set. */
export const migrations = [
  Initial1795424204669,
  MemberSearchIndexes1795424300000,
  MailQueueOnPgBoss1795510000000,
  RateLimits1795510100000,
  EventNotifications1795600000000,
  Webhooks1795600100000,
  ReadPositions1795710000000,
  InstanceAdministration1796400000000,
  Reinstatement1796400100000,
  Accounts1796457441778,
  AccessTokens1796457534046,
  MemberCounts1796500000000,
  TeamMembersByUser1796500100000,
];
