import { type MessageKey, useI18n } from '../i18n/i18n';
import type { VersionStatus } from './matter-version';

const statusKeys: Record<VersionStatus, MessageKey> = {
  draft: 'admin.status.draft',
  published: 'admin.status.published',
  retired: 'admin.status.retired',
};

/** A version's status as a tag. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useI18n();
  return <span className={`status-tag admin-status-${status}`}>{t(statusKeys[status])}</span>;
}
