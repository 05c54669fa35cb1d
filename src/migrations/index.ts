import * as migration_20261123_210313_initial from './20261123_210313_initial';
import * as migration_20261123_212103_catalog_and_enrollments from './20261123_212103_catalog_and_enrollments';
import * as migration_20261123_212933_rate_limits from './20261123_212933_rate_limits';
import * as migration_20261123_214030_email_pipeline from './20261123_214030_email_pipeline';
import * as migration_20261123_215149_enrollment_emails from './20261123_215149_enrollment_emails';
import * as migration_20261123_215506_payments from './20261123_215506_payments';
import * as migration_20261123_222419_leads_crm from './20261123_222419_leads_crm';
import * as migration_20261124_012508_catalog_change_log from './20261124_012508_catalog_change_log';
import * as migration_20261129_231015_hardening_round_two from './20261129_231015_hardening_round_two';
import * as migration_20261129_231016_default_email_templates from './20261129_231016_default_email_templates';
import * as migration_20261130_023058_staff_admin_round_two from './20261130_023058_staff_admin_round_two';
import * as migration_20261130_055912_courses_that_run from './20261130_055912_courses_that_run';
import * as migration_20261130_083524_after_the_event from './20261130_083524_after_the_event';
import * as migration_20261130_115646_selling from './20261130_115646_selling';
import * as migration_20261130_153428_automation from './20261130_153428_automation';
import * as migration_20261130_190314_audit_notifications_privacy from './20261130_190314_audit_notifications_privacy';
import * as migration_20261201_012900_webhooks from './20261201_012900_webhooks';
import * as migration_20261201_043821_email_rules_version from './20261201_043821_email_rules_version';
import * as migration_20261201_092749_catalog_seat_changes from './20261201_092749_catalog_seat_changes';

export const migrations = [
  {
    up: migration_20261123_210313_initial.up,
    down: migration_20261123_210313_initial.down,
    name: '20261123_210313_initial',
  },
  {
    up: migration_20261123_212103_catalog_and_enrollments.up,
    down: migration_20261123_212103_catalog_and_enrollments.down,
    name: '20261123_212103_catalog_and_enrollments',
  },
  {
    up: migration_20261123_212933_rate_limits.up,
    down: migration_20261123_212933_rate_limits.down,
    name: '20261123_212933_rate_limits',
  },
  {
    up: migration_20261123_214030_email_pipeline.up,
    down: migration_20261123_214030_email_pipeline.down,
    name: '20261123_214030_email_pipeline',
  },
  {
    up: migration_20261123_215149_enrollment_emails.up,
    down: migration_20261123_215149_enrollment_emails.down,
    name: '20261123_215149_enrollment_emails',
  },
  {
    up: migration_20261123_215506_payments.up,
    down: migration_20261123_215506_payments.down,
    name: '20261123_215506_payments',
  },
  {
    up: migration_20261123_222419_leads_crm.up,
    down: migration_20261123_222419_leads_crm.down,
    name: '20261123_222419_leads_crm',
  },
  {
    up: migration_20261124_012508_catalog_change_log.up,
    down: migration_20261124_012508_catalog_change_log.down,
    name: '20261124_012508_catalog_change_log',
  },
  {
    up: migration_20261129_231015_hardening_round_two.up,
    down: migration_20261129_231015_hardening_round_two.down,
    name: '20261129_231015_hardening_round_two',
  },
  {
    up: migration_20261129_231016_default_email_templates.up,
    down: migration_20261129_231016_default_email_templates.down,
    name: '20261129_231016_default_email_templates',
  },
  {
    up: migration_20261130_023058_staff_admin_round_two.up,
    down: migration_20261130_023058_staff_admin_round_two.down,
    name: '20261130_023058_staff_admin_round_two',
  },
  {
    up: migration_20261130_055912_courses_that_run.up,
    down: migration_20261130_055912_courses_that_run.down,
    name: '20261130_055912_courses_that_run',
  },
  {
    up: migration_20261130_083524_after_the_event.up,
    down: migration_20261130_083524_after_the_event.down,
    name: '20261130_083524_after_the_event',
  },
  {
    up: migration_20261130_115646_selling.up,
    down: migration_20261130_115646_selling.down,
    name: '20261130_115646_selling',
  },
  {
    up: migration_20261130_153428_automation.up,
    down: migration_20261130_153428_automation.down,
    name: '20261130_153428_automation',
  },
  {
    up: migration_20261130_190314_audit_notifications_privacy.up,
    down: migration_20261130_190314_audit_notifications_privacy.down,
    name: '20261130_190314_audit_notifications_privacy',
  },
  {
    up: migration_20261201_012900_webhooks.up,
    down: migration_20261201_012900_webhooks.down,
    name: '20261201_012900_webhooks',
  },
  {
    up: migration_20261201_043821_email_rules_version.up,
    down: migration_20261201_043821_email_rules_version.down,
    name: '20261201_043821_email_rules_version',
  },
  {
    up: migration_20261201_092749_catalog_seat_changes.up,
    down: migration_20261201_092749_catalog_seat_changes.down,
    name: '20261201_092749_catalog_seat_changes',
  },
];
