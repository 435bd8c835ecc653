import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { settingsQuery } from '../../api/queries';
import { settingsNotice } from '../../components/error-words';
import { useT } from '../../i18n/use-t';

/**
 * Shown while the settings file could not be used: where it went, and that the strictest settings
 * (caller verification required) apply until the operator saves them again. Not dismissible: it
 * explains why every action now asks for caller checks.
 */
export function SettingsNotice({ onOpenSettings }: { onOpenSettings: () => void }) {
  const t = useT();
  const settings = useQuery(settingsQuery());
  const notice = settingsNotice(t, settings.data?.damagedFile);
  if (!notice) return null;
  return (
    <div className="notice notice-warning settings-notice" role="status">
      <p>
        <strong>{t('settings.notice.label')}</strong> {notice}
      </p>
      <Button className="button button-quiet" onPress={onOpenSettings}>
        {t('settings.notice.review')}
      </Button>
    </div>
  );
}
